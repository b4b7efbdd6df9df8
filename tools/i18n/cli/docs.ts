/**
 * npm run i18n:docs [-- --check]
 * Writes the rules table of tools/i18n/TRANSLATING.md from the rule registry; with --check, only
 * reports whether the committed table is current (exit 1 when it is not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../core/rules';
import { withRulesTable } from '../core/rulesDoc';

const GUIDE = join(dirname(fileURLToPath(import.meta.url)), '../TRANSLATING.md');

function main(argv: readonly string[]): number {
  const current = readFileSync(GUIDE, 'utf8');
  const generated = withRulesTable(current, RULES);
  if (generated === current) {
    process.stderr.write('i18n:docs: the rules table of TRANSLATING.md is up to date\n');
    return 0;
  }
  if (argv.includes('--check')) {
    process.stderr.write('i18n:docs: the rules table of TRANSLATING.md differs from the rules; run npm run i18n:docs\n');
    return 1;
  }
  writeFileSync(GUIDE, generated);
  process.stderr.write(`i18n:docs: wrote the rules table (${RULES.length} rules) to TRANSLATING.md\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
