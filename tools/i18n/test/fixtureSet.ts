/**
 * The fixture set of broken translations (fixtures/defects): one folder per English page, named
 * `<kind>-<name>` (kind: endpoint, object, webhook, guide), holding `en.mdx`, the correct
 * translations `<locale>.mdx` and broken ones `<locale>.<variant>.mdx`. Each expected finding
 * is recorded on its line by a marker, `<!-- expect: <class>/<rule> -->` (several may follow
 * one another); `<!-- expect-not: <class>/<rule> -->` records a line where the rule must NOT
 * report (a defect copied from English). Markers are stripped before checking; a file without
 * markers is a correct page. Scoring: line-level recall per class, false alarms on correct pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceHash } from '../../../src/lib/i18n/text';
import type { NgramDetector } from '../core/language';
import { ruleInfo, type RuleId } from '../core/rules';
import { checkSite, type SiteLocaleInput } from '../core/site';
import type { Finding } from '../core/types';

export const PAGE_KINDS = ['endpoint', 'object', 'webhook', 'guide'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface Expectation {
  /** The defect class of issue 13: json, url, heading, language, admonition, frontmatter, copied, table. */
  klass: string;
  rule: RuleId;
  /** File as the checker names it (docs/... or i18n/<locale>/...). */
  file: string;
  line: number;
  /** An `expect-not` marker: the rule must stay silent at this line. */
  absent: boolean;
}

export interface FixtureFile {
  /** Locale (`en` for the English page). */
  locale: string;
  /** Variant name (`''` for the correct translation). */
  variant: string;
  text: string;
  expectations: Expectation[];
}

export interface FixtureCase {
  name: string;
  kind: PageKind;
  docPath: string;
  files: FixtureFile[];
}

const MARKER = /[ \t]*<!-- (expect|expect-not): ([^>]*?) -->/g;

/** Strip the markers of a fixture text; the expectations they record, at their lines. */
export function stripMarkers(raw: string, file: string): { text: string; expectations: Expectation[] } {
  const expectations: Expectation[] = [];
  const lines = raw.split('\n').map((line, i) => line.replace(MARKER, (_m, kind: string, list: string) => {
    for (const item of list.split(/[\s,]+/).filter(Boolean)) {
      const [klass, rule] = item.split('/');
      if (!klass || !rule) throw new Error(`${file}:${i + 1}: marker ${JSON.stringify(item)} is not <class>/<rule>`);
      ruleInfo(rule as RuleId); // throws on an unknown rule
      expectations.push({ klass, rule: rule as RuleId, file, line: i + 1, absent: kind === 'expect-not' });
    }
    return '';
  }));
  return { text: lines.join('\n'), expectations };
}

const translatedPath = (locale: string, docPath: string): string => `i18n/${locale}/docusaurus-plugin-content-docs/current/${docPath}`;

export function loadFixtureSet(dir: string): FixtureCase[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => {
    const kind = d.name.split('-')[0] as PageKind;
    if (!PAGE_KINDS.includes(kind)) throw new Error(`fixture ${d.name}: the name must start with one of ${PAGE_KINDS.join(', ')}`);
    const docPath = `fixtures/${d.name}.mdx`;
    const files = readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
      const [locale, ...rest] = f.replace(/\.mdx$/, '').split('.');
      const loc = locale as string;
      const file = loc === 'en' ? `docs/${docPath}` : translatedPath(loc, docPath);
      return { locale: loc, variant: rest.join('.'), ...stripMarkers(readFileSync(join(dir, d.name, f), 'utf8'), file) };
    });
    if (!files.some((f) => f.locale === 'en')) throw new Error(`fixture ${d.name} has no en.mdx`);
    return { name: d.name, kind, docPath, files };
  });
}

/** Check one translation of a case as the CLI checks a site: its English page, synced markers, the detector. */
export function checkFixture(c: FixtureCase, file: FixtureFile, detector: NgramDetector): Finding[] {
  const en = c.files.find((f) => f.locale === 'en') as FixtureFile;
  const locale: SiteLocaleInput = {
    locale: file.locale,
    pages: new Map([[c.docPath, file.text]]),
    manifestText: JSON.stringify({ [c.docPath]: { sourceHash: sourceHash(en.text), syncedAt: '2026-12-04' } }),
  };
  return checkSite({ sourcePages: new Map([[c.docPath, en.text]]), locales: [locale], uiStrings: false, detector, classicHeadingIds: false });
}

export interface Score {
  /** Per class: expected defects and those found at their line. */
  classes: Map<string, { expected: number; found: number; kinds: Set<PageKind> }>;
  missed: Expectation[];
  /** Findings on broken pages that no marker expects (for information). */
  unexpected: Finding[];
  /** Findings on correct pages: errors, and warnings of rules that are not advisory. */
  falseAlarms: Finding[];
  /** Advisory warnings on correct pages (allowed). */
  advisory: Finding[];
  correctPages: number;
  brokenPages: number;
}

export function emptyScore(): Score {
  return { classes: new Map(), missed: [], unexpected: [], falseAlarms: [], advisory: [], correctPages: 0, brokenPages: 0 };
}

/** Findings on a page that should have none: errors and non-advisory warnings are false alarms. */
export function scoreCorrect(score: Score, findings: readonly Finding[]): void {
  score.correctPages++;
  for (const f of findings) {
    if (f.severity === 'warning' && ruleInfo(f.rule).advisory) score.advisory.push(f);
    else score.falseAlarms.push(f);
  }
}

/** Line-level recall: an expected defect is found when a finding of its rule is at its file and line. */
export function scoreBroken(score: Score, kind: PageKind, expectations: readonly Expectation[], findings: readonly Finding[], page = true): void {
  if (page) score.brokenPages++;
  const at = new Set(findings.map((f) => `${f.file}:${f.line}:${f.rule}`));
  // a defect copied from English is one: found when the English warning is there and the translations stay silent
  const byClass = new Map<string, Expectation[]>();
  for (const e of expectations) byClass.set(e.klass, [...(byClass.get(e.klass) ?? []), e]);
  for (const e of expectations) {
    if (e.absent) continue;
    const entry = score.classes.get(e.klass) ?? { expected: 0, found: 0, kinds: new Set<PageKind>() };
    score.classes.set(e.klass, entry);
    entry.expected++;
    entry.kinds.add(kind);
    const silent = e.klass !== 'copied' || (byClass.get('copied') ?? []).filter((x) => x.absent).every((x) => !at.has(`${x.file}:${x.line}:${x.rule}`));
    if (at.has(`${e.file}:${e.line}:${e.rule}`) && silent) entry.found++;
    else score.missed.push(e);
  }
  const expected = new Set(expectations.filter((e) => !e.absent).map((e) => `${e.file}:${e.line}:${e.rule}`));
  for (const f of findings) if (!expected.has(`${f.file}:${f.line}:${f.rule}`)) score.unexpected.push(f);
}

export function recall(score: Score): { expected: number; found: number; ratio: number } {
  let expected = 0;
  let found = 0;
  for (const c of score.classes.values()) {
    expected += c.expected;
    found += c.found;
  }
  return { expected, found, ratio: expected ? found / expected : 0 };
}

/** The score as a small table, for the test's output. */
export function formatScore(score: Score): string {
  const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-') + ' %';
  const rows = [...score.classes].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `  ${k.padEnd(12)} ${String(v.found).padStart(3)}/${String(v.expected).padEnd(3)} ${pct(v.found, v.expected).padStart(8)}  (${[...v.kinds].sort().join(', ')})`);
  const r = recall(score);
  const sev = (fs: readonly Finding[]): string => `${fs.filter((f) => f.severity === 'error').length} error(s), ${fs.filter((f) => f.severity === 'warning').length} warning(s)`;
  return [
    `translation check score: line-level recall ${r.found}/${r.expected} = ${pct(r.found, r.expected)} on ${score.brokenPages} broken page(s)`,
    ...rows,
    `false alarms on ${score.correctPages} correct page(s): ${sev(score.falseAlarms)}${score.advisory.length ? ` (+ ${score.advisory.length} advisory warning(s))` : ''}`,
    `findings on broken pages that no marker expects: ${score.unexpected.length}`,
    ...score.missed.map((m) => `  missed ${m.klass}/${m.rule} at ${m.file}:${m.line}`),
    ...score.falseAlarms.slice(0, 20).map((f) => `  false alarm ${f.file}:${f.line}: ${f.rule}: ${f.message}`),
  ].join('\n');
}
