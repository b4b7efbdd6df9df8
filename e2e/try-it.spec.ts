/**
 * What a developer does in the "try it" panel, in every locale, against the
 * real sandbox; failures the sandbox cannot produce on demand (network error,
 * 429, a huge body, a slow answer) are simulated with page.route.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { DEMO_KEY, escapeRegExp, POST_CONTACTS, type EndpointPage } from './pages/EndpointPage';
import { E2E_SANDBOX_URL } from './ports';
import { apiLocation } from '../src/config/api';

const API = '**/v1/contacts*';
const SANDBOX_URL = E2E_SANDBOX_URL;
/** The production base URL of the spec's `servers`, which the build under test keeps (no PRODUCTION_API_URL). */
const PRODUCTION_URL = apiLocation().productionUrl;

/** The raw control characters in `text` (C0 but the line feeds and tabs of a snippet's layout, DEL, C1), as `U+001B`. */
function rawControls(text: string): string[] {
  return [...text]
    .map((char) => char.codePointAt(0)!)
    .filter((n) => (n < 0x20 && n !== 0x0a && n !== 0x09) || (n >= 0x7f && n <= 0x9f))
    .map((n) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A share-link query string. */
function shareLink(fields: Record<string, string>): string {
  return `?${new URLSearchParams(fields).toString()}`;
}

/** Clicks the copy button of every snippet tab and returns what each put on the clipboard, by tab label. */
async function copyEverySnippet(endpoint: EndpointPage): Promise<Map<string, string>> {
  const copied = new Map<string, string>();
  const tabs = endpoint.requestTabs.getByRole('tab');
  const count = await tabs.count();
  expect(count).toBeGreaterThanOrEqual(9);
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const label = (await tab.textContent()) ?? '';
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await endpoint.copyButton.click();
    await expect(endpoint.requestTabs.getByRole('tabpanel').getByRole('button', { name: new RegExp(`^${escapeRegExp(endpoint.t('requestTabs.copy.done'))}: `) })).toBeVisible();
    copied.set(label, await endpoint.page.evaluate(() => navigator.clipboard.readText()));
  }
  return copied;
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
  await expect(endpoint.panel.getByText(SANDBOX_URL)).toBeVisible();
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

test('a share link naming production opens in the sandbox and switches only when asked', async ({ page, endpoint, t }) => {
  let production = 0;
  page.on('request', (r) => {
    if (r.url().startsWith(PRODUCTION_URL)) production++;
  });
  await endpoint.goto(undefined, shareLink({ 'try.request': 'get_contacts', 'try.env': 'production', 'try.query.page': '2' }));
  // Right after the link loads: the build's default environment, and a notice naming the link's one.
  await expect(endpoint.environmentSelect).toHaveValue('sandbox');
  await expect(endpoint.panel.getByText(SANDBOX_URL, { exact: true })).toBeVisible();
  await expect(endpoint.param('page')).toHaveValue('2');
  const productionLabel = t('tryIt.environment.production');
  const notice = endpoint.panel.getByText(
    t('tryIt.share.otherEnvironment', { suggested: productionLabel, current: t('tryIt.environment.sandbox') }),
  );
  await expect(notice).toBeVisible();
  await endpoint.tab('cURL').click();
  await expect(endpoint.visibleSnippet).toContainText(`${SANDBOX_URL}/contacts?page=2`);

  // "Stay" keeps the sandbox and hides the notice.
  await endpoint.button('tryIt.share.stay', { environment: t('tryIt.environment.sandbox') }).click();
  await expect(notice).toBeHidden();
  await expect(endpoint.environmentSelect).toHaveValue('sandbox');

  // A fresh load of the link, then "Switch" moves to production.
  await endpoint.goto(undefined, shareLink({ 'try.request': 'get_contacts', 'try.env': 'production', 'try.query.page': '2' }));
  await expect(endpoint.environmentSelect).toHaveValue('sandbox');
  await endpoint.tab('cURL').click();
  await endpoint.button('tryIt.share.switch', { environment: productionLabel }).click();
  await expect(endpoint.environmentSelect).toHaveValue('production');
  await expect(notice).toBeHidden();
  await expect(endpoint.visibleSnippet).toContainText(`${PRODUCTION_URL}/contacts?page=2`);
  expect(production).toBe(0);
});

test('a writing request from a share link asks before it goes to production', async ({ page, endpoint, t }) => {
  const post = endpoint.for(POST_CONTACTS);
  const sent: string[] = [];
  await page.route(`${PRODUCTION_URL}/**`, async (route) => {
    sent.push(route.request().method());
    await route.fulfill({
      status: 201,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: '{"contact": {}}',
    });
  });
  const body = JSON.stringify({ identifier: '393331234567', source: 'whatsapp', name: 'Shared contact' });
  await post.goto(undefined, shareLink({ 'try.request': 'post_contacts', 'try.env': 'production', 'try.body': body }));
  await expect(post.bodyInput).toHaveValue(body);
  const production = t('tryIt.environment.production');
  await post.button('tryIt.share.switch', { environment: production }).click();
  await expect(post.environmentSelect).toHaveValue('production');

  await post.sendButton.click();
  const dialog = page.getByRole('dialog', { name: t('tryIt.confirm.title', { environment: production }) });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('POST /contacts');
  await expect(dialog.getByRole('button', { name: t('tryIt.confirm.cancel'), exact: true })).toBeFocused();
  // Escape (like "Don't send") sends nothing and asks again next time.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await post.sendButton.click();
  await dialog.getByRole('button', { name: t('tryIt.confirm.cancel'), exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(sent.filter((m) => m === 'POST')).toEqual([]);

  await post.sendButton.click();
  await dialog.getByRole('button', { name: t('tryIt.confirm.send', { environment: production }), exact: true }).click();
  await expect(post.status).toContainText('201');
  expect(sent.filter((m) => m === 'POST')).toHaveLength(1);
  // Confirmed once: the next send goes straight out.
  await post.sendButton.click();
  await expect.poll(() => sent.filter((m) => m === 'POST').length).toBe(2);
  await expect(dialog).toBeHidden();
});

test('a share-link body with control characters is flagged, not sent, and copied only escaped', async ({ page, context, endpoint, t }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const post = endpoint.for(POST_CONTACTS);
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/v1/contacts')) sent++;
  });
  // ESC[201~ ends bracketed paste; quote + DEL eats the closing quote of a shell string. DEL alone is valid JSON.
  const body = '{"name": "x\u001b[201~", "identifier": "1\'\u007f;touch /tmp/pwned", "source": "whatsapp"}';
  await post.goto(undefined, shareLink({ 'try.request': 'post_contacts', 'try.env': 'sandbox', 'try.body': body }));
  await expect(post.bodyInput).toHaveValue(body);
  const message = t('tryIt.validation.controlCharacter.body', {
    character: 'U+001B',
    line: 1,
    column: body.indexOf('\u001b') + 1,
    escape: '\\u001b',
  });
  await expect(post.bodyInput).toHaveAttribute('aria-invalid', 'true');
  await expect(post.bodyInput).toHaveAccessibleDescription(message);
  await expect(post.panel.getByText(message, { exact: true })).toBeVisible();

  await post.useDemoKey();
  await post.sendButton.click();
  await expect(post.panel.getByText(t('tryIt.validation.summary'))).toBeVisible();
  await expect(post.bodyInput).toBeFocused();
  expect(sent).toBe(0);

  // Every snippet still renders the body, and none carries a raw control character.
  const copied = await copyEverySnippet(post);
  for (const [label, text] of copied) {
    expect(text, label).toContain('touch /tmp/pwned');
    expect(text, label).toContain('[201~');
    expect(rawControls(text), label).toEqual([]);
  }
  for (const [label] of copied) {
    await post.tab(label).click();
    expect(rawControls((await post.visibleSnippet.textContent()) ?? ''), label).toEqual([]);
  }
  // Fixing the body clears the message at once.
  await post.bodyInput.fill('{"name": "x", "identifier": "1", "source": "whatsapp"}');
  await expect(post.bodyInput).not.toHaveAttribute('aria-invalid', 'true');
  await expect(post.panel.getByText(message, { exact: true })).toBeHidden();
});

test('a key with CR/LF is flagged at its field, never sent, and the snippets keep the placeholder', async ({ page, context, endpoint, t }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A text field strips line breaks as they are typed; stored state does not, so plant the key there.
  await page.addInitScript(() => sessionStorage.setItem('callbell.apiKey.sandbox', 'test_gshu\r\nX-Injected: 1'));
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/v1/contacts')) sent++;
  });
  await endpoint.goto();
  await endpoint.openTryIt();
  const message = t('tryIt.validation.apiKey');
  await expect(endpoint.keyInput).toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint.keyInput).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(message)}`));
  await expect(endpoint.panel.getByText(message, { exact: true })).toBeVisible();
  await endpoint.panel.getByLabel(t('tryIt.apiKey.includeInCopy')).check();
  await endpoint.tab('cURL').click();
  await expect(endpoint.visibleSnippet).toContainText('Bearer <YOUR_API_KEY>');
  await expect(endpoint.visibleSnippet).not.toContainText('X-Injected');
  await expect(endpoint.requestTabs.getByText(t('requestTabs.keyNote.included'))).toBeHidden();
  const copied = await copyEverySnippet(endpoint);
  for (const [label, text] of copied) {
    expect(text, label).toContain('<YOUR_API_KEY>');
    expect(text, label).not.toContain('X-Injected');
    expect(rawControls(text), label).toEqual([]);
  }
  await endpoint.sendButton.click();
  await expect(endpoint.panel.getByText(t('tryIt.validation.summary'))).toBeVisible();
  await expect(endpoint.keyInput).toBeFocused();
  expect(sent).toBe(0);

  // Typed: the field drops the line break, the space left is still refused; a real key clears the message.
  await endpoint.keyInput.fill('test_gshu\r\nX-Injected: 1');
  await expect(endpoint.panel.getByText(message, { exact: true })).toBeVisible();
  await endpoint.tab('cURL').click();
  await expect(endpoint.visibleSnippet).toContainText('Bearer <YOUR_API_KEY>');
  await endpoint.useDemoKey();
  await expect(endpoint.keyInput).not.toHaveAttribute('aria-invalid', 'true');
  await expect(endpoint.panel.getByText(message, { exact: true })).toBeHidden();
  await expect(endpoint.visibleSnippet).toContainText('••••0QyM');
  await endpoint.sendButton.click();
  await expect(endpoint.status).toContainText('200');
  expect(sent).toBe(1);
});
