/**
 * Markdown tables on a page's first load (src/components/KeptTable), in every locale: React adopts
 * each table as the server rendered it instead of hydrating its rows, and the table's links still
 * behave as the app's links do: pointed at, they load their page; focused, they download it;
 * clicked, they open it without a reload. After a client-side navigation, tables render as usual.
 */
import { expect, localePrefix, test } from './fixtures';
import { GET_CONTACTS } from './pages/EndpointPage';
import { recordRouteRequests } from './routeRequests';

const WEBHOOKS = '/api/webhooks';
const EVENT = '/api/reference/webhooks/message_events/message_created';

test("tables keep the server's rows: React hydrates none of them, and every row is there", async ({ page, siteLocale }) => {
  // The first cell of every table, as the server's HTML has it, before React runs.
  await page.addInitScript({
    content: `document.addEventListener('DOMContentLoaded', () => { window.serverCells = [...document.querySelectorAll('article table td')]; });`,
  });
  await page.goto(localePrefix(siteLocale) + GET_CONTACTS.path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const cells = await page.evaluate(() => {
    const server = (window as unknown as { serverCells: Element[] }).serverCells;
    return {
      count: server.length,
      stillShown: server.filter((cell) => cell.isConnected).length,
      // React marks every element it hydrates with its fiber (a `__reactFiber$…` property).
      hydrated: server.filter((cell) => Object.keys(cell).some((key) => key.startsWith('__reactFiber'))).length,
      tableHydrated: [...document.querySelectorAll('article table')].every((table) => Object.keys(table).some((key) => key.startsWith('__reactFiber'))),
    };
  });
  expect(cells.count).toBeGreaterThan(20);
  expect(cells).toEqual({ count: cells.count, stillShown: cells.count, hydrated: 0, tableHydrated: true });
  await expect(page.getByRole('cell', { name: 'include_field_types', exact: true })).toBeVisible();
});

test('a link in a table loads its page when pointed at or focused, and opens it without a reload', async ({ page, siteLocale }) => {
  const asked = await recordRouteRequests(page);
  await page.goto(localePrefix(siteLocale) + WEBHOOKS);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const target = `${localePrefix(siteLocale)}${EVENT}`;
  const link = page.locator(`article table a[href="${target}"]`);
  await link.scrollIntoViewIfNeeded();
  await link.focus();
  await expect.poll(asked).toContain(`prefetch ${target}`);
  await link.hover();
  await expect.poll(asked).toContain(`preload ${target}`);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator('article h1')).toBeVisible();
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  // The event page's tables, rendered by React after the navigation, are complete.
  const rows = page.locator('article table tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect.poll(() => rows.evaluateAll((els) => els.filter((el) => (el.textContent ?? '').trim() === '').length)).toBe(0);
  // Back to the webhooks page, within the app: its table is React's now, and its links still work.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}${WEBHOOKS}$`));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  await page.locator(`article table a[href="${target}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
});

test('a Ctrl-click on a link in a table stays the browser’s (the page does not change in the app)', async ({ page, siteLocale, context }) => {
  await page.goto(localePrefix(siteLocale) + WEBHOOKS);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const target = `${localePrefix(siteLocale)}${EVENT}`;
  const opened = context.waitForEvent('page');
  await page.locator(`article table a[href="${target}"]`).click({ modifiers: ['ControlOrMeta'] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(target);
  expect(new URL(page.url()).pathname).toBe(`${localePrefix(siteLocale)}${WEBHOOKS}`);
  await tab.close();
});
