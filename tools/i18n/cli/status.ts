/**
 * npm run i18n:status -- [--root DIR] [--locales it,es] [--format text|json] [--diff]
 * Per locale, every English page: translated, stale or missing, with the last sync date, and
 * how many of the API's own strings (`i18n/<locale>/openapi.json`: the spec's descriptions and
 * the reference pages' phrases) are translated, stale or missing. With
 * --diff, each stale page is followed by what changed in English since its sync (the same hunks
 * as the site's view of the changes, from i18n/.source-snapshots/, no git); in JSON, as `diff`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSpec } from '../../../src/lib/api/load';
import { apiStringCounts, parseStringsFile, stringsFile, type ApiStringCounts } from '../../../src/lib/api/stringsFile';
import { SPEC_FILE } from '../../../src/lib/i18n/editLinks';
import { changesAsUnifiedDiff } from '../../../src/lib/i18n/changes';
import { listPages, readIfExists, readPages } from '../../../src/lib/i18n/files';
import { DOCS_DIR, manifestFile, snapshotFile, sourceFile, translatedDir } from '../../../src/lib/i18n/paths';
import { computeStatus, type LocaleStatus, type PageStatusEntry } from '../../../src/lib/i18n/status';
import { checkKnown, listFlag, parseArgs, stringFlag, UsageError } from './args';
import { defaultRoot, resolveLocales } from './site';

const USAGE = 'usage: i18n:status [--root DIR] [--locales it,es] [--format text|json] [--diff]';

/** What changed in English since the sync of a stale page: a unified diff, or why there is none. */
type Changes = { diff: string } | { note: string };

interface Report {
  locales: LocaleStatus[];
  /** locale -> the counts of its i18n/<locale>/openapi.json (the API's own words), when the site has a spec. */
  apiStrings: Map<string, ApiStringCounts>;
  /** locale -> doc path -> changes (stale pages, with --diff). */
  changes: Map<string, Map<string, Changes>>;
}

function changesOf(root: string, sourcePages: ReadonlyMap<string, string>, page: PageStatusEntry): Changes | undefined {
  if (page.status !== 'stale') return undefined;
  if (page.syncedHash === null || page.syncedAt === null) return { note: 'never synced: there is no earlier English text to compare with' };
  const snapshot = readIfExists(join(root, snapshotFile(page.syncedHash)));
  if (snapshot === null) return { note: `no snapshot ${snapshotFile(page.syncedHash)}: compare with \`git log -p ${sourceFile(page.docPath)}\`` };
  const text = sourcePages.get(page.docPath) ?? '';
  return { diff: changesAsUnifiedDiff(text, snapshot, page.docPath, { sourceHash: page.syncedHash, syncedAt: page.syncedAt }, page.sourceHash) };
}

function formatText(report: Report): string {
  const out: string[] = [];
  for (const l of report.locales) {
    const total = l.pages.length;
    out.push(`${l.locale}: ${l.counts.translated}/${total} translated, ${l.counts.stale} stale, ${l.counts.missing} missing`);
    const api = report.apiStrings.get(l.locale);
    if (api) {
      out.push(
        `  API strings (${stringsFile(l.locale)}): ${api.spec.translated}/${api.spec.total} translated, ${api.spec.stale} stale, ${api.spec.missing} missing`
          + `${api.spec.orphans ? `, ${api.spec.orphans} orphan` : ''}; page phrases: ${api.pages.translated}/${api.pages.total} translated, ${api.pages.stale} stale, ${api.pages.missing} missing`,
      );
    }
    for (const p of l.pages) {
      const note = p.reason === 'no-sync-marker' ? '  (never synced)' : '';
      out.push(`  ${p.status.padEnd(10)} ${(p.syncedAt ?? '-').padEnd(10)}  ${p.docPath}${note}`);
      const changes = report.changes.get(l.locale)?.get(p.docPath);
      if (changes && 'diff' in changes) for (const line of changes.diff.replace(/\n$/, '').split('\n')) out.push(`      ${line}`);
      else if (changes && p.reason !== 'no-sync-marker') out.push(`      (${changes.note})`);
    }
    for (const o of l.orphans) out.push(`  ${'orphan'.padEnd(10)} ${'-'.padEnd(10)}  ${o}  (no English source)`);
  }
  return out.join('\n');
}

function formatJson(report: Report): string {
  const locales = report.locales.map((l) => ({
    ...l,
    ...(report.apiStrings.has(l.locale) ? { apiStrings: report.apiStrings.get(l.locale) } : {}),
    pages: l.pages.map((p) => {
      const changes = report.changes.get(l.locale)?.get(p.docPath);
      return changes ? { ...p, ...changes } : p;
    }),
  }));
  return JSON.stringify(locales, null, 2);
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv, ['root', 'locales', 'locale', 'format']);
    checkKnown(args, ['root', 'locales', 'locale', 'format', 'diff', 'help']);
    if (args.flags.has('help')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const format = stringFlag(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
    const root = resolve(stringFlag(args, 'root') ?? defaultRoot());
    const locales = resolveLocales(root, listFlag(args, 'locales', 'locale'));
    const sourcePages = readPages(join(root, DOCS_DIR));
    const status = computeStatus({
      sourcePages,
      locales: locales.map((locale) => ({
        locale,
        translatedPaths: listPages(join(root, translatedDir(locale))),
        manifest: readIfExists(join(root, manifestFile(locale))),
      })),
    });
    const changes = new Map<string, Map<string, Changes>>();
    if (args.flags.has('diff')) {
      for (const l of status) {
        const byPage = new Map<string, Changes>();
        for (const p of l.pages) {
          const c = changesOf(root, sourcePages, p);
          if (c) byPage.set(p.docPath, c);
        }
        changes.set(l.locale, byPage);
      }
    }
    const apiStrings = new Map<string, ApiStringCounts>();
    const specFile = join(root, SPEC_FILE);
    if (existsSync(specFile)) {
      const doc = loadSpec(specFile);
      for (const locale of locales) {
        const text = readIfExists(join(root, stringsFile(locale)));
        apiStrings.set(locale, apiStringCounts(doc, text === null ? null : parseStringsFile(text).file));
      }
    }
    const report = { locales: status, changes, apiStrings };
    process.stdout.write((format === 'json' ? formatJson(report) : formatText(report)) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`i18n:status: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(USAGE + '\n');
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
