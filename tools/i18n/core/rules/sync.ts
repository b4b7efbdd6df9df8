/**
 * Translation markers (site level): every translated page has an English page and a sync
 * marker, and was synced with the current English text; `translation-sync.json` is valid.
 */
import { manifestFile, snapshotFile, sourceFile, translatedFile } from '../../../../src/lib/i18n/paths';
import { freshness, parseManifest, type SyncManifest } from '../../../../src/lib/i18n/sync';
import { defineRules, type RuleMetas, type SiteReport } from './rule';

export interface LocaleSyncInput {
  locale: string;
  /** Text of i18n/<locale>/translation-sync.json, null when absent. */
  manifestText?: string | null;
  /** Doc paths (relative to docs/) of the translated pages, sorted. */
  docPaths: readonly string[];
  /** doc path -> English text */
  sourcePages: ReadonlyMap<string, string>;
  /** Text of i18n/.source-snapshots/<hash>.md. */
  snapshot?: (hash: string) => string | undefined;
  /** `sourceHash` of an English page (the caller caches it across locales). */
  hashOf: (docPath: string) => string;
}

export interface LocaleSync {
  manifest: SyncManifest;
  /** The translated pages that have an English page, to compare with it. */
  comparable: string[];
}

const meta = {
  'sync-missing': {
    severity: 'warning',
    description: 'The page has no sync marker.',
    fix: 'When it matches the English page, run `npm run i18n:sync`.',
  },
  'stale': {
    severity: 'warning',
    description: 'The English page changed since the last sync; the finding shows the diff.',
    fix: 'Apply the changes, then `npm run i18n:sync`.',
  },
  'orphan': {
    severity: 'error',
    description: 'The translated page has no English page (renamed, deleted, other extension).',
    fix: 'Move or delete it.',
  },
  'sync-manifest': {
    severity: 'error',
    description: '`translation-sync.json` is broken.',
    fix: 'Fix it, or delete the entry and sync again.',
  },
} as const satisfies RuleMetas;

type SyncRuleId = keyof typeof meta;

export const sync = defineRules({
  name: 'sync',
  meta,
  check(input: LocaleSyncInput, report: SiteReport<SyncRuleId>): LocaleSync {
    const { locale } = input;
    const { manifest, problems } = parseManifest(input.manifestText);
    for (const p of problems) report('sync-manifest', { file: manifestFile(locale), line: p.line, message: p.message });
    const comparable: string[] = [];
    for (const docPath of input.docPaths) {
      const file = translatedFile(locale, docPath);
      const src = input.sourcePages.get(docPath);
      if (src === undefined) {
        const other = docPath.replace(/\.mdx?$/i, (e) => (e.toLowerCase() === '.md' ? '.mdx' : '.md'));
        const hint = input.sourcePages.has(other) ? ` (the English page is ${sourceFile(other)}: use the same extension)` : ' (renamed or deleted?)';
        report('orphan', { file, line: 1, message: `no English source ${sourceFile(docPath)}${hint}`, docPath });
        continue;
      }
      comparable.push(docPath);
      const entry = manifest.pages[docPath];
      const hash = entry ? input.hashOf(docPath) : undefined;
      const stale = entry !== undefined && hash !== entry.sourceHash;
      const fr = freshness(src, entry, stale ? input.snapshot?.(entry.sourceHash) : undefined, docPath, hash);
      if (fr.state === 'unsynced') {
        report('sync-missing', { file, line: 1, message: `no sync marker in ${manifestFile(locale)}; once the page matches the English one run \`npm run i18n:sync -- ${docPath} --locale ${locale}\``, docPath });
      } else if (fr.state === 'stale') {
        const message = `the English page changed since the sync of ${fr.entry.syncedAt} (${fr.entry.sourceHash} -> ${fr.currentHash})`
          + (fr.diff !== undefined ? '; changes:' : `; no snapshot ${snapshotFile(fr.entry.sourceHash)}, compare with \`git log -p ${sourceFile(docPath)}\``);
        report('stale', { file, line: 1, message, docPath, ...(fr.diff !== undefined ? { diff: fr.diff } : {}) });
      }
    }
    return { manifest, comparable };
  },
});
