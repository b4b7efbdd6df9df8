/**
 * npm test's check of `npm start`, the README's command for running the portal: it starts
 * scripts/start.mts (sandbox + docs dev server) the way a person does, on ports of its own
 * (START_SMOKE_PORT, default 3003; START_SMOKE_SANDBOX_PORT, default 4012; never npm start's
 * 3000 and 4010) and on 127.0.0.1, then in Chromium:
 * - opens GET /contacts and waits for React to have rendered it (the dev server renders in the
 *   browser; plugins that only fit the production build must leave it alone);
 * - finds the page's heading and its curl snippet;
 * - calls the sandbox from the page with the demo key (the sandbox's CORS origins follow the port).
 * Everything stops by itself: each wait has a deadline and the processes are stopped at the end.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { DOCS_DEMO_API_KEY } from '../src/config/site';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './bench/chromium';
import { localBin, sandboxApiUrl, signalGroup } from './processes';

const portal = process.env.START_SMOKE_PORT ?? '3003';
const sandbox = process.env.START_SMOKE_SANDBOX_PORT ?? '4012';
const host = '127.0.0.1';
const PAGE = '/api/reference/contacts_api/get_contacts';
/** The dev server's first compile takes about a minute on two cores. */
const DEADLINE_MS = 240_000;

const started = Date.now();
const child = spawn(localBin('tsx'), ['scripts/start.mts'], {
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, PORT: portal, SANDBOX_PORT: sandbox, HOST: host },
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
let exited: string | undefined;
child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));


/** Waits until `url` answers 200, or fails at the deadline or when npm start has stopped. */
async function waitFor(url: string): Promise<void> {
  while (Date.now() - started < DEADLINE_MS) {
    if (exited) throw new Error(`npm start stopped (${exited}) before ${url} answered`);
    // The dev server keeps running after a failed compile, but never serves the page.
    if (/\[webpack-dev-middleware\][^\n]*Error|Failed to compile|Compiled with problems/.test(output)) {
      throw new Error('the dev server failed to compile the site');
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(30_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within ${DEADLINE_MS / 1000} s`);
}

async function check(): Promise<void> {
  const origin = `http://${host}:${portal}`;
  const api = sandboxApiUrl(sandbox);
  await waitFor(`${origin}${PAGE}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}${PAGE}`);
    await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 60_000 });
    const heading = (await page.locator('h1').first().textContent()) ?? '';
    if (!/\/contacts/.test(heading)) throw new Error(`the page's heading is "${heading}", not GET /contacts`);
    const curl = await page.locator('pre code').filter({ hasText: /^curl / }).count();
    if (curl === 0) throw new Error('the page shows no curl snippet');
    const status = await page.evaluate(
      async ({ url, key }) => (await fetch(`${url}/contacts`, { headers: { Authorization: `Bearer ${key}` } })).status,
      { url: api.replace('localhost', host), key: DOCS_DEMO_API_KEY },
    );
    if (status !== 200) throw new Error(`the sandbox answered the page with ${status}`);
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

try {
  await check();
  console.log(`npm start: the dev server rendered GET /contacts and the sandbox answered it (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} catch (error) {
  console.error(`npm start failed its check: ${(error as Error).message}\n--- its output ---\n${output.slice(-4000)}`);
  process.exitCode = 1;
} finally {
  signalGroup(child, 'SIGTERM');
}
