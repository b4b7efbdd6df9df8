/**
 * npm test: every check CI runs, in order, stopping at the first failure:
 * typecheck, lint, import cycles and layers, unit + in-process tests, translation check, `npm start`
 * (scripts/start-smoke.mts), production build of all four locales, then Playwright in Debian's Chromium.
 * Prints how long each step took.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { E2E, E2E_SANDBOX_URL } from '../e2e/ports';

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const RESULTS = '.test-results';
const VITEST_JSON = `${RESULTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${RESULTS}/playwright.json`;
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const steps: Step[] = [
  { name: 'typecheck', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', args: ['eslint', '.', '--max-warnings', '0'] },
  // No import cycle (type-only and lazy imports count) and no tools/ or scripts/ import in
  // src/ or plugins/: .dependency-cruiser.cjs.
  { name: 'lint imports (cycles, layers)', args: ['depcruise', 'src', 'plugins', 'sandbox', 'tools', 'scripts', 'sidebars.ts', 'docusaurus.config.ts', '--config', '.dependency-cruiser.cjs'] },
  { name: 'unit and in-process tests', args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`] },
  // Re-extract the English UI strings from the code, so the check below sees
  // every Translate id the components use (missing or orphan keys in it/es/pt).
  { name: 'UI strings extracted (en)', args: ['docusaurus', 'write-translations', '--locale', 'en', '--override'] },
  { name: 'translation check', args: ['tsx', 'tools/i18n/cli/check.ts', '--no-classic-heading-ids'] },
  // README's command for running the portal: the sandbox and the dev server, checked in Chromium.
  { name: 'npm start (dev server and sandbox)', args: ['tsx', 'scripts/start-smoke.mts'] },
  // Built against the sandbox the browser tests start (its own port, not npm start's).
  { name: 'build (en, it, es, pt)', args: ['docusaurus', 'build', '--out-dir', E2E.buildDir], env: { SANDBOX_URL: E2E_SANDBOX_URL } },
  { name: 'browser tests', args: ['playwright', 'test'] },
];

const only = process.argv.slice(2);
const timings: Array<[string, number]> = [];
const started = Date.now();
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n=== ${step.name}: ${bin} ${step.args.join(' ')}`);
  const t0 = Date.now();
  const result = spawnSync(bin, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env, PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON } });
  timings.push([step.name, (Date.now() - t0) / 1000]);
  if (result.status !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
/** Passed/failed counts of both test runners, for one summary line. */
function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(VITEST_JSON)) {
    const v = JSON.parse(readFileSync(VITEST_JSON, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests;
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    total.passed += p.stats.expected + p.stats.flaky;
    total.failed += p.stats.unexpected;
    total.skipped += p.stats.skipped;
  }
  return total;
}

console.log('\nStep timings:');
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(1)} s`);
console.log(`  ${'total'.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
const c = counts();
console.log(`\n${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
