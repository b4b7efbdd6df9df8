/**
 * What changed in an English page since a translation was synced, from the snapshot of the
 * English text at sync time (`i18n/.source-snapshots/<hash>.md`) and the current text: the
 * hunks of the line diff, each replaced line with its changed words. The site's view of the
 * changes (plugins/translation-status) and `npm run i18n:status -- --diff` both read it, so they
 * show the same hunks. Pure, no git.
 */
import { diffHunks, unifiedDiff, wordDiff, type DiffLine, type DiffSegment } from './diff';
import { normaliseSource, sourceHash } from './text';

export interface ChangeLine {
  kind: DiffLine['kind'];
  /** Line in the English page at sync time (removed and unchanged lines). */
  oldLine?: number;
  /** Line in the current English page (added and unchanged lines). */
  newLine?: number;
  /** The text, cut where words changed (a replaced line) or whole. */
  segments: DiffSegment[];
}

export interface ChangeHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: ChangeLine[];
}

/** A sync marker (the shape of `SyncEntry` in ./sync.ts, which uses this module). */
export interface SyncedAt {
  sourceHash: string;
  syncedAt: string;
}

interface ChangesBase {
  /** `YYYY-MM-DD` of the sync. */
  syncedAt: string;
  /** Hash of the English text at the sync. */
  syncedHash: string;
  /** Hash of the current English text. */
  currentHash: string;
}

/** The changes, or `no-snapshot` when the English text of the sync was not stored. */
export type EnglishChanges = (ChangesBase & { kind: 'diff'; hunks: ChangeHunk[] }) | (ChangesBase & { kind: 'no-snapshot' });

/** Lines of context around each change. */
export const CHANGES_CONTEXT = 3;

/** A replaced line gets its changed words marked when at least this share of the shorter of the two lines is kept. */
const MIN_SHARED = 0.5;

/**
 * The English changes of a page since its sync marker `entry`; null when the page is in sync.
 * `snapshotText` is the English text at the sync (undefined or null when not stored).
 */
export function englishChanges(currentText: string, entry: SyncedAt, snapshotText: string | null | undefined): EnglishChanges | null {
  const currentHash = sourceHash(currentText);
  if (currentHash === entry.sourceHash) return null;
  const base: ChangesBase = { syncedAt: entry.syncedAt, syncedHash: entry.sourceHash, currentHash };
  if (snapshotText === null || snapshotText === undefined) return { ...base, kind: 'no-snapshot' };
  const hunks = diffHunks(normaliseSource(snapshotText), normaliseSource(currentText), CHANGES_CONTEXT).map((h) => ({ ...h, lines: withWords(h.lines) }));
  return { ...base, kind: 'diff', hunks };
}

/** The same changes as a unified diff (what `npm run i18n:check` shows under a stale finding). */
export function changesAsUnifiedDiff(currentText: string, snapshotText: string, docPath: string, entry: SyncedAt, currentHash = sourceHash(currentText)): string {
  return unifiedDiff(normaliseSource(snapshotText), normaliseSource(currentText), {
    oldLabel: `docs/${docPath} (synced ${entry.syncedAt}, ${entry.sourceHash})`,
    newLabel: `docs/${docPath} (now, ${currentHash})`,
    context: CHANGES_CONTEXT,
  });
}

/** Pair the removed and added lines of each change block in order, and mark their changed words. */
function withWords(lines: readonly DiffLine[]): ChangeLine[] {
  const out: ChangeLine[] = lines.map((l) => ({
    kind: l.kind,
    ...(l.oldLine !== undefined ? { oldLine: l.oldLine } : {}),
    ...(l.newLine !== undefined ? { newLine: l.newLine } : {}),
    segments: [{ text: l.text, changed: false }],
  }));
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind === ' ') {
      i++;
      continue;
    }
    const removed: number[] = [];
    const added: number[] = [];
    while (i < lines.length && lines[i]!.kind !== ' ') {
      (lines[i]!.kind === '-' ? removed : added).push(i);
      i++;
    }
    for (let k = 0; k < Math.min(removed.length, added.length); k++) {
      const a = out[removed[k]!]!;
      const b = out[added[k]!]!;
      const words = wordDiff(lines[removed[k]!]!.text, lines[added[k]!]!.text);
      const shared = words.new.filter((s) => !s.changed).reduce((n, s) => n + s.text.trim().length, 0);
      const shorter = Math.max(1, Math.min(lines[added[k]!]!.text.trim().length, lines[removed[k]!]!.text.trim().length));
      if (shared / shorter < MIN_SHARED) continue;
      a.segments = words.old;
      b.segments = words.new;
    }
  }
  return out;
}
