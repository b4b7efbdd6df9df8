/**
 * "Get a sandbox key" in the Try it panel, in every locale, against the real
 * sandbox of the tests:
 *   - the button mints a key (`POST /v1/sandbox/keys`) and puts it in the key
 *     field, masked; it is kept in this tab's session storage (local storage
 *     only after "Remember on this device"), never in the page URL or a share
 *     link;
 *   - copied snippets carry it by default (a cURL run in a shell reaches the
 *     same account), the placeholder once the switch is off;
 *   - a write sent from the panel lands in the key's own account, which the
 *     test then reads from outside the browser; the demo key's data is
 *     untouched;
 *   - a mint flood (429 with Retry-After, simulated with page.route) gets a
 *     translated note.
 * The e2e sandbox is not public, so the demo key's 403 read_only_key comes
 * from a second sandbox started here in public mode (SANDBOX_PUBLIC=1):
 * page.route hands the panel's write to it and its real answer back, and the
 * panel gives the translated advice to get a key.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from './fixtures';
import { DEMO_KEY, escapeRegExp, POST_CONTACTS, type EndpointPage } from './pages/EndpointPage';
import { E2E_ORIGINS, E2E_SANDBOX_URL } from './ports';
import { maskKey } from '../src/lib/request/keyStore';

const SANDBOX_URL = E2E_SANDBOX_URL;
const MINTED_KEY = /^test_sbx[0-9a-f]{44}$/;
/** The panel's key in this tab (src/lib/request/keyStore.ts). */
const STORAGE_NAME = 'callbell.apiKey.sandbox';

interface Contact {
  uuid: string;
  name: string;
}

/** A contact body with a name no other test uses. */
function newContact(name: string): string {
  return JSON.stringify({ source: 'whatsapp', identifier: '4915112345678', name });
}

/** Copies the cURL snippet and returns what went to the clipboard. */
async function copyCurl(endpoint: EndpointPage): Promise<string> {
  await endpoint.tab('cURL').click();
  await endpoint.requestTabs.getByRole('button', { name: new RegExp(`^${escapeRegExp(endpoint.t('requestTabs.copy'))}: .*cURL`) }).click();
  return endpoint.page.evaluate(() => navigator.clipboard.readText());
}

/** Runs a copied cURL command; the snippet prints the body, then the status on its own line. */
function runCurl(command: string): { status: string; body: string } {
  const output = execFileSync('sh', ['-c', `${command} --silent --show-error`], { encoding: 'utf8', timeout: 20_000 });
  const lines = output.trimEnd().split('\n');
  const status = lines.pop() ?? '';
  return { status, body: lines.join('\n') };
}

test('"Get a sandbox key": a key of its own, masked, kept in this tab, in copied snippets, writing to its own account', async ({
  page,
  context,
  endpoint,
  request,
  t,
  siteLocale,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const post = endpoint.for(POST_CONTACTS);
  await post.goto();
  await post.openTryIt();
  await expect(post.keyInput).toHaveValue('');

  await post.button('tryIt.sandboxKey.get').click();
  await expect(post.keyInput).toHaveValue(MINTED_KEY);
  const key = await post.keyInput.inputValue();
  expect(key).not.toBe(DEMO_KEY);

  // Shown masked: a password field, the note and the snippet show its last four characters only.
  await expect(post.keyInput).toHaveAttribute('type', 'password');
  const hours = t('tryIt.sandboxKey.minted', { key: maskKey(key), count: 24 }).split('|');
  await expect(post.panel.getByText(hours[hours.length - 1]!, { exact: true })).toBeVisible();
  await expect(post.panel).not.toContainText(key);
  await post.tab('cURL').click();
  await expect(post.visibleSnippet).toContainText(maskKey(key));
  await expect(post.visibleSnippet).not.toContainText(key);

  // Kept in this tab only.
  const stored = await page.evaluate((name) => ({ session: sessionStorage.getItem(name), local: JSON.stringify(localStorage) }), STORAGE_NAME);
  expect(stored.session).toBe(key);
  expect(stored.local).not.toContain(key);

  // Copied snippets carry it by default: the cURL, run in a shell, writes to the key's account.
  const stamp = `${siteLocale}-${Date.now()}`;
  const viaCurl = `cURL ${stamp}`;
  await post.bodyInput.fill(newContact(viaCurl));
  await expect(post.panel.getByLabel(t('tryIt.apiKey.includeInCopy'))).toBeChecked();
  const command = await copyCurl(post);
  expect(command).toContain(key);
  const ran = runCurl(command);
  expect(ran.status, ran.body).toBe('200');
  const fromCurl = (JSON.parse(ran.body) as { contact: Contact }).contact;
  expect(fromCurl.name).toBe(viaCurl);

  // A write sent from the panel lands in the same account.
  const viaPanel = `Panel ${stamp}`;
  await post.bodyInput.fill(newContact(viaPanel));
  await post.sendButton.click();
  await expect(post.status).toContainText('200');
  const fromPanel = (JSON.parse((await post.responseBody.textContent()) ?? '') as { contact: Contact }).contact;
  expect(fromPanel.name).toBe(viaPanel);

  // Read from outside the browser: both contacts are in the key's account (the seed's 64 plus these two), none in the demo key's.
  const auth = (apiKey: string) => ({ headers: { Authorization: `Bearer ${apiKey}` } });
  for (const contact of [fromCurl, fromPanel]) {
    const mine = await request.get(`${SANDBOX_URL}/contacts/${contact.uuid}`, auth(key));
    expect(mine.status()).toBe(200);
    expect(((await mine.json()) as { contact: Contact }).contact.name).toBe(contact.name);
    expect((await request.get(`${SANDBOX_URL}/contacts/${contact.uuid}`, auth(DEMO_KEY))).status()).toBe(404);
  }
  const list = await request.get(`${SANDBOX_URL}/contacts`, auth(key));
  expect(((await list.json()) as { meta: { total: number } }).meta.total).toBe(66);

  // Never in the page URL or a share link.
  await post.button('tryIt.share').click();
  await expect(post.panel.getByText(t('tryIt.share.copied'))).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('try.request=post_contacts');
  expect(link).not.toContain(key);
  expect(page.url()).not.toContain(key);

  // The switch turns it off: the copied cURL holds the placeholder.
  await post.panel.getByLabel(t('tryIt.apiKey.includeInCopy')).uncheck();
  const withoutKey = await copyCurl(post);
  expect(withoutKey).toContain('<YOUR_API_KEY>');
  expect(withoutKey).not.toContain(key);

  // Local storage only once the visitor opts in.
  await post.panel.getByLabel(t('tryIt.apiKey.remember')).check();
  const remembered = await page.evaluate((name) => ({ session: sessionStorage.getItem(name), local: localStorage.getItem(name) }), STORAGE_NAME);
  expect(remembered).toEqual({ session: null, local: key });
});

test('a mint flood answered 429 gets a translated note, and no key', async ({ page, endpoint, t, consoleGuard }) => {
  consoleGuard.allow(/status of 429/);
  let asked = 0;
  await page.route(`${SANDBOX_URL}/sandbox/keys`, (route) => {
    asked++;
    return route.fulfill({
      status: 429,
      headers: {
        'Retry-After': '1800',
        'Access-Control-Allow-Origin': new URL(page.url()).origin,
        'Access-Control-Expose-Headers': 'Retry-After',
      },
      contentType: 'application/json',
      body: JSON.stringify({ error: { status: 429, code: 'rate_limited', message: 'Too many requests. Retry after 1800 seconds.' } }),
    });
  });
  await endpoint.goto();
  await endpoint.openTryIt();
  await endpoint.button('tryIt.sandboxKey.get').click();
  await expect(endpoint.panel.getByText(t('tryIt.sandboxKey.rateLimited.retry', { minutes: 30 }), { exact: true })).toBeVisible();
  await expect(endpoint.keyInput).toHaveValue('');
  expect(asked).toBe(1);
});

test.describe('the demo key on a public sandbox', () => {
  let publicSandbox: ChildProcess | undefined;
  let publicUrl = '';

  test.beforeAll(async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/src/server.ts'], {
      env: { ...process.env, SANDBOX_PUBLIC: '1', SANDBOX_STORE: 'memory', SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: '0', SANDBOX_CORS_ORIGINS: E2E_ORIGINS.join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    publicSandbox = child;
    publicUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the public sandbox did not start: ${out}`)), 60_000);
      const seen = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+\/v1) \(public mode\)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', seen);
      child.once('exit', () => reject(new Error(`the public sandbox exited: ${out}`)));
    });
  });

  test.afterAll(async () => {
    const child = publicSandbox;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  test('a write with it gets 403 read_only_key, and the panel advises getting a key, translated', async ({ page, endpoint, t, consoleGuard }) => {
    consoleGuard.allow(/status of 403/);
    const post = endpoint.for(POST_CONTACTS);
    // The panel's requests go to the public sandbox, answered as it answers them.
    await page.route(`${SANDBOX_URL}/contacts`, async (route) => {
      const response = await route.fetch({ url: `${publicUrl}/contacts` });
      await route.fulfill({ response });
    });
    await post.goto();
    await post.openTryIt();
    await post.useDemoKey();
    await post.bodyInput.fill(newContact('Not allowed'));
    await post.sendButton.click();
    await expect(post.status).toContainText('403');
    await expect(post.panel.getByText(t('tryIt.status.readOnlyDemoKey'), { exact: true })).toBeVisible();
    await expect(post.responseBody).toContainText('"read_only_key"');
    await expect(post.responseBody).toContainText('POST /v1/sandbox/keys');
  });
});
