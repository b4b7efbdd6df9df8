/**
 * Small screens, in every locale: at 390 px wide the reference pages (parameter tables, field
 * trees opened to their last level, the example selector, the Try it panel with an answer)
 * are read without scrolling the page sideways: the document fits the viewport, every table
 * fits it (a wide one scrolls inside its own box), and nothing in the content sticks out
 * unless it sits in a box that scrolls by itself (code blocks, tables). The navbar does not move
 * while its logo loads (CLS 0), and the menu, rendered when first opened, shows the docs sidebar
 * whose links open pages without a reload.
 */
import type { Page } from '@playwright/test';
import { expect, localePrefix, test } from './fixtures';
import { CONTACTS_PATH, GET_CONTACTS, type EndpointTarget } from './pages/EndpointPage';

const PHONE = { width: 390, height: 844 };

const PAGES: Array<{ path: string; panel?: EndpointTarget }> = [
  { path: CONTACTS_PATH, panel: GET_CONTACTS },
  { path: '/api/reference/messages_api/post_messages', panel: { path: '/api/reference/messages_api/post_messages', region: /POST \/messages\/send/ } },
  { path: '/api/reference/contacts_api/get_contact_messages' },
  { path: '/api/reference/webhooks/message_events/message_created' },
  { path: '/api/reference/object_types/contact' },
];

/** Opens every closed field of every tree, level after level (bounded). */
async function openTrees(page: Page): Promise<number> {
  let opened = 0;
  for (let level = 0; level < 8; level++) {
    const closed = page.getByRole('main').locator('li > button[aria-expanded="false"]');
    const count = await closed.count();
    if (count === 0) return opened;
    for (let i = count - 1; i >= 0 && opened < 300; i--) {
      await closed.nth(i).click();
      opened++;
    }
  }
  return opened;
}

/** What sticks out of the viewport: the document, tables, and content outside a box that scrolls. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const main = document.querySelector('main');
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document is ${document.documentElement.scrollWidth}px wide`);
    for (const table of document.querySelectorAll('table')) {
      const r = table.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) out.push(`table "${(table.textContent ?? '').slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    for (const el of main?.querySelectorAll('*') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.left >= -0.5 && r.right <= width + 0.5)) continue;
      let box = el.parentElement;
      let scrolls = false;
      while (box && box !== main) {
        if (/auto|scroll/.test(getComputedStyle(box).overflowX)) {
          scrolls = true;
          break;
        }
        box = box.parentElement;
      }
      if (!scrolls) out.push(`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

test.use({ viewport: PHONE });

for (const { path, panel } of PAGES) {
  test(`${path} fits a 390 px screen, trees open${panel ? ' and the panel answered' : ''}`, async ({ page, endpoint }) => {
    await endpoint.goto(path);
    expect(await overflow(page)).toEqual([]);
    if (panel) {
      const block = endpoint.for(panel);
      await block.openTryIt();
      if (panel === GET_CONTACTS) {
        await block.useDemoKey();
        await block.sendButton.click();
        await expect(block.responseBody).toBeVisible();
      }
    }
    const opened = await openTrees(page);
    expect(opened).toBeGreaterThan(0);
    expect(await overflow(page)).toEqual([]);
  });
}

test('the navbar does not move while its logo loads', async ({ page, siteLocale, t }) => {
  // The logo arrives only once the page has painted: its box must already be there (CLS stays 0).
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/img/favicon.svg', async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { layoutShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${localePrefix(siteLocale)}/`, { waitUntil: 'domcontentloaded' });
  const logo = page.getByRole('navigation', { name: t('theme.NavBar.navAriaLabel') }).getByRole('img').first();
  await expect(logo).toBeAttached();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  release();
  await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts)).toEqual([]);
});

test('the menu opens on the docs sidebar, whose links open pages in the app; wider, the sidebar is beside the page', async ({ page, endpoint, siteLocale, t }) => {
  await endpoint.goto(CONTACTS_PATH);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.getByRole('button', { name: t('theme.docs.sidebar.toggleSidebarButtonAriaLabel') }).click();
  // The menu shows the docs sidebar (its "back to main menu" button above it), the current page marked.
  const menu = page.locator('.theme-layout-navbar-sidebar');
  await expect(menu.getByRole('button', { name: t('theme.navbar.mobileSidebarSecondaryMenu.backButtonLabel') })).toBeVisible();
  const docsSidebar = menu.locator('.theme-doc-sidebar-menu');
  await expect(docsSidebar.locator('a[aria-current="page"]')).toHaveAttribute('href', `${localePrefix(siteLocale)}${CONTACTS_PATH}`);
  await docsSidebar.locator(`a[href="${localePrefix(siteLocale)}/api/pagination"]`).click();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}/api/pagination$`));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  await expect(menu).not.toBeInViewport();

  // The desktop sidebar, left out of the page's load on a phone, comes back on a wide screen.
  await page.setViewportSize({ width: 1280, height: 800 });
  const sidebar = page.getByRole('navigation', { name: t('theme.docs.sidebar.navAriaLabel') });
  await expect(sidebar.locator('a[aria-current="page"]')).toHaveAttribute('href', `${localePrefix(siteLocale)}/api/pagination`);
  await expect(sidebar.getByRole('link').first()).toBeVisible();
});
