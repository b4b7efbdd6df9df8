/**
 * Fields you can explore, in every locale: the field tree of GET /contacts has its first
 * level in the static HTML and renders deeper levels on expand; it works with the keyboard,
 * links object types to their pages in the reader's locale, shows the spec's descriptions
 * in the page's language, and axe finds nothing with it open.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { localeConfig } from '../src/config/locales';
import { childFields, buildFieldTree, type FieldNode } from '../src/lib/api/fieldTree';
import { loadSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { localizeSpec } from '../src/lib/api/localize';
import { expect, localePrefix, test, type SiteLocale, type Translator } from './fixtures';
import { CONTACTS_PATH } from './pages/EndpointPage';

/** The response tree of GET /contacts as the build made it for the locale. */
function contactsTree(locale: SiteLocale) {
  const doc = locale === 'en' ? loadSpec() : localizeSpec(loadSpec(), localeStrings(locale).spec, { mark: true, lang: locale }).doc;
  return buildFieldTree(doc, { kind: 'response', path: '/contacts', method: 'GET' }, locale);
}

/** The field tree that follows the response table. */
function tree(page: Page, t: Translator): Locator {
  return page.getByRole('list', { name: t('fieldTree.caption.response'), exact: true });
}

/** The item of a field, among the direct items of a list. */
function field(list: Locator, name: string): Locator {
  return list.locator(':scope > li').filter({ has: list.page().locator(':scope > div > code', { hasText: new RegExp(`^${name}$`) }) });
}

/** The disclosure button of a field. */
function toggle(item: Locator): Locator {
  return item.locator(':scope > button');
}

function names(nodes: FieldNode[]): string[] {
  return nodes.map((n) => n.name);
}

test('the first level is in the static HTML, deeper levels only on expand', async ({ browser, siteLocale, t }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${localePrefix(siteLocale)}${CONTACTS_PATH}`);
  const list = tree(page, t);
  await expect(list.locator(':scope > li > div > code')).toHaveText(names(contactsTree(siteLocale).fields));
  // Nothing nested is rendered yet: the buttons are collapsed and control no list.
  await expect(list.locator('ul')).toHaveCount(0);
  await expect(list.getByRole('button').first()).toHaveAttribute('aria-expanded', 'false');
  await context.close();
});

test('nested fields expand to any depth, by mouse and keyboard', async ({ page, endpoint, siteLocale, t }) => {
  const model = contactsTree(siteLocale);
  await endpoint.goto();
  const list = tree(page, t);
  const contacts = field(list, 'contacts');
  const contactsNode = model.fields.find((f) => f.name === 'contacts')!;
  const button = toggle(contacts);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toContainText(String(childFields(model, contactsNode).length));
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const nested = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await expect(nested.locator(':scope > li > div > code')).toHaveText(names(childFields(model, contactsNode)));

  // Two levels further: contacts -> team -> its fields, with ranges written as ≥.
  const team = field(nested, 'team');
  await toggle(team).focus();
  await page.keyboard.press('Enter');
  await expect(toggle(team)).toHaveAttribute('aria-expanded', 'true');
  const teamList = team.locator(':scope > ul');
  await expect(field(teamList, 'members')).toContainText('≥ 0');
  const teamNode = childFields(model, contactsNode).find((f) => f.name === 'team')!;
  await expect(teamList.locator(':scope > li > div > code')).toHaveText(names(childFields(model, teamNode)));

  // The map of custom field metadata: any name -> value, type (enum), options.
  const metadata = field(nested, 'customFieldsMetadata');
  await toggle(metadata).click();
  const anyName = metadata.locator(':scope > ul > li').first();
  await expect(anyName.locator(':scope > div > code')).toHaveText(t('fieldTree.anyKey'));
  await toggle(anyName).click();
  await expect(anyName.locator(':scope > ul > li')).toHaveCount(3);

  // Space closes it again, and the nested list goes from the page.
  await toggle(contacts).focus();
  await page.keyboard.press('Space');
  await expect(toggle(contacts)).toHaveAttribute('aria-expanded', 'false');
  await expect(contacts.locator('ul')).toHaveCount(0);
});

test('each field shows its facts and the spec\'s description in the page\'s language', async ({ page, endpoint, siteLocale, t }) => {
  const model = contactsTree(siteLocale);
  await endpoint.goto();
  const list = tree(page, t);
  await toggle(field(list, 'contacts')).click();
  const nested = field(list, 'contacts').locator(':scope > ul');
  const contact = childFields(model, model.fields.find((f) => f.name === 'contacts')!);
  const avatar = contact.find((f) => f.name === 'avatarUrl')!;
  const item = field(nested, 'avatarUrl');
  await expect(item).toContainText(t('fieldTree.alwaysPresent'));
  await expect(item).toContainText(t('fieldTree.nullable'));
  await expect(item.locator('code', { hasText: /^uri$/ })).toBeVisible();
  const description = item.locator(':scope > p').first();
  await expect(description).toHaveText(avatar.description!);
  if (avatar.descriptionLang) await expect(description).toHaveAttribute('lang', avatar.descriptionLang);
  else await expect(description).not.toHaveAttribute('lang');
  const source = field(nested, 'source');
  for (const value of ['whatsapp', 'facebook', 'instagram', 'telegram']) await expect(source.locator('code', { hasText: new RegExp(`^${value}$`) })).toBeVisible();
  const note = field(nested, 'note');
  await expect(note).toContainText(t('fieldTree.range.length', { range: `≤ ${new Intl.NumberFormat(localeConfig(siteLocale).htmlLang).format(1000)}` }));
});

test('object types link to their page in the reader\'s locale', async ({ page, endpoint, siteLocale, t }) => {
  await endpoint.goto();
  const item = field(tree(page, t), 'contacts');
  await expect(item.locator(':scope > div')).toContainText('Contact[]');
  const link = item.getByRole('link', { name: 'Contact', exact: true });
  await expect(link).toHaveAttribute('href', `${localePrefix(siteLocale)}/api/reference/object_types/contact`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${localePrefix(siteLocale)}/api/reference/object_types/contact$`));
  await expect(page.getByRole('list', { name: t('fieldTree.caption.response'), exact: true })).toBeVisible();
});

test('axe finds nothing with the tree open', async ({ page, endpoint, t }) => {
  await endpoint.goto();
  const list = tree(page, t);
  await toggle(field(list, 'contacts')).click();
  const nested = field(list, 'contacts').locator(':scope > ul');
  await toggle(field(nested, 'team')).click();
  await toggle(field(list, 'meta')).click();
  await expect(page.locator('#nprogress')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
