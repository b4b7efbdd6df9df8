/**
 * Every endpoint page of the reference, in every locale: it renders with its
 * method and path, and its "try it" panel sends the documented example
 * request to the sandbox successfully. Each test uses its own sandbox test
 * key, so the sandbox's per-key data starts fresh and tests cannot disturb
 * one another.
 *
 * The snippets are light at load and complete without JavaScript: the static
 * HTML holds every tab's full text, the selected tab's highlighted and the
 * others as plain text; a tab is highlighted once selected, by the reader or
 * from the language remembered in storage.
 */
import { randomBytes } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { loadSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { localizedOperation } from '../src/lib/api/localize';
import { operationModels } from '../src/lib/api/model';
import { displayPath, endpointDocPath } from '../src/lib/docs/paths';
import { buildRequest, exampleValues } from '../src/lib/request/build';
import { generateSnippet, targetIds, targets, type TargetId } from '../src/lib/snippets';
import { expect, test, type SiteLocale } from './fixtures';
import { GET_CONTACTS, type EndpointTarget } from './pages/EndpointPage';
import { E2E_SANDBOX_URL } from './ports';

const operations = operationModels(loadSpec());

for (const op of operations) {
  test(`${op.method} ${op.path}: the page renders and "try it" sends its example`, async ({ page, endpoint }) => {
    await endpoint.goto(`/${endpointDocPath(op)}`);
    const title = `${op.method} ${displayPath(op.path)}`;
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    const region = page.getByRole('region', { name: new RegExp(`${op.method} ${op.path.replace(/[{}]/g, '\\$&')}`) });
    await region.getByRole('button', { name: endpoint.t('requestTabs.tryIt'), exact: true }).click();
    const panel = page.getByRole('group', { name: endpoint.t('tryIt.panel') });
    await panel.getByLabel(endpoint.t('tryIt.apiKey'), { exact: true }).fill(`test_e2e${randomBytes(8).toString('hex')}`);
    await panel.getByRole('button', { name: endpoint.t('tryIt.send'), exact: true }).click();
    await expect(panel.getByRole('status')).toContainText(String(op.successStatus));
  });
}

const SEND: EndpointTarget = { path: '/api/reference/messages_api/post_messages', region: /POST \/messages\/send/ };

/** The page's snippets as the build prints them: the documented request, the sandbox (the build's default), no key. */
function expectedSnippets(locale: SiteLocale, group: string, request: string): Map<TargetId, string> {
  const op = localizedOperation(loadSpec(), localeStrings(locale).spec, locale, group, request);
  const shown = buildRequest(op, exampleValues(op), { baseUrl: E2E_SANDBOX_URL, maskKey: true });
  return new Map(targetIds.map((id) => [id, generateSnippet(id, shown)]));
}

/** The number of highlighted tokens in a snippet. */
function tokens(pre: Locator): Locator {
  return pre.locator('.token');
}

test.describe('snippets', () => {
  for (const [target, group, request] of [
    [GET_CONTACTS, 'contacts_api', 'get_contacts'],
    [SEND, 'messages_api', 'post_messages'],
  ] as const) {
    test(`${target.path}: the static HTML holds every snippet in full, the selected one highlighted, the others as plain text`, async ({ browser, endpoint, siteLocale }) => {
      const expected = expectedSnippets(siteLocale, group, request);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(endpoint.url(target.path));
      const region = page.getByRole('region', { name: target.region }).first();
      const panels = region.locator('[role="tabpanel"]');
      await expect(panels).toHaveCount(targetIds.length);
      for (const [i, id] of targetIds.entries()) {
        const pre = panels.nth(i).locator('pre');
        expect(await pre.textContent(), id).toBe(expected.get(id));
        if (i === 0) expect(await tokens(pre).count(), id).toBeGreaterThan(10);
        // One text node: no element per token.
        else expect(await pre.locator('code *').count(), id).toBe(0);
      }
      await context.close();
    });
  }

  test('a tab is highlighted once selected, with the same text', async ({ endpoint, siteLocale }) => {
    const expected = expectedSnippets(siteLocale, 'contacts_api', 'get_contacts');
    await endpoint.goto();
    for (const id of [...targetIds].reverse()) {
      await endpoint.tab(targets[id].label).click();
      await expect(tokens(endpoint.visibleSnippet), id).not.toHaveCount(0);
      expect(await endpoint.visibleSnippet.textContent(), id).toBe(expected.get(id));
    }
    // The first tab, highlighted by the server, still is.
    await endpoint.tab(targets.curl.label).click();
    await expect(tokens(endpoint.visibleSnippet)).not.toHaveCount(0);
  });

  test('the language remembered from an earlier page is selected and highlighted at load', async ({ endpoint, siteLocale }) => {
    const expected = expectedSnippets(siteLocale, 'messages_api', 'post_messages');
    // Chosen on one page, remembered (storage) on the next one the browser loads.
    await endpoint.goto();
    await endpoint.tab(targets.ruby.label).click();
    const send = endpoint.for(SEND);
    await send.goto();
    await expect(send.tab(targets.ruby.label)).toHaveAttribute('aria-selected', 'true');
    await expect(tokens(send.visibleSnippet)).not.toHaveCount(0);
    expect(await send.visibleSnippet.textContent()).toBe(expected.get('ruby'));
  });
});
