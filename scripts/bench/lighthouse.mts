/**
 * The Lighthouse section of `npm run bench`: Lighthouse 12 through its Node API, mobile
 * preset with simulated throttling (Lighthouse's defaults), each run in a fresh headless
 * Chromium (./chromium.ts) that is closed whatever happens, each run bounded by
 * RUN_TIMEOUT_MS. The site is served by the caller (scripts/static-server.mts, gzip).
 * The runs go round the pages in turn (run 1 of every page, then run 2, …), so a change of
 * load on the machine falls on the baseline and the pages alike. Prints a table and a
 * verdict per page (./goal.ts), the machine's load average before and after, and writes
 * the summary as JSON. Asserts nothing: a benchmark.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';
import {
  FIGURE_LABELS,
  GOAL,
  type Goal,
  baselineOf,
  figuresFromLhr,
  formatFigure,
  median,
  medianFigures,
  verdict,
  verdictLine,
  type LighthouseFigures,
  type LighthousePage,
  type Verdict,
} from './goal';

/** One Lighthouse run, browser start included, may take this long before it is abandoned. */
export const RUN_TIMEOUT_MS = 120_000;
const LAUNCH_TIMEOUT_MS = 30_000;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

interface RunOk {
  figures: LighthouseFigures;
  seconds: number;
  benchmarkIndex?: number;
  userAgent?: string;
  warnings: string[];
}
type RunResult = RunOk | { error: string; seconds: number };

/** `promise`, or a rejection with `message` after `ms`. */
function bounded<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(ms, 0));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One Lighthouse run of `url` in a Chromium of its own, killed at the end in every case. */
export async function runLighthouse(url: string, timeoutMs = RUN_TIMEOUT_MS): Promise<RunResult> {
  const t0 = Date.now();
  const launching = chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], logLevel: 'silent' });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await bounded(launching, LAUNCH_TIMEOUT_MS, `Chromium did not start within ${LAUNCH_TIMEOUT_MS / 1000} s`);
    const running = lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    // A run abandoned on timeout fails once its browser is killed below: nothing to report then.
    running.catch(() => undefined);
    const result = await bounded(running, timeoutMs - (Date.now() - t0), `the run took more than ${timeoutMs / 1000} s`);
    const seconds = (Date.now() - t0) / 1000;
    if (!result) return { error: 'Lighthouse returned no result', seconds };
    const { lhr } = result;
    if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`, seconds };
    return {
      figures: figuresFromLhr(lhr),
      seconds,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      userAgent: lhr.environment.hostUserAgent,
      warnings: lhr.runWarnings.map(String),
    };
  } catch (error) {
    // A browser that starts after its launch timed out is closed too.
    if (!chrome) launching.then((late) => late.kill(), () => undefined);
    return { error: (error as Error).message, seconds: (Date.now() - t0) / 1000 };
  } finally {
    chrome?.kill();
  }
}

const loadAverage = () => `${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min; ${os.cpus().length} cores)`;

export interface PageSummary extends LighthousePage {
  url: string;
  runs: RunResult[];
  median?: LighthouseFigures;
  baselineId?: string;
  verdict: Verdict;
}

export interface LighthouseSummary {
  lighthouse: string;
  chromium?: string;
  mode: 'quick' | 'full';
  runsPerPage: number;
  goal: Goal;
  loadAverage: { start: number[]; end: number[] };
  startedAt: string;
  seconds: number;
  /** Lighthouse's benchmark index of this machine (higher is faster), median over the runs. */
  benchmarkIndex?: number;
  pages: PageSummary[];
}

function pageTable(p: PageSummary): string[] {
  const cols = p.runs.map((_, i) => `run ${i + 1}`).concat(p.runs.length > 1 ? ['median'] : []);
  const lines = [`  ${p.name} (${p.locale})  ${p.path}`];
  const width = Math.max(...FIGURE_LABELS.map(([, l]) => l.length));
  lines.push(`    ${''.padEnd(width)}  ${cols.map((c) => c.padStart(8)).join('')}`);
  for (const [key, label] of FIGURE_LABELS) {
    const cells = p.runs.map((r) => ('figures' in r ? formatFigure(key, r.figures[key]) : 'failed'));
    if (p.runs.length > 1) cells.push(p.median ? formatFigure(key, p.median[key]) : '-');
    lines.push(`    ${label.padEnd(width)}  ${cells.map((c) => c.padStart(8)).join('')}`);
  }
  for (const [i, r] of p.runs.entries()) {
    if ('error' in r) lines.push(`    run ${i + 1} failed: ${r.error}`);
    else for (const warning of r.warnings) lines.push(`    run ${i + 1}, Lighthouse warns: ${warning}`);
  }
  lines.push(`    → ${verdictLine(p.verdict)}`);
  return lines;
}

export interface LighthouseOptions {
  origin: string;
  plan: LighthousePage[];
  full: boolean;
  defaultLocale: string;
  /** Where the JSON summary goes. */
  outFile: string;
}

/** Runs the section and prints it; returns the summary it wrote. */
export async function lighthouseSection({ origin, plan, full, defaultLocale, outFile }: LighthouseOptions): Promise<LighthouseSummary> {
  const runsPerPage = full ? 3 : 1;
  const started = new Date();
  const loadStart = os.loadavg();
  const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8')) as { version: string }).version;
  console.log(`\nLighthouse ${version}: mobile, simulated throttling; ${full ? 'full set' : 'quick pass'}, ${plan.length} pages × ${runsPerPage} run(s), served with gzip from ${origin}`);
  console.log(`  load average at start: ${loadAverage()}`);
  if (loadStart[0]! > os.cpus().length * 0.5) console.log('  (the machine is busy: figures from this run are not comparable with a quiet one)');
  const runs = new Map<string, RunResult[]>(plan.map((p) => [p.id, []]));
  for (let round = 0; round < runsPerPage; round++) {
    for (const page of plan) {
      const result = await runLighthouse(origin + page.path);
      runs.get(page.id)!.push(result);
      const tail = 'error' in result ? `failed: ${result.error}` : `performance ${result.figures.performance}, TBT ${Math.round(result.figures.tbtMs)} ms`;
      console.log(`  run ${round + 1}/${runsPerPage} ${page.name} (${page.locale}): ${result.seconds.toFixed(0)} s, ${tail}`);
    }
  }
  const medians = new Map<string, LighthouseFigures | undefined>();
  for (const page of plan) {
    const ok = runs.get(page.id)!.flatMap((r) => ('figures' in r ? [r.figures] : []));
    medians.set(page.id, ok.length ? medianFigures(ok) : undefined);
  }
  const pages: PageSummary[] = plan.map((page) => {
    const base = baselineOf(page, plan, defaultLocale);
    const median = medians.get(page.id);
    const v: Verdict = median
      ? verdict(median, base ? medians.get(base.id) : undefined, base ? `${base.name} (${base.locale})` : 'home')
      : { meets: false, misses: ['no successful run'] };
    return { ...page, url: origin + page.path, runs: runs.get(page.id)!, median, baselineId: base?.id, verdict: v };
  });
  const all = pages.flatMap((p) => p.runs).flatMap((r) => ('figures' in r ? [r] : []));
  const summary: LighthouseSummary = {
    lighthouse: version,
    chromium: all[0]?.userAgent,
    mode: full ? 'full' : 'quick',
    runsPerPage,
    goal: GOAL,
    loadAverage: { start: loadStart, end: os.loadavg() },
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    benchmarkIndex: all.length ? median(all.map((r) => r.benchmarkIndex ?? NaN)) : undefined,
    pages,
  };
  console.log(`\nLighthouse figures (${full ? 'median of 3 runs' : 'one run'} per page; baseline: the home page of the same locale in this run)`);
  for (const p of pages) console.log(pageTable(p).join('\n'));
  const missing = pages.filter((p) => !p.verdict.meets);
  console.log(`\n  goal: TBT ≤ ${GOAL.tbtFactor} × home, performance ≥ ${GOAL.minPerformance}, accessibility / best practices / SEO = ${GOAL.fullScore}, CLS = 0`);
  console.log(missing.length ? `  ${missing.length} of ${pages.length} pages MISS the goal: ${missing.map((p) => `${p.name} (${p.locale})`).join(', ')}` : `  every page (${pages.length}) meets the goal`);
  if (summary.benchmarkIndex !== undefined) console.log(`  Lighthouse benchmark index of this machine: ${Math.round(summary.benchmarkIndex)} (median)`);
  console.log(`  load average at end: ${loadAverage()}`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`  summary: ${path.relative(process.cwd(), outFile)}`);
  return summary;
}

