/**
 * npm run i18n:sync -- <doc path | glob | code.json>... [--locale it[,es]] [--all] [--root DIR] [--date YYYY-MM-DD] [--dry-run]
 * Records that the translation of each page reflects the current English page:
 * moves the marker in i18n/<locale>/translation-sync.json and stores the English
 * text in i18n/.source-snapshots/<hash>.md. The only command that moves markers.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCodeJson } from '../core/codeJson';
import { globToRegExp, isGlob } from '../core/glob';
import { listPages, readIfExists, readPages } from '../../../src/lib/i18n/files';
import { codeJsonFile, DOCS_DIR, manifestFile, snapshotFile, SOURCE_LOCALE, toDocPath, translatedDir } from '../../../src/lib/i18n/paths';
import { markCodeJsonSynced, markPageSynced, parseManifest, serializeManifest } from '../../../src/lib/i18n/sync';
import { checkKnown, listFlag, parseArgs, stringFlag, UsageError } from './args';
import { defaultRoot, resolveLocales, today } from './site';

const USAGE = 'usage: i18n:sync -- <doc path|glob|code.json>... [--locale it,es] [--all] [--root DIR] [--date YYYY-MM-DD] [--dry-run]';

function main(argv: readonly string[]): number {
  let args;
  try {
    args = parseArgs(argv, ['root', 'locale', 'locales', 'date']);
    checkKnown(args, ['root', 'locale', 'locales', 'date', 'all', 'dry-run', 'help']);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.flags.has('help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const root = resolve(stringFlag(args, 'root') ?? defaultRoot());
    const all = args.flags.has('all');
    const dry = args.flags.has('dry-run');
    const date = stringFlag(args, 'date') ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');
    if (!all && args.positionals.length === 0) throw new UsageError('give doc paths/globs (relative to docs/), code.json, or --all');
    const locales = resolveLocales(root, listFlag(args, 'locale', 'locales'));
    if (locales.length === 0) throw new Error(`no locale folder under ${join(root, 'i18n')}`);
    const sources = readPages(join(root, DOCS_DIR));
    const patterns = args.positionals.map(toDocPath);
    const wantCodeJson = all || patterns.includes('code.json');
    const pagePatterns = patterns.filter((p) => p !== 'code.json');
    const matchers = pagePatterns.map((p) => (isGlob(p) ? globToRegExp(p) : undefined));
    let synced = 0;
    const unmatched = new Set(pagePatterns);

    for (const locale of locales) {
      const manifestPath = join(root, manifestFile(locale));
      const before = readIfExists(manifestPath);
      const parsed = parseManifest(before);
      for (const p of parsed.problems) process.stderr.write(`${manifestFile(locale)}:${p.line}: invalid entry dropped: ${p.message}\n`);
      let manifest = parsed.manifest;
      const translated = listPages(join(root, translatedDir(locale)));
      const selected = translated.filter((docPath) => {
        if (all) return true;
        let hit = false;
        pagePatterns.forEach((p, i) => {
          const re = matchers[i];
          if (re ? re.test(docPath) : p === docPath) {
            hit = true;
            unmatched.delete(p);
          }
        });
        return hit;
      });
      for (const p of pagePatterns) {
        if (!isGlob(p) && !translated.includes(p)) {
          process.stderr.write(`${locale}: ${p} has no translation (${translatedDir(locale)}/${p}); skipped\n`);
        }
      }
      for (const docPath of selected) {
        const src = sources.get(docPath);
        if (src === undefined) {
          process.stderr.write(`${locale}: ${docPath} has no English source (orphan); skipped\n`);
          continue;
        }
        const res = markPageSynced(manifest, docPath, src, date);
        manifest = res.manifest;
        const snap = join(root, snapshotFile(res.snapshot.hash));
        if (!dry && !existsSync(snap)) {
          mkdirSync(dirname(snap), { recursive: true });
          writeFileSync(snap, res.snapshot.content);
        }
        process.stdout.write(`${locale}: ${dry ? 'would sync' : 'synced'} ${docPath} (${res.snapshot.hash}, ${date})\n`);
        synced++;
      }
      if (wantCodeJson) {
        const enText = readIfExists(join(root, codeJsonFile(SOURCE_LOCALE)));
        const locText = readIfExists(join(root, codeJsonFile(locale)));
        if (enText === null) process.stderr.write(`${locale}: ${codeJsonFile(SOURCE_LOCALE)} not found; UI strings not synced\n`);
        else if (locText === null) process.stderr.write(`${locale}: ${codeJsonFile(locale)} not found; UI strings not synced\n`);
        else {
          const en = parseCodeJson(enText);
          const loc = parseCodeJson(locText);
          if (en.problems.length || loc.problems.length) {
            process.stderr.write(`${locale}: code.json is malformed; run i18n:check and fix it first\n`);
          } else {
            manifest = markCodeJsonSynced(manifest, en.map, loc.map);
            process.stdout.write(`${locale}: ${dry ? 'would sync' : 'synced'} code.json (${Object.keys(manifest.codeJson).length} UI strings)\n`);
            synced++;
          }
        }
      }
      const after = serializeManifest(manifest);
      if (!dry && after !== before && (before !== null || selected.length > 0 || wantCodeJson)) {
        mkdirSync(dirname(manifestPath), { recursive: true });
        writeFileSync(manifestPath, after);
      }
    }
    for (const p of unmatched) if (isGlob(p)) process.stderr.write(`no translated page matches ${p}\n`);
    if (synced === 0) {
      process.stderr.write('i18n:sync: nothing synced\n');
      return 1;
    }
    if (dry) process.stdout.write('(dry run: nothing written)\n');
    return 0;
  } catch (e) {
    process.stderr.write(`i18n:sync: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(USAGE + '\n');
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
