/**
 * Examples you can choose, in every locale: the selector of POST /messages/send names every
 * request the spec documents in the static HTML; picking one changes the snippets and the
 * Try it body, points at (and marks) the matching response section, and travels in the
 * share link. The panel's parameter hints are the spec's words in the page's language.
 */
import { loadSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { localizedOperation, type LocalizedOperationModel } from '../src/lib/api/localize';
import { requestExamples, type RequestExample } from '../src/lib/request/examples';
import { expect, test, type SiteLocale } from './fixtures';
import { escapeRegExp, GET_CONTACTS, type EndpointTarget } from './pages/EndpointPage';

const SEND: EndpointTarget = { path: '/api/reference/messages_api/post_messages', region: /POST \/messages\/send/ };

function model(locale: SiteLocale, group: string, request: string): LocalizedOperationModel {
  return localizedOperation(loadSpec(), localeStrings(locale).spec, locale, group, request);
}

function examplesOf(locale: SiteLocale): RequestExample[] {
  return requestExamples(model(locale, 'messages_api', 'post_messages'));
}

function example(list: RequestExample[], id: string): RequestExample {
  const found = list.find((e) => e.id === id);
  if (!found) throw new Error(`no example ${id}`);
  return found;
}

test('the static HTML names every example the selector offers', async ({ browser, endpoint, siteLocale, t }) => {
  const examples = examplesOf(siteLocale);
  expect(examples.length).toBeGreaterThanOrEqual(14);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(endpoint.url(SEND.path));
  const select = page.getByRole('region', { name: SEND.region }).getByLabel(t('requestTabs.example.label'), { exact: true });
  const options = await select.locator('option').evaluateAll((list) => list.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
  expect(options).toEqual(examples.map((e) => [e.id, e.label]));
  await context.close();
});

test('picking an example changes the snippet and the Try it body, and marks its response', async ({ page, endpoint, siteLocale, t }) => {
  const send = endpoint.for(SEND);
  const examples = examplesOf(siteLocale);
  await send.goto();
  const select = send.requestTabs.getByLabel(t('requestTabs.example.label'), { exact: true });
  await expect(select).toHaveValue(examples[0]!.id);
  await expect(send.visibleSnippet).toContainText(examples[0]!.values.body!);

  // The first request's response is marked as current.
  const first = send.requestTabs.getByRole('link', { name: examples[0]!.label, exact: true });
  const firstHeading = page.locator(`[id="${(await first.getAttribute('href'))!.slice(1)}"]`);
  await expect(firstHeading).toHaveAttribute('aria-current', 'true');

  const image = example(examples, 'image');
  await select.selectOption(image.id);
  await expect(send.visibleSnippet).toContainText(image.values.body!);
  await expect(send.visibleSnippet).not.toContainText(examples[0]!.values.body!);
  const link = send.requestTabs.getByRole('link', { name: image.label, exact: true });
  const anchor = (await link.getAttribute('href'))!.slice(1);
  const heading = page.locator(`[id="${anchor}"]`);
  await expect(heading).toHaveRole('heading');
  await expect(heading).toHaveAttribute('aria-current', 'true');
  await expect(firstHeading).not.toHaveAttribute('aria-current');
  // The marked section is the one that shows the chosen request's response.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${escapeRegExp(anchor)}$`));

  // The Try it body follows, and a choice made with the panel open replaces it.
  await send.openTryIt();
  await expect(send.bodyInput).toHaveValue(image.values.body!);
  const video = example(examples, 'video');
  await select.selectOption(video.id);
  await expect(send.bodyInput).toHaveValue(video.values.body!);
  await expect(send.visibleSnippet).toContainText(video.values.body!);
  // Reset goes back to the chosen example, not to the page's first one.
  await send.bodyInput.fill('{}');
  await send.button('tryIt.reset').click();
  await expect(send.bodyInput).toHaveValue(video.values.body!);
});

test('every example of POST /messages/send can be picked', async ({ endpoint, siteLocale, t }) => {
  const send = endpoint.for(SEND);
  await send.goto();
  const select = send.requestTabs.getByLabel(t('requestTabs.example.label'), { exact: true });
  for (const e of [...examplesOf(siteLocale)].reverse()) {
    await select.selectOption(e.id);
    await expect(send.visibleSnippet, e.id).toContainText(e.values.body!);
  }
});

test('the chosen example is part of the share link, and a link opens on it', async ({ page, context, endpoint, siteLocale, t }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const send = endpoint.for(SEND);
  const examples = examplesOf(siteLocale);
  const templateDocument = example(examples, 'templateDocument');
  await send.goto();
  await send.requestTabs.getByLabel(t('requestTabs.example.label'), { exact: true }).selectOption(templateDocument.id);
  await send.openTryIt();
  await send.button('tryIt.share').click();
  await expect(send.panel.getByText(t('tryIt.share.copied'))).toBeVisible();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(link.searchParams.get('try.example')).toBe(templateDocument.id);
  expect(link.searchParams.get('try.body')).toBe(templateDocument.values.body);

  // A link that only names the example opens the panel on it.
  const other = await context.newPage();
  const opened = endpoint.for(SEND);
  await other.goto(`${opened.url()}?try.request=post_messages&try.example=audio`);
  await expect(other.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const region = other.getByRole('region', { name: SEND.region }).first();
  await expect(region.getByLabel(t('requestTabs.example.label'), { exact: true })).toHaveValue('audio');
  await expect(region.getByLabel(t('tryIt.body'), { exact: true })).toHaveValue(example(examples, 'audio').values.body!);
  await other.close();
});

test('the panel\'s parameter hints are the spec\'s words in the page\'s language', async ({ page, endpoint, siteLocale }) => {
  const contacts = endpoint.for(GET_CONTACTS);
  await contacts.goto();
  await contacts.openTryIt();
  const english = model('en', 'contacts_api', 'get_contacts');
  const local = model(siteLocale, 'contacts_api', 'get_contacts');
  for (const name of ['page', 'tags']) {
    const param = local.params.find((p) => p.name === name)!;
    const hintId = (await contacts.param(name).getAttribute('aria-describedby'))!.split(' ')[0]!;
    const hint = page.locator(`[id="${hintId}"]`);
    await expect(hint).toContainText(param.description);
    // A translated hint shows instead of the English one (a string without translation stays English).
    const en = english.params.find((p) => p.name === name)!.description;
    if (siteLocale !== 'en' && !param.descriptionLang) await expect(hint).not.toContainText(en);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${siteLocale}`));
});
