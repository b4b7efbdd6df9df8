/**
 * npm run i18n:status -- [--root DIR] [--locales it,es] [--format text|json]
 * Per locale, every English page: translated, stale or missing, with the last sync date.
 */
import { join, resolve } from 'node:path';
import { listPages, readIfExists, readPages } from '../../../src/lib/i18n/files';
import { DOCS_DIR, manifestFile, translatedDir } from '../../../src/lib/i18n/paths';
import { computeStatus, type LocaleStatus } from '../../../src/lib/i18n/status';
import { checkKnown, listFlag, parseArgs, stringFlag, UsageError } from './args';
import { defaultRoot, resolveLocales } from './site';

const USAGE = 'usage: i18n:status [--root DIR] [--locales it,es] [--format text|json]';

function formatText(report: readonly LocaleStatus[]): string {
  const out: string[] = [];
  for (const l of report) {
    const total = l.pages.length;
    out.push(`${l.locale}: ${l.counts.translated}/${total} translated, ${l.counts.stale} stale, ${l.counts.missing} missing`);
    for (const p of l.pages) {
      const note = p.reason === 'no-sync-marker' ? '  (never synced)' : '';
      out.push(`  ${p.status.padEnd(10)} ${(p.syncedAt ?? '-').padEnd(10)}  ${p.docPath}${note}`);
    }
    for (const o of l.orphans) out.push(`  ${'orphan'.padEnd(10)} ${'-'.padEnd(10)}  ${o}  (no English source)`);
  }
  return out.join('\n');
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv, ['root', 'locales', 'locale', 'format']);
    checkKnown(args, ['root', 'locales', 'locale', 'format', 'help']);
    if (args.flags.has('help')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const format = stringFlag(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
    const root = resolve(stringFlag(args, 'root') ?? defaultRoot());
    const locales = resolveLocales(root, listFlag(args, 'locales', 'locale'));
    const report = computeStatus({
      sourcePages: readPages(join(root, DOCS_DIR)),
      locales: locales.map((locale) => ({
        locale,
        translatedPaths: listPages(join(root, translatedDir(locale))),
        manifest: readIfExists(join(root, manifestFile(locale))),
      })),
    });
    process.stdout.write((format === 'json' ? JSON.stringify(report, null, 2) : formatText(report)) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`i18n:status: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(USAGE + '\n');
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
