/**
 * What a developer does in the "try it" panel, in every locale, against the
 * real sandbox; failures the sandbox cannot produce on demand (network error,
 * 429, a huge body, a slow answer) are simulated with page.route.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { DEMO_KEY } from './pages/EndpointPage';

const API = '**/v1/contacts*';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A translated message with `__N__` standing for any number. */
function messagePattern(message: string): RegExp {
  return new RegExp(`^${escapeRegExp(message).replace('__N__', '\\d+')}$`);
}

test('enter the key, filter by tag, send, see the filtered contacts', async ({ endpoint }) => {
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.param('tags').fill('HOT');
  await endpoint.param('source').selectOption('whatsapp');
  // Snippets follow the inputs, with the key masked on screen.
  await endpoint.tab('cURL').click();
  await expect(endpoint.visibleSnippet).toContainText('source=whatsapp&tags=HOT');
  await expect(endpoint.visibleSnippet).toContainText('••••0QyM');
  await expect(endpoint.visibleSnippet).not.toContainText(DEMO_KEY);
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('200');
  await expect(endpoint.responseBody).toContainText('"Mario Rossi"');
  await expect(endpoint.responseBody).not.toContainText('"John Doe"');
  const body = JSON.parse((await endpoint.responseBody.textContent()) ?? '') as {
    contacts: Array<{ tags: string[]; source: string }>;
  };
  expect(body.contacts.length).toBeGreaterThan(0);
  for (const c of body.contacts) {
    expect(c.tags.map((tag) => tag.toLowerCase())).toContain('hot');
    expect(c.source).toBe('whatsapp');
  }
});

test('invalid input is blocked with a translated message and nothing is sent', async ({ page, endpoint, t }) => {
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/v1/contacts')) sent++;
  });
  await endpoint.param('page').fill('0');
  await endpoint.sendButton.click();
  await expect(endpoint.panel.getByText(t('tryIt.validation.minimum', { limit: 1 }))).toBeVisible();
  await expect(endpoint.param('page')).toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint.param('page')).toBeFocused();
  await endpoint.param('page').fill('abc');
  await endpoint.param('page').press('Control+Enter');
  await expect(endpoint.panel.getByText(t('tryIt.validation.integer'))).toBeVisible();
  expect(sent).toBe(0);
  // Fixing the value sends, with Ctrl+Enter from the field.
  await endpoint.param('page').fill('2');
  await endpoint.param('page').press('Control+Enter');
  await expect(endpoint.status).toContainText('200');
  expect(sent).toBe(1);
});

test('a slow request can be cancelled', async ({ page, endpoint, t }) => {
  await page.route(API, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }).catch(() => undefined);
  });
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.sendButton.click();
  await expect(endpoint.sendButton).toBeDisabled();
  await endpoint.button('tryIt.cancel').click();
  await expect(endpoint.panel.getByText(t('tryIt.error.abort.title')).first()).toBeVisible();
  await expect(endpoint.sendButton).toBeEnabled();
});

test('a network failure explains what to do and offers the cURL command', async ({ page, endpoint, t, consoleGuard }) => {
  consoleGuard.allow(/Failed to load resource|ERR_FAILED|net::/);
  await page.route(API, (route) => route.abort('failed'));
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.sendButton.click();
  await expect(endpoint.panel.getByText(t('tryIt.error.network.title')).first()).toBeVisible();
  await expect(endpoint.panel.getByText(t('tryIt.error.network.advice'))).toBeVisible();
  await expect(endpoint.panel.getByText(/curl --request GET/)).toBeVisible();
});

test('a wrong key gets 401 and advice to check it', async ({ endpoint, t, consoleGuard }) => {
  consoleGuard.allow(/status of 401/);
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.keyInput.fill('test_wrong_key');
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('401');
  await expect(endpoint.panel.getByText(t('tryIt.status.unauthorized.sandbox'))).toBeVisible();
  await expect(endpoint.responseBody).toContainText('"unauthorized"');
});

test('the API naming a bad field is explained', async ({ page, endpoint, t, consoleGuard }) => {
  consoleGuard.allow(/status of 400/);
  // The panel validates first; bypass it by answering as the API would for a rule it cannot know.
  await page.route(API, (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: { status: 400, code: 'invalid_parameter', message: 'x', fields: [{ name: 'team_uuid', in: 'query', message: 'unknown team' }] } }),
    }),
  );
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.sendButton.click();
  await expect(endpoint.panel.getByText(t('tryIt.status.validation.fields', { fields: 'team_uuid' }))).toBeVisible();
});

test('429 honours Retry-After before the next send', async ({ page, endpoint, t, consoleGuard }) => {
  consoleGuard.allow(/status of 429/);
  await page.route(API, (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': '3', 'Access-Control-Expose-Headers': 'Retry-After' },
      contentType: 'application/json',
      body: JSON.stringify({ error: { status: 429, code: 'rate_limited', message: 'Too many requests.' } }),
    }),
  );
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('429');
  await expect(endpoint.panel.getByText(t('tryIt.status.rateLimited.retry', { seconds: 3 }))).toBeVisible();
  const waiting = endpoint.panel.getByRole('button', { name: messagePattern(t('tryIt.send.wait', { seconds: '__N__' })) });
  await expect(waiting).toBeDisabled();
  await expect(endpoint.sendButton).toBeEnabled({ timeout: 6000 });
});

test('a huge response is truncated and the page stays responsive', async ({ page, endpoint, t }) => {
  const contacts = Array.from({ length: 20000 }, (_, i) => ({ uuid: String(i).padStart(32, '0'), name: `Contact ${i}`, tags: ['a', 'b'] }));
  const body = JSON.stringify({ contacts });
  expect(body.length).toBeGreaterThan(1_000_000);
  await page.route(API, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('200');
  await expect(endpoint.button('tryIt.response.showAll')).toBeVisible();
  // Still responsive: an input reacts at once.
  await endpoint.param('page').fill('3');
  await expect(endpoint.param('page')).toHaveValue('3');
  await expect(page.getByRole('link', { name: t('tryIt.response.download') })).toHaveAttribute('download', 'response.txt');
  await endpoint.button('tryIt.response.showAll').click();
  await expect(endpoint.responseBody).toContainText('Contact 19999');
});

test('the key stays out of URLs, share links and localStorage', async ({ page, context, endpoint, t }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.param('tags').fill('vip');
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('200');
  await endpoint.button('tryIt.share').click();
  await expect(endpoint.panel.getByText(t('tryIt.share.copied'))).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('try.query.tags=vip');
  expect(link).not.toContain(DEMO_KEY);
  expect(page.url()).not.toContain(DEMO_KEY);
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
  expect(stored.local).not.toContain(DEMO_KEY);
  expect(stored.session).toContain(DEMO_KEY);

  // The share link reproduces the request, without the key in a new tab.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const panel = other.getByRole('group', { name: t('tryIt.panel') });
  await expect(panel.getByLabel('tags', { exact: true })).toHaveValue('vip');
  await expect(panel.getByLabel(t('tryIt.apiKey'), { exact: true })).toHaveValue('');

  // Opting in keeps the key on the device; "forget" removes it everywhere.
  await endpoint.panel.getByLabel(t('tryIt.apiKey.remember')).check();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain(DEMO_KEY);
  await endpoint.button('tryIt.apiKey.forget').click();
  await expect(endpoint.keyInput).toHaveValue('');
  const after = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
  expect(after).not.toContain(DEMO_KEY);
});

test('a share link cannot point the panel at another host', async ({ page, endpoint }) => {
  let foreign = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).hostname === 'evil.example') foreign++;
  });
  await endpoint.goto(undefined, '?try.request=get_contacts&try.env=https%3A%2F%2Fevil.example&try.query.page=2');
  await expect(endpoint.panel).toBeVisible();
  await expect(endpoint.panel.getByText('http://localhost:4010/v1')).toBeVisible();
  await expect(endpoint.param('page')).toHaveValue('2');
  expect(foreign).toBe(0);
});

test('the copied cURL command runs against the sandbox', async ({ context, page, endpoint, t }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.useDemoKey();
  await endpoint.param('tags').fill('sales,lead');
  await endpoint.panel.getByLabel(t('tryIt.apiKey.includeInCopy')).check();
  await endpoint.tab('cURL').click();
  await endpoint.requestTabs.getByRole('button', { name: new RegExp(`^${escapeRegExp(t('requestTabs.copy'))}: .*cURL`) }).click();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).toContain(DEMO_KEY);
  const output = execFileSync('sh', ['-c', `${command} --silent --show-error`], { encoding: 'utf8', timeout: 20_000 });
  // The cURL snippet prints the body, then the status code on its own line.
  const lines = output.trimEnd().split('\n');
  expect(lines.pop()).toBe('200');
  const parsed = JSON.parse(lines.join('\n')) as { contacts: Array<{ name: string }> };
  expect(parsed.contacts.map((c) => c.name)).toContain('John Doe');
});
