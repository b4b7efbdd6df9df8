/**
 * npm run bench: prints figures worth tracking; asserts nothing.
 *  - first-load JavaScript (gzip) of the GET /contacts page, with RequestTabs
 *    and with every RequestTabs stripped at build time (same page otherwise);
 *  - the lazy "try it" chunk, loaded only on the first click;
 *  - the English build time of both builds.
 * Pages are loaded in Debian's Chromium from a static server on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const ROOT = process.cwd();
const OUT = path.join(ROOT, '.bench');
const PAGE = '/api/reference/contacts_api/get_contacts';
const BUDGET_KB = 15;
const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function build(name: string, env: Record<string, string>): { dir: string; seconds: number } {
  const dir = path.join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  const result = spawnSync(bin, ['docusaurus', 'build', '--locale', 'en', '--out-dir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`build ${name} failed`);
  return { dir, seconds: (Date.now() - t0) / 1000 };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

function serveDir(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(`${file}.html`)) file = `${file}.html`;
    else if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const gzipKb = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length / 1024;

interface Measure {
  firstLoadKb: number;
  scripts: number;
  tryItKb: number;
}

async function measure(dir: string, clickTryIt: boolean): Promise<Measure> {
  const server = await serveDir(dir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await (await browser.newContext()).newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(origin + PAGE);
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await page.waitForLoadState('networkidle');
  const size = (set: Iterable<string>) => [...set].reduce((sum, p) => sum + gzipKb(readFileSync(path.join(dir, p))), 0);
  const firstLoad = new Set(scripts);
  let tryItKb = 0;
  if (clickTryIt) {
    await page.getByRole('button', { name: 'Try it', exact: true }).click();
    await page.getByRole('group', { name: 'Try this request' }).waitFor();
    await page.waitForLoadState('networkidle');
    tryItKb = size([...scripts].filter((s) => !firstLoad.has(s)));
  }
  await browser.close();
  server.close();
  return { firstLoadKb: size(firstLoad), scripts: firstLoad.size, tryItKb };
}

const withTabs = build('with', {});
const withoutTabs = build('without', { BENCH_STRIP_REQUEST_TABS: '1' });
const a = await measure(withTabs.dir, true);
const b = await measure(withoutTabs.dir, false);
const delta = a.firstLoadKb - b.firstLoadKb;

const rows: Array<[string, string]> = [
  ['GET /contacts first-load JS, with RequestTabs', `${a.firstLoadKb.toFixed(1)} KB gzip (${a.scripts} files)`],
  ['same page, RequestTabs stripped', `${b.firstLoadKb.toFixed(1)} KB gzip (${b.scripts} files)`],
  ['RequestTabs first-load cost', `${delta.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB: ${delta <= BUDGET_KB ? 'within' : 'OVER'})`],
  ['"Try it" lazy chunk(s), on first click', `${a.tryItKb.toFixed(1)} KB gzip`],
  ['English build, with / without RequestTabs', `${withTabs.seconds.toFixed(1)} s / ${withoutTabs.seconds.toFixed(1)} s`],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log('\nBenchmark figures');
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
rmSync(OUT, { recursive: true, force: true });
