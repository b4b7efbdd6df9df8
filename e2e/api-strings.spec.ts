/**
 * The API's own words in the reader's language, in every locale: the Try it panel's parameter
 * hint and the reference table say the spec's description in the page's language (from
 * i18n/<locale>/openapi.json), the page says how to authenticate and links to the guide, and
 * the locale's downloads carry the same translated descriptions.
 */
import { localeStrings } from '../src/lib/api/localeStrings';
import { expect, localePrefix, test } from './fixtures';
import { escapeRegExp } from './pages/EndpointPage';

const MESSAGES = { path: '/api/reference/contacts_api/get_contact_messages', region: /GET \/contacts\/.+\/messages/ };
const PAGE = '/components/parameters/Page/description';

test('the panel hint, the table and the downloads speak the page\'s language; the page says how to authenticate', async ({ page, endpoint, siteLocale }) => {
  const expected = siteLocale === 'en' ? 'Result page, starting at 1.' : localeStrings(siteLocale).spec[PAGE]!.translation;
  const messages = endpoint.for(MESSAGES);
  await messages.goto();

  // the reference table's description cell and the authorization line
  await expect(page.getByRole('cell', { name: new RegExp(`^${escapeRegExp(expected)}`) })).toBeVisible();
  const guide = page.getByRole('main').getByRole('link', { name: siteLocale === 'en' ? 'Authentication' : /^Autentica/ });
  await expect(guide).toHaveAttribute('href', `${localePrefix(siteLocale)}/api/authentication`);
  await expect(page.getByRole('main').getByText('Authorization: Bearer <YOUR_API_KEY>', { exact: true })).toBeVisible();

  // the Try it panel's hint of `page`
  await messages.openTryIt();
  await expect(messages.param('page')).toHaveAccessibleDescription(new RegExp(escapeRegExp(expected)));

  // the downloads of this locale
  const json = (await (await page.request.get(`${localePrefix(siteLocale)}/downloads/openapi.json`)).json()) as { components: { parameters: { Page: { description: string } } } };
  expect(json.components.parameters.Page.description).toBe(expected);
  expect(await (await page.request.get(`${localePrefix(siteLocale)}/downloads/openapi.yaml`)).text()).toContain(expected);
  expect(await (await page.request.get(`${localePrefix(siteLocale)}/downloads/callbell-api.postman_collection.json`)).text()).toContain(JSON.stringify(expected).slice(1, -1));
});
