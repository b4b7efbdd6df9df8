/**
 * UI strings (`i18n/<locale>/code.json`) against the English messages.
 * Pure: takes the maps (or the raw text of the locale file), returns findings.
 */
import { parseJson } from './json';
import { defaultSeverity } from './rules';
import { messageHash } from './sync';
import { code } from './text';
import type { PageFinding, RuleId } from './types';

export interface CodeJsonEntry {
  message: string;
  description?: string;
}
export type CodeJsonMap = Record<string, CodeJsonEntry>;

export interface ParsedCodeJson {
  map: CodeJsonMap;
  /** line of each id in the file */
  lines: Map<string, number>;
  problems: { line: number; message: string }[];
}

/** Parse a code.json text, keeping the line of every id; never throws. */
export function parseCodeJson(text: string): ParsedCodeJson {
  const out: ParsedCodeJson = { map: {}, lines: new Map(), problems: [] };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    out.problems.push({ line: parsed.error.line, message: `not valid JSON (column ${parsed.error.column}): ${parsed.error.message}` });
    return out;
  }
  const root = parsed.node;
  if (root.kind !== 'object') {
    out.problems.push({ line: root.line, message: 'code.json must be an object of { "id": { "message": "..." } }' });
    return out;
  }
  for (const e of root.entries) {
    out.lines.set(e.key, e.keyLine);
    const v = e.value;
    const msg = v.kind === 'object' ? v.entries.find((x) => x.key === 'message')?.value : undefined;
    if (v.kind !== 'object' || !msg || msg.kind !== 'string') {
      out.problems.push({ line: e.keyLine, message: `entry ${code(e.key)} must be { "message": "<text>" }` });
      continue;
    }
    const desc = v.entries.find((x) => x.key === 'description')?.value;
    out.map[e.key] = { message: msg.value, ...(desc && desc.kind === 'string' ? { description: desc.value } : {}) };
  }
  return out;
}

/** Validate an already-parsed value (e.g. from a plugin) as a code.json map. */
export function toCodeJsonMap(value: unknown): { map: CodeJsonMap; problems: string[] } {
  const map: CodeJsonMap = {};
  const problems: string[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { map, problems: ['code.json must be an object'] };
  for (const [id, v] of Object.entries(value as Record<string, unknown>)) {
    const msg = v && typeof v === 'object' ? (v as Record<string, unknown>).message : undefined;
    if (typeof msg !== 'string') {
      problems.push(`entry ${code(id)} must be { "message": "<text>" }`);
      continue;
    }
    const desc = (v as Record<string, unknown>).description;
    map[id] = { message: msg, ...(typeof desc === 'string' ? { description: desc } : {}) };
  }
  return { map, problems };
}

/** `{name}` placeholders of a message. */
export function placeholders(message: string): Set<string> {
  const out = new Set<string>();
  for (const m of message.matchAll(/\{(\w+)\}/g)) if (m[1]) out.add(m[1]);
  return out;
}

/**
 * Number of `|`-separated plural forms a message must have in a locale.
 * Docusaurus' usePluralForm takes the forms in CLDR order; English, Italian,
 * Spanish and Portuguese write two: "one|other" (a 2-form message also covers
 * the CLDR "many" category, which falls back to the last form).
 */
export const PLURAL_FORMS: Readonly<Record<string, number>> = { en: 2, it: 2, es: 2, pt: 2, fr: 2, de: 2, nl: 2 };

export function pluralFormCount(locale: string): number | undefined {
  return PLURAL_FORMS[locale] ?? PLURAL_FORMS[locale.split(/[-_]/)[0] ?? ''];
}

export interface CheckCodeJsonInput {
  locale: string;
  /** English messages (from `docusaurus write-translations --locale en`). */
  source: CodeJsonMap;
  /** The locale's code.json: raw text (gives line numbers and malformed-file reports) or a parsed value. */
  target: string | unknown;
  /** Hashes of the English messages at the last sync (`translation-sync.json` key "code.json"). */
  syncedHashes?: Readonly<Record<string, string>>;
  /** Override the expected number of plural forms. */
  pluralForms?: number;
}

export function checkCodeJson(input: CheckCodeJsonInput): PageFinding[] {
  const out: PageFinding[] = [];
  const add = (rule: RuleId, line: number, message: string): void => {
    out.push({ rule, line: Math.max(1, line), message, severity: defaultSeverity(rule) });
  };
  let map: CodeJsonMap;
  let lines = new Map<string, number>();
  if (typeof input.target === 'string') {
    const p = parseCodeJson(input.target);
    for (const pr of p.problems) add('ui-malformed', pr.line, pr.message);
    if (p.problems.length > 0 && Object.keys(p.map).length === 0 && p.lines.size === 0) return out;
    map = p.map;
    lines = p.lines;
  } else {
    const v = toCodeJsonMap(input.target);
    for (const pr of v.problems) add('ui-malformed', 1, pr);
    map = v.map;
  }
  const lineOf = (id: string): number => lines.get(id) ?? 1;
  const forms = input.pluralForms ?? pluralFormCount(input.locale);

  for (const [id, src] of Object.entries(input.source)) {
    const present = Object.prototype.hasOwnProperty.call(map, id);
    if (!present) {
      if (!lines.has(id)) add('ui-missing-key', 1, `UI string ${code(id)} missing (English: ${code(src.message)})`);
      continue;
    }
    const tgt = map[id] as CodeJsonEntry;
    const sp = placeholders(src.message);
    const tp = placeholders(tgt.message);
    const lost = [...sp].filter((p) => !tp.has(p));
    const added = [...tp].filter((p) => !sp.has(p));
    if (lost.length || added.length) {
      add('ui-placeholders', lineOf(id), `${code(id)}: placeholders ${[...tp].map((p) => `{${p}}`).join(', ') || 'none'} should be ${[...sp].map((p) => `{${p}}`).join(', ') || 'none'}`
        + (lost.length ? ` (missing ${lost.map((p) => `{${p}}`).join(', ')})` : '') + (added.length ? ` (unknown ${added.map((p) => `{${p}}`).join(', ')})` : ''));
    }
    if (src.message.includes('|') && forms !== undefined) {
      const n = tgt.message.split('|').length;
      if (n !== forms) add('ui-plural', lineOf(id), `${code(id)} has ${n} plural form(s), locale ${input.locale} needs ${forms} ("one|other")`);
    }
    const synced = input.syncedHashes?.[id];
    if (synced !== undefined && synced !== messageHash(src.message)) {
      add('ui-stale', lineOf(id), `${code(id)}: the English message changed since the last sync; it is now ${code(src.message)}`);
    }
  }
  for (const id of Object.keys(map)) {
    if (!Object.prototype.hasOwnProperty.call(input.source, id)) add('ui-orphan-key', lineOf(id), `UI string ${code(id)} is not in the English messages`);
  }
  if (input.syncedHashes) {
    const unsynced = Object.keys(map).filter((id) => Object.prototype.hasOwnProperty.call(input.source, id) && !(id in (input.syncedHashes ?? {})));
    if (unsynced.length > 0) {
      add('ui-sync-missing', 1, `${unsynced.length} UI string(s) have no sync marker (e.g. ${unsynced.slice(0, 3).map(code).join(', ')}); run \`npm run i18n:sync -- code.json --locale ${input.locale}\` once they are translated`);
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
