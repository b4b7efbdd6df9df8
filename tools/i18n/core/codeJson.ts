/**
 * UI strings (`i18n/<locale>/code.json`): read a file keeping the line of every id, validate a
 * parsed value, and the placeholders and plural forms of a message. Pure. The rules that compare
 * a locale's messages with the English ones are in rules/ui.ts.
 */
import { LOCALES, type LocaleConfig } from '../../../src/config/site';
import { parseJsonObjectFile } from '../../../src/lib/i18n/json';
import { code } from './text';

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
  const root = parseJsonObjectFile(text, 'code.json must be an object of { "id": { "message": "..." } }');
  if (!root.ok) {
    out.problems.push(root.problem);
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
 * Docusaurus' usePluralForm takes the forms in CLDR order. The site's locales say it in the
 * site config (`pluralForms`); PLURAL_FORMS covers a few other languages a `--root` site may use
 * (a 2-form message, "one|other", also covers the CLDR "many" category, which falls back to the last form).
 */
export const PLURAL_FORMS: Readonly<Record<string, number>> = { fr: 2, de: 2, nl: 2 };

export function pluralFormCount(locale: string, locales: readonly LocaleConfig[] = LOCALES): number | undefined {
  const primary = locale.split(/[-_]/)[0] ?? '';
  const configured = (code: string): number | undefined => locales.find((l) => l.code === code)?.pluralForms;
  return configured(locale) ?? PLURAL_FORMS[locale] ?? configured(primary) ?? PLURAL_FORMS[primary];
}
