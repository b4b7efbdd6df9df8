/**
 * Translation status per locale and page. Pure, so a Docusaurus plugin can
 * call it at build time with the contents it already has in memory.
 */
import { parseManifest, type SyncManifest } from './sync';
import { sourceHash } from './text';

export type PageStatus = 'translated' | 'stale' | 'missing';

export interface PageStatusEntry {
  docPath: string;
  status: PageStatus;
  /** Date of the last sync, null when never synced. */
  syncedAt: string | null;
  sourceHash: string;
  syncedHash: string | null;
  /** Set when a translated file exists but was never synced (counted as stale). */
  reason?: 'no-sync-marker';
}

export interface LocaleStatus {
  locale: string;
  pages: PageStatusEntry[];
  counts: Record<PageStatus, number>;
  /** Translated pages without an English source. */
  orphans: string[];
}

export interface StatusLocaleInput {
  locale: string;
  /** Doc paths (relative to docs/) that have a translated file. */
  translatedPaths: Iterable<string>;
  /** Parsed manifest or the raw text of translation-sync.json (null when absent). */
  manifest: SyncManifest | string | null | undefined;
}

export interface StatusInput {
  /** doc path -> English text (or its sourceHash if `hashes` is true). */
  sourcePages: ReadonlyMap<string, string>;
  locales: readonly StatusLocaleInput[];
  /** `sourcePages` values are already source hashes. */
  hashes?: boolean;
}

export function computeStatus(input: StatusInput): LocaleStatus[] {
  const hashes = new Map<string, string>();
  for (const [p, v] of input.sourcePages) hashes.set(p, input.hashes ? v : sourceHash(v));
  const docPaths = [...hashes.keys()].sort();
  return input.locales.map((l) => {
    const manifest = typeof l.manifest === 'string' || l.manifest == null ? parseManifest(l.manifest).manifest : l.manifest;
    const translated = new Set(l.translatedPaths);
    const pages: PageStatusEntry[] = docPaths.map((docPath) => {
      const h = hashes.get(docPath) as string;
      const entry = manifest.pages[docPath];
      if (!translated.has(docPath)) {
        return { docPath, status: 'missing', syncedAt: entry?.syncedAt ?? null, sourceHash: h, syncedHash: entry?.sourceHash ?? null };
      }
      if (!entry) return { docPath, status: 'stale', syncedAt: null, sourceHash: h, syncedHash: null, reason: 'no-sync-marker' };
      return { docPath, status: entry.sourceHash === h ? 'translated' : 'stale', syncedAt: entry.syncedAt, sourceHash: h, syncedHash: entry.sourceHash };
    });
    const counts: Record<PageStatus, number> = { translated: 0, stale: 0, missing: 0 };
    for (const p of pages) counts[p.status]++;
    const orphans = [...translated].filter((p) => !hashes.has(p)).sort();
    return { locale: l.locale, pages, counts, orphans };
  });
}
