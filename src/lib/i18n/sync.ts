/**
 * Translation sync markers: which version of the English page a translation
 * reflects. Pure functions over manifest objects; the CLI does the file I/O.
 */
import { changesAsUnifiedDiff } from './changes';
import { parseJson, type JsonNode } from './json';
import { normaliseSource, sha256Hex, sourceHash } from './text';

export interface SyncEntry {
  sourceHash: string;
  syncedAt: string;
}

export interface SyncManifest {
  /** doc path (relative to docs/) -> marker */
  pages: Record<string, SyncEntry>;
  /** code.json message id -> hash of the English message at sync time */
  codeJson: Record<string, string>;
}

export const CODE_JSON_KEY = 'code.json';

export function emptyManifest(): SyncManifest {
  return { pages: {}, codeJson: {} };
}

export interface ManifestProblem {
  line: number;
  message: string;
}

/** Parse `translation-sync.json`. Invalid entries are reported and skipped. */
export function parseManifest(text: string | null | undefined): { manifest: SyncManifest; problems: ManifestProblem[] } {
  const manifest = emptyManifest();
  const problems: ManifestProblem[] = [];
  if (text === null || text === undefined || text.trim() === '') return { manifest, problems };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    problems.push({ line: parsed.error.line, message: `not valid JSON: ${parsed.error.message}` });
    return { manifest, problems };
  }
  const root = parsed.node;
  if (root.kind !== 'object') {
    problems.push({ line: root.line, message: 'must be a JSON object' });
    return { manifest, problems };
  }
  for (const e of root.entries) {
    if (e.key === CODE_JSON_KEY) {
      if (e.value.kind !== 'object') {
        problems.push({ line: e.keyLine, message: '"code.json" must map message ids to hashes' });
        continue;
      }
      for (const c of e.value.entries) {
        if (c.value.kind === 'string') manifest.codeJson[c.key] = c.value.value;
        else problems.push({ line: c.keyLine, message: `code.json hash of ${JSON.stringify(c.key)} must be a string` });
      }
      continue;
    }
    const entry = toEntry(e.value);
    if (!entry) {
      problems.push({ line: e.keyLine, message: `entry ${JSON.stringify(e.key)} must be { "sourceHash": "<16 hex>", "syncedAt": "YYYY-MM-DD" }` });
      continue;
    }
    manifest.pages[e.key] = entry;
  }
  return { manifest, problems };
}

function toEntry(n: JsonNode): SyncEntry | undefined {
  if (n.kind !== 'object') return undefined;
  const get = (k: string): string | undefined => {
    const v = n.entries.find((e) => e.key === k)?.value;
    return v && v.kind === 'string' ? v.value : undefined;
  };
  const h = get('sourceHash');
  const d = get('syncedAt');
  if (!h || !/^[0-9a-f]{16}$/.test(h) || !d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
  return { sourceHash: h, syncedAt: d };
}

/** Stable JSON: page entries sorted by path, then "code.json" (ids sorted). */
export function serializeManifest(m: SyncManifest): string {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(m.pages).sort()) {
    const e = m.pages[k] as SyncEntry;
    out[k] = { sourceHash: e.sourceHash, syncedAt: e.syncedAt };
  }
  const ids = Object.keys(m.codeJson).sort();
  if (ids.length > 0) {
    const c: Record<string, string> = {};
    for (const id of ids) c[id] = m.codeJson[id] as string;
    out[CODE_JSON_KEY] = c;
  }
  return JSON.stringify(out, null, 2) + '\n';
}

export interface Snapshot {
  hash: string;
  /** Normalised English text to store as `i18n/.source-snapshots/<hash>.md`. */
  content: string;
}

/** Move the marker of one page to the current English text. Returns a new manifest and the snapshot to write. */
export function markPageSynced(m: SyncManifest, docPath: string, sourceText: string, date: string): { manifest: SyncManifest; snapshot: Snapshot } {
  const content = normaliseSource(sourceText);
  const hash = sourceHash(sourceText);
  return {
    manifest: { pages: { ...m.pages, [docPath]: { sourceHash: hash, syncedAt: date } }, codeJson: { ...m.codeJson } },
    snapshot: { hash, content },
  };
}

export function messageHash(message: string): string {
  return sha256Hex(message).slice(0, 16);
}

/** Record the English message hash of every id that the locale's code.json translates. */
export function markCodeJsonSynced(
  m: SyncManifest,
  source: Readonly<Record<string, { message: string }>>,
  target: Readonly<Record<string, unknown>>,
): SyncManifest {
  const codeJson: Record<string, string> = {};
  for (const [id, entry] of Object.entries(source)) {
    if (Object.prototype.hasOwnProperty.call(target, id)) codeJson[id] = messageHash(entry.message);
  }
  return { pages: { ...m.pages }, codeJson };
}

export type Freshness =
  | { state: 'synced'; entry: SyncEntry }
  | { state: 'unsynced' }
  | { state: 'stale'; entry: SyncEntry; currentHash: string; diff?: string };

/** Compare the marker of a page with the current English text; builds the diff from the snapshot when available. */
export function freshness(sourceText: string, entry: SyncEntry | undefined, snapshotText?: string, docPath = 'page', knownHash?: string): Freshness {
  if (!entry) return { state: 'unsynced' };
  const currentHash = knownHash ?? sourceHash(sourceText);
  if (currentHash === entry.sourceHash) return { state: 'synced', entry };
  if (snapshotText === undefined) return { state: 'stale', entry, currentHash };
  const diff = changesAsUnifiedDiff(sourceText, snapshotText, docPath, entry, currentHash);
  return { state: 'stale', entry, currentHash, diff };
}
