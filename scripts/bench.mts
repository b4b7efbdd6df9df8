/**
 * npm run bench: prints figures worth tracking; asserts nothing, exits 0. Sections (flags:
 * scripts/bench/args.ts; `--only <section>` runs some, `--build-dir <dir>` measures an
 * existing build of every locale instead of making one):
 * bundle:
 *  - first-load JavaScript (gzip) of the GET /contacts page, with RequestTabs
 *    and with every RequestTabs stripped at build time (same page otherwise);
 *  - the lazy "try it" chunk, loaded only on the first click;
 *  - the English build time of both builds;
 * search, from a build of every locale:
 *  - each locale's index (raw and gzip on disk, and what the first search downloads), the
 *    dialog's lazy chunk, and the time from the first keystroke to the first results in
 *    Chromium (unthrottled, then on an emulated slow phone connection), read from the
 *    marks the box leaves.
 * lighthouse (scripts/bench/lighthouse.mts): Lighthouse 12 on home, GET /contacts, POST
 *   /messages/send, the Contact object and the pagination guide; a quick pass by default,
 *   `--lighthouse-full` for every locale and the median of 3 runs; a verdict per page
 *   against the goal of issue 16; .bench/lighthouse.json.
 * budgets (only with --only; scripts/bench/budgets-section.mts): the figures e2e/budgets.spec.ts
 *   checks, for every budgeted page and locale, and the budgets they suggest; .bench/budgets.json.
 * Pages are loaded in Debian's Chromium from scripts/static-server.mts (gzip) on 127.0.0.1.
 * Builds go to .bench/ and are removed at the end; the JSON summaries stay.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { localeCodes } from '../src/config/locales';
import { DEFAULT_LOCALE } from '../src/config/site';
import { parseBenchArgs, type BenchOptions } from './bench/args';
import { budgetsSection } from './bench/budgets-section.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './bench/chromium';
import { lighthousePlan, prefixOf } from './bench/goal';
import { lighthouseSection } from './bench/lighthouse.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = process.cwd();
const OUT = path.join(ROOT, '.bench');
const PAGE = '/api/reference/contacts_api/get_contacts';
const BUDGET_KB = 15;
const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Folders this run built, removed when it ends, however it ends. */
const built: string[] = [];
process.on('exit', () => {
  for (const dir of built) rmSync(dir, { recursive: true, force: true });
});

function build(name: string, env: Record<string, string>, allLocales = false): { dir: string; seconds: number } {
  const dir = path.join(OUT, name);
  built.push(dir);
  rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  const result = spawnSync(bin, ['docusaurus', 'build', ...(allLocales ? [] : ['--locale', 'en']), '--out-dir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`build ${name} failed`);
  return { dir, seconds: (Date.now() - t0) / 1000 };
}

const gzipKb = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length / 1024;

interface Measure {
  firstLoadKb: number;
  scripts: number;
  tryItKb: number;
}

function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}

async function measure(dir: string, clickTryIt: boolean): Promise<Measure> {
  const server = await serveStatic(dir);
  const { origin } = server;
  const browser = await launch();
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
  await server.close();
  return { firstLoadKb: size(firstLoad), scripts: firstLoad.size, tryItKb };
}

/** Every file under `dir`: raw bytes and gzip bytes (each file compressed alone, as a server would). */
function folderSize(dir: string): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const content = readFileSync(path.join(entry.parentPath, entry.name));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    files++;
  }
  return { raw, gzip, files };
}

interface SearchMeasure {
  /** Keystroke (first input event) to first results, in ms. */
  keystrokeMs: number;
  /** Bytes the first search fetched: the dialog chunk and the locale's Pagefind files (gzip where compressible). */
  downloadKb: number;
  chunkKb: number;
}

/** Opens GET /contacts, presses Ctrl+K and types a query at once, as a reader would; reads the box's performance marks. */
async function measureSearch(origin: string, dir: string, prefix: string, slowNetwork: boolean): Promise<SearchMeasure> {
  const browser = await launch();
  const page: Page = await (await browser.newContext()).newPage();
  if (slowNetwork) {
    // Roughly a phone on a slow 4G connection: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 94_000 });
  }
  await page.goto(`${origin}${prefix}${PAGE}`);
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await page.waitForLoadState('networkidle');
  const fetched = new Set<string>();
  page.on('request', (r) => fetched.add(new URL(r.url()).pathname));
  await page.keyboard.press('Control+k');
  // Inside the search dialog: the page has comboboxes and options of its own (selects).
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').waitFor();
  await page.keyboard.type('rate_limited');
  await dialog.getByRole('option').first().waitFor({ timeout: 120_000 });
  // No helper function inside evaluate: tsx would wrap it in a name helper the page lacks.
  const keystrokeMs = await page.evaluate(
    () => (performance.getEntriesByName('search:first-results')[0]?.startTime ?? NaN) - (performance.getEntriesByName('search:first-input')[0]?.startTime ?? NaN),
  );
  await browser.close();
  const local = [...fetched].filter((p) => p.startsWith('/')).map((p) => path.join(dir, decodeURIComponent(p)));
  const sized = local.filter((f) => existsSync(f) && statSync(f).isFile());
  // Pagefind's index and fragment files are gzip already: count them as they are.
  const bytes = (f: string) => (/\.pf_(index|fragment|meta)$/.test(f) ? statSync(f).size : gzipSync(readFileSync(f), { level: 9 }).length);
  const chunk = sized.filter((f) => f.endsWith('.js') && !f.includes(`${path.sep}pagefind${path.sep}`));
  return {
    keystrokeMs,
    downloadKb: sized.reduce((sum, f) => sum + bytes(f), 0) / 1024,
    chunkKb: chunk.reduce((sum, f) => sum + bytes(f), 0) / 1024,
  };
}

let options: BenchOptions;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const locales = localeCodes();
const rows: Array<[string, string]> = [];
const printRows = (title: string) => {
  if (!rows.length) return;
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  rows.length = 0;
};

if (options.sections.includes('bundle')) {
  const withTabs = build('with', {});
  const withoutTabs = build('without', { BENCH_STRIP_REQUEST_TABS: '1' });
  const a = await measure(withTabs.dir, true);
  const b = await measure(withoutTabs.dir, false);
  const delta = a.firstLoadKb - b.firstLoadKb;
  rows.push(
    ['GET /contacts first-load JS, with RequestTabs', `${a.firstLoadKb.toFixed(1)} KB gzip (${a.scripts} files)`],
    ['same page, RequestTabs stripped', `${b.firstLoadKb.toFixed(1)} KB gzip (${b.scripts} files)`],
    ['RequestTabs first-load cost', `${delta.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB: ${delta <= BUDGET_KB ? 'within' : 'OVER'})`],
    ['"Try it" lazy chunk(s), on first click', `${a.tryItKb.toFixed(1)} KB gzip`],
    ['English build, with / without RequestTabs', `${withTabs.seconds.toFixed(1)} s / ${withoutTabs.seconds.toFixed(1)} s`],
  );
  printRows('Bundle figures');
}

const siteSections = options.sections.filter((s) => s !== 'bundle');
if (siteSections.length) {
  let siteDir: string;
  if (options.buildDir) {
    siteDir = path.resolve(options.buildDir);
    if (!existsSync(path.join(siteDir, 'index.html'))) {
      console.error(`--build-dir ${options.buildDir}: no index.html there; give the output folder of a docusaurus build of every locale`);
      process.exit(2);
    }
    console.log(`\nMeasuring the existing build ${options.buildDir}`);
  } else {
    const site = build('site', {}, true);
    siteDir = site.dir;
    rows.push(['All locales build (with the search indexes)', `${site.seconds.toFixed(1)} s`]);
  }
  // Gzipped before any page loads, as a host's cache serves them: no compressing on these cores while Lighthouse measures.
  const server = await serveStatic(siteDir, { precompress: true });
  try {
    if (options.sections.includes('search')) {
      for (const locale of locales) {
        const prefix = prefixOf(locale, DEFAULT_LOCALE);
        const index = folderSize(path.join(siteDir, prefix, 'pagefind'));
        const fast = await measureSearch(server.origin, siteDir, prefix, false);
        const slow = await measureSearch(server.origin, siteDir, prefix, true);
        rows.push(
          [`search ${locale}: index on disk`, `${(index.raw / 1024).toFixed(0)} KB raw, ${(index.gzip / 1024).toFixed(0)} KB gzip (${index.files} files)`],
          [`search ${locale}: first search downloads`, `${fast.downloadKb.toFixed(0)} KB (dialog chunk ${fast.chunkKb.toFixed(1)} KB gzip)`],
          [`search ${locale}: first keystroke to first results`, `${fast.keystrokeMs.toFixed(0)} ms; slow 4G phone connection ${slow.keystrokeMs.toFixed(0)} ms`],
        );
      }
    }
    printRows('Site build and search figures');
    if (options.sections.includes('lighthouse')) {
      await lighthouseSection({
        origin: server.origin,
        plan: lighthousePlan(options.lighthouseFull, locales, DEFAULT_LOCALE),
        full: options.lighthouseFull,
        defaultLocale: DEFAULT_LOCALE,
        outFile: path.join(OUT, 'lighthouse.json'),
      });
    }
    if (options.sections.includes('budgets')) {
      await budgetsSection({ origin: server.origin, buildDir: siteDir, locales, defaultLocale: DEFAULT_LOCALE, outFile: path.join(OUT, 'budgets.json') });
    }
  } finally {
    await server.close();
  }
}
