import type { RuleId, Severity } from './types';

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  meaning: string;
  fix: string;
}

/** Every rule the checker can report, with its default severity. TRANSLATING.md documents the same table. */
export const RULES: readonly RuleInfo[] = [
  { id: 'frontmatter-stray-text', severity: 'error', meaning: 'Text (or blank lines) before the opening `---` of the front matter.', fix: 'Make `---` the very first line of the file.' },
  { id: 'frontmatter-invalid', severity: 'error', meaning: 'The front matter is not valid YAML (or is not closed).', fix: 'Fix the YAML at the reported line; quote values containing `: `.' },
  { id: 'frontmatter-keys', severity: 'error', meaning: 'Front-matter keys differ from the English page (a key was translated, dropped or added).', fix: 'Use exactly the English keys; only the values of title, description and sidebar_label are translated.' },
  { id: 'frontmatter-value', severity: 'error', meaning: 'A front-matter value that must not be translated differs (e.g. sidebar_position, slug, id).', fix: 'Copy the value from the English page.' },
  { id: 'mdx-syntax', severity: 'error', meaning: 'The page no longer parses as MDX (unclosed tag, stray `{` or `<`, ...).', fix: 'Fix the syntax at the reported position; escape literal `{`/`<` as `\\{`/`&lt;`.' },
  { id: 'mdx-imports', severity: 'error', meaning: 'import/export statements differ from the English page.', fix: 'Copy the import lines verbatim.' },
  { id: 'jsx-components', severity: 'error', meaning: 'JSX components differ (missing, added, renamed or reordered).', fix: 'Keep every component of the English page, with the same name, in the same order.' },
  { id: 'jsx-props', severity: 'error', meaning: 'A component prop was added, dropped or (for identifier props) changed.', fix: 'Copy props verbatim; only title, label, description, alt, placeholder and aria-label may be translated.' },
  { id: 'code-block-count', severity: 'error', meaning: 'A fenced code block is missing or was added.', fix: 'Keep every code block of the English page.' },
  { id: 'code-block-lang', severity: 'error', meaning: 'A code block changed its language or meta (e.g. `title=response.json`).', fix: 'Copy the opening fence line verbatim.' },
  { id: 'code-json', severity: 'error', meaning: 'A JSON example differs from the English one (a key or value was translated, added or dropped).', fix: 'Copy the JSON verbatim: keys, string values, enum values and tags are data, not prose.' },
  { id: 'code-content', severity: 'error', meaning: 'A (non-JSON) code block differs from the English one.', fix: 'Copy the code verbatim, including comments.' },
  { id: 'inline-code', severity: 'error', meaning: 'An inline code span (`like_this`) was altered, dropped or added.', fix: 'Keep every inline code span of the English page exactly as written.' },
  { id: 'table-count', severity: 'error', meaning: 'A table is missing or was added.', fix: 'Keep every table of the English page.' },
  { id: 'table-shape', severity: 'error', meaning: 'A table has a different number of columns or rows than the English one (e.g. a parameter row is missing).', fix: 'Add or remove the rows/columns so that the table matches the English page.' },
  { id: 'table-row-malformed', severity: 'error', meaning: 'A table row has a different number of cells than the header, or the `| --- |` delimiter row is broken.', fix: 'Restore the `|` separators so each row has as many cells as the header.' },
  { id: 'table-first-column', severity: 'error', meaning: 'A first-column cell (parameter or field name) differs from the English one.', fix: 'Copy the first column verbatim.' },
  { id: 'table-type-column', severity: 'warning', meaning: 'A cell of a "Type" column differs from the English one (types are identifiers).', fix: 'Copy the type (`Integer`, `string[]`, ...) verbatim.' },
  { id: 'heading-structure', severity: 'error', meaning: 'Headings differ in number, level or order from the English page.', fix: 'Keep one heading per English heading, with the same number of `#`.' },
  { id: 'heading-endpoint', severity: 'error', meaning: 'An HTTP method + path in a heading (or title) was changed, e.g. `GET /contactos`.', fix: 'Copy the method and path verbatim.' },
  { id: 'link-targets', severity: 'error', meaning: 'Link targets differ from the English page (added, dropped, changed or reordered).', fix: 'Translate the link text only; keep the URL inside `( )`.' },
  { id: 'link-anchor', severity: 'error', meaning: 'An in-page link `#anchor` matches no heading of the translated page.', fix: 'Point it at the slug of the translated heading, or give the heading an explicit id `{#anchor}`.' },
  { id: 'admonitions', severity: 'error', meaning: 'Admonitions (`:::note`, `:::tip`, ...) differ in keyword or number.', fix: 'Keep the English keywords (never translate `note`, `tip`, ...); translate only the content.' },
  { id: 'language', severity: 'warning', meaning: 'A paragraph looks English (untranslated) or in another language than the locale.', fix: 'Translate the paragraph (or ignore if it is really meant to stay in that language).' },
  { id: 'sync-missing', severity: 'warning', meaning: 'The page has no sync marker in `i18n/<locale>/translation-sync.json`.', fix: 'After checking the translation against the English page, run `npm run i18n:sync -- <doc path> --locale <locale>`.' },
  { id: 'stale', severity: 'warning', meaning: 'The English page changed since the translation was last synced; the message shows the diff.', fix: 'Apply the English changes to the translation, then run `npm run i18n:sync`.' },
  { id: 'orphan', severity: 'error', meaning: 'The translated page has no English source (renamed or deleted).', fix: 'Move it to the new English path or delete it.' },
  { id: 'sync-manifest', severity: 'error', meaning: '`translation-sync.json` is not valid.', fix: 'Fix the JSON or delete the broken entry and sync again.' },
  { id: 'ui-source-missing', severity: 'warning', meaning: '`i18n/en/code.json` is absent, so UI strings were not checked.', fix: 'Generate it with `npm run write-translations -- --locale en`.' },
  { id: 'ui-file-missing', severity: 'error', meaning: 'The locale has no `code.json`.', fix: 'Run `npm run write-translations -- --locale <locale>` and translate the messages.' },
  { id: 'ui-malformed', severity: 'error', meaning: '`code.json` is not valid JSON or an entry is not `{ "message": "..." }`.', fix: 'Fix the JSON at the reported line.' },
  { id: 'ui-missing-key', severity: 'error', meaning: 'A UI string id of the English site is missing from `code.json`.', fix: 'Add the id with a translated message.' },
  { id: 'ui-orphan-key', severity: 'error', meaning: '`code.json` has an id the English site does not have.', fix: 'Delete it (or rename it to the current id).' },
  { id: 'ui-placeholders', severity: 'error', meaning: 'The `{placeholders}` of a message differ from the English message.', fix: 'Keep every `{name}` exactly; never translate the name between braces.' },
  { id: 'ui-plural', severity: 'error', meaning: 'A plural message has the wrong number of `|`-separated forms for the locale.', fix: 'Write one form per plural category (it, es, pt: "one|other").' },
  { id: 'ui-stale', severity: 'warning', meaning: 'The English UI message changed since the translation was synced.', fix: 'Update the translation, then run `npm run i18n:sync -- code.json --locale <locale>`.' },
  { id: 'ui-sync-missing', severity: 'warning', meaning: 'Some UI strings have no sync marker yet.', fix: 'Run `npm run i18n:sync -- code.json --locale <locale>` once they are translated.' },
];

const BY_ID = new Map<RuleId, RuleInfo>(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown rule ${id}`);
  return info;
}

export function defaultSeverity(id: RuleId): Severity {
  return ruleInfo(id).severity;
}
