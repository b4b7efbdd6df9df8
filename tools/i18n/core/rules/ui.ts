/**
 * UI strings (site level): the English `code.json` exists and is valid; each locale has a
 * `code.json` with every English id and no other, the same `{placeholders}`, the plural forms
 * of the locale, and sync markers of the current English messages.
 */
import { codeJsonFile, SOURCE_LOCALE } from '../../../../src/lib/i18n/paths';
import { messageHash } from '../../../../src/lib/i18n/sync';
import { parseCodeJson, placeholders, pluralFormCount, toCodeJsonMap, type CodeJsonEntry, type CodeJsonMap } from '../codeJson';
import { code } from '../text';
import { collect, defineRules, type Report, type RuleFinding, type RuleMetas, type SiteReport } from './rule';

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

const meta = {
  'ui-source-missing': {
    severity: 'warning',
    description: '`i18n/en/code.json` is absent: UI strings were not checked.',
    fix: '`npm run write-translations -- --locale en`.',
  },
  'ui-file-missing': {
    severity: 'error',
    description: 'The locale has no `code.json`.',
    fix: '`npm run write-translations -- --locale <locale>`, then translate.',
  },
  'ui-malformed': {
    severity: 'error',
    description: '`code.json` is not valid JSON, or an entry is not `{ "message": "..." }`.',
    fix: 'Fix the JSON at the line.',
  },
  'ui-missing-key': {
    severity: 'error',
    description: 'An English UI string id is missing.',
    fix: 'Add it with a translated message.',
  },
  'ui-orphan-key': {
    severity: 'error',
    description: 'An id the English site does not have.',
    fix: 'Delete it or rename it to the current id.',
  },
  'ui-placeholders': {
    severity: 'error',
    description: '`{placeholders}` differ from the English message.',
    fix: 'Keep every `{name}`; never translate the name in braces.',
  },
  'ui-plural': {
    severity: 'error',
    description: 'A plural message (`One result|{count} results`) has the wrong number of `|` forms.',
    fix: 'it, es, pt: two forms, "one|other".',
  },
  'ui-stale': {
    severity: 'warning',
    description: 'The English UI message changed since the last sync (same id).',
    fix: 'Update it, then `npm run i18n:sync -- code.json --locale <locale>`.',
  },
  'ui-sync-missing': {
    severity: 'warning',
    description: 'Some UI strings were never synced.',
    fix: '`npm run i18n:sync -- code.json --locale <locale>`.',
  },
} as const satisfies RuleMetas;

type UiRuleId = keyof typeof meta;

export const uiStrings = defineRules({
  name: 'ui',
  meta,
  /** One locale's messages against the English ones. */
  check(input: CheckCodeJsonInput, report: Report<UiRuleId>): void {
    let map: CodeJsonMap;
    let lines = new Map<string, number>();
    if (typeof input.target === 'string') {
      const p = parseCodeJson(input.target);
      for (const pr of p.problems) report('ui-malformed', pr.line, pr.message);
      if (p.problems.length > 0 && Object.keys(p.map).length === 0 && p.lines.size === 0) return;
      map = p.map;
      lines = p.lines;
    } else {
      const v = toCodeJsonMap(input.target);
      for (const pr of v.problems) report('ui-malformed', 1, pr);
      map = v.map;
    }
    const lineOf = (id: string): number => lines.get(id) ?? 1;
    const forms = input.pluralForms ?? pluralFormCount(input.locale);

    for (const [id, src] of Object.entries(input.source)) {
      const present = Object.prototype.hasOwnProperty.call(map, id);
      if (!present) {
        if (!lines.has(id)) report('ui-missing-key', 1, `UI string ${code(id)} missing (English: ${code(src.message)})`);
        continue;
      }
      const tgt = map[id] as CodeJsonEntry;
      const sp = placeholders(src.message);
      const tp = placeholders(tgt.message);
      const lost = [...sp].filter((p) => !tp.has(p));
      const added = [...tp].filter((p) => !sp.has(p));
      if (lost.length || added.length) {
        report('ui-placeholders', lineOf(id), `${code(id)}: placeholders ${[...tp].map((p) => `{${p}}`).join(', ') || 'none'} should be ${[...sp].map((p) => `{${p}}`).join(', ') || 'none'}`
          + (lost.length ? ` (missing ${lost.map((p) => `{${p}}`).join(', ')})` : '') + (added.length ? ` (unknown ${added.map((p) => `{${p}}`).join(', ')})` : ''));
      }
      if (src.message.includes('|') && forms !== undefined) {
        const n = tgt.message.split('|').length;
        if (n !== forms) report('ui-plural', lineOf(id), `${code(id)} has ${n} plural form(s), locale ${input.locale} needs ${forms} ("one|other")`);
      }
      const synced = input.syncedHashes?.[id];
      if (synced !== undefined && synced !== messageHash(src.message)) {
        report('ui-stale', lineOf(id), `${code(id)}: the English message changed since the last sync; it is now ${code(src.message)}`);
      }
    }
    for (const id of Object.keys(map)) {
      if (!Object.prototype.hasOwnProperty.call(input.source, id)) report('ui-orphan-key', lineOf(id), `UI string ${code(id)} is not in the English messages`);
    }
    if (input.syncedHashes) {
      const unsynced = Object.keys(map).filter((id) => Object.prototype.hasOwnProperty.call(input.source, id) && !(id in (input.syncedHashes ?? {})));
      if (unsynced.length > 0) {
        report('ui-sync-missing', 1, `${unsynced.length} UI string(s) have no sync marker (e.g. ${unsynced.slice(0, 3).map(code).join(', ')}); run \`npm run i18n:sync -- code.json --locale ${input.locale}\` once they are translated`);
      }
    }
  },
});

/** The findings of one locale's code.json, in line order. */
export function checkCodeJson(input: CheckCodeJsonInput): RuleFinding<UiRuleId>[] {
  return collect(uiStrings.meta, (report) => uiStrings.check(input, report)).sort((a, b) => a.line - b.line);
}

/** Site level: the English messages, once per site; undefined when i18n/en/code.json is absent (UI strings are then skipped). */
export function checkSourceMessages(text: string | null | undefined, report: SiteReport<UiRuleId>): CodeJsonMap | undefined {
  const file = codeJsonFile(SOURCE_LOCALE);
  if (text == null) {
    report('ui-source-missing', { file, line: 1, message: `${file} not found: UI strings (code.json) were not checked; generate it with \`npm run write-translations -- --locale en\`` });
    return undefined;
  }
  const parsed = parseCodeJson(text);
  for (const p of parsed.problems) report('ui-malformed', { file, line: p.line, message: p.message });
  return parsed.map;
}

/** Site level: one locale's code.json (null when absent). */
export function checkLocaleMessages(
  input: { locale: string; source: CodeJsonMap; text: string | null | undefined; syncedHashes: Readonly<Record<string, string>> },
  report: SiteReport<UiRuleId>,
): void {
  const file = codeJsonFile(input.locale);
  if (input.text == null) {
    report('ui-file-missing', { file, line: 1, message: `${file} not found; run \`npm run write-translations -- --locale ${input.locale}\`` });
    return;
  }
  for (const f of checkCodeJson({ locale: input.locale, source: input.source, target: input.text, syncedHashes: input.syncedHashes })) {
    report(f.rule, { file, line: f.line, message: f.message });
  }
}
