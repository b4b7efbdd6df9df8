/**
 * The score of the translation check on the fixture set of broken translations
 * (fixtures/defects, see fixtureSet.ts) and on correct pages (the fixture set's correct
 * translations and every translated page of the real site): line-level recall per defect class,
 * printed, and false alarms. Fails below 95 % recall, on any error on a correct page, and on any
 * warning on a correct page unless its rule is advisory (registry `advisory: true`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverLocales, loadSite } from '../cli/site';
import { checkSite } from '../core/site';
import type { Finding } from '../core/types';
import { checkFixture, emptyScore, formatScore, loadFixtureSet, PAGE_KINDS, recall, scoreBroken, scoreCorrect, stripMarkers, type Expectation } from './fixtureSet';
import { DETECTOR, FIXTURES, REPO_ROOT } from './helpers';

const CASES = loadFixtureSet(join(FIXTURES, 'defects'));
const CLASSES = ['json', 'url', 'heading', 'language', 'admonition', 'frontmatter', 'copied'];
/** Rules about the sync workflow (a page not yet synced), not about the page's content. */
const WORKFLOW_RULES = new Set(['stale', 'sync-missing']);

describe('fixture set of broken translations', () => {
  it('strips the markers and records each expectation at its line', () => {
    const { text, expectations } = stripMarkers('a\n"b": 1, <!-- expect: json/code-json --> <!-- expect: url/code-json -->\nc <!-- expect-not: copied/table-row-malformed -->', 'f.mdx');
    expect(text).toBe('a\n"b": 1,\nc');
    expect(expectations.map((e) => [e.klass, e.rule, e.line, e.absent])).toEqual([['json', 'code-json', 2, false], ['url', 'code-json', 2, false], ['copied', 'table-row-malformed', 3, true]]);
    expect(() => stripMarkers('x <!-- expect: json/no-such-rule -->', 'f.mdx')).toThrow();
  });

  it('scores a defect found only at its line and by its rule; any error or non-advisory warning on a correct page is a false alarm', () => {
    const f = (line: number, rule: Finding['rule'], severity: Finding['severity'] = 'error'): Finding => ({ file: 'x.mdx', line, locale: 'it', rule, severity, message: '' });
    const e = (line: number, rule: Expectation['rule']): Expectation => ({ klass: 'json', rule, file: 'x.mdx', line, absent: false });
    const score = emptyScore();
    scoreBroken(score, 'endpoint', [e(3, 'code-json'), e(5, 'code-json'), e(7, 'language')], [f(3, 'code-json'), f(6, 'code-json'), f(7, 'code-json'), f(9, 'inline-code')]);
    expect(recall(score)).toEqual({ expected: 3, found: 1, ratio: 1 / 3 });
    expect(score.unexpected.map((x) => x.line)).toEqual([6, 7, 9]);
    scoreCorrect(score, [f(1, 'language', 'warning'), f(2, 'inline-code')]);
    expect(score.falseAlarms.map((x) => x.rule)).toEqual(['language', 'inline-code']);
    expect(formatScore(score)).toContain('line-level recall 1/3 = 33.3 %');
  });

  it('has at least 10 defects of each class, on all four kinds of page, and correct pages', () => {
    const expectations = CASES.flatMap((c) => c.files.flatMap((f) => f.expectations.filter((e) => !e.absent)));
    for (const k of CLASSES) expect(expectations.filter((e) => e.klass === k).length, `class ${k}`).toBeGreaterThanOrEqual(10);
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(PAGE_KINDS));
    for (const kind of PAGE_KINDS) expect(CASES.some((c) => c.kind === kind && c.files.some((f) => f.expectations.length > 0)), kind).toBe(true);
    expect(CASES.flatMap((c) => c.files.filter((f) => f.locale !== 'en' && f.expectations.length === 0)).length).toBeGreaterThanOrEqual(12);
  });

  it('scores at least 95 % line-level recall, and no false alarm on correct pages (fixtures and the real site)', () => {
    const score = emptyScore();
    for (const c of CASES) {
      const en = c.files.find((f) => f.locale === 'en');
      const all: Finding[] = [];
      const copiedSilence: Expectation[] = [];
      for (const f of c.files) {
        if (f.locale === 'en') continue;
        const findings = checkFixture(c, f, DETECTOR);
        all.push(...findings);
        const own = findings.filter((x) => x.file !== `docs/${c.docPath}`);
        if (f.expectations.length === 0) scoreCorrect(score, own);
        else scoreBroken(score, c.kind, f.expectations.filter((e) => !e.absent), own);
        copiedSilence.push(...f.expectations.filter((e) => e.absent));
      }
      // the English page's defects, once per case, with the translations' silence on them
      if (en && en.expectations.length) scoreBroken(score, c.kind, [...en.expectations, ...copiedSilence], all, false);
    }
    // every translated page of the real site is a correct page
    const site = loadSite(REPO_ROOT, discoverLocales(REPO_ROOT));
    const real = checkSite({ ...site, detector: DETECTOR, classicHeadingIds: false, uiStrings: false });
    const pages = new Map<string, Finding[]>();
    for (const l of site.locales) for (const docPath of l.pages.keys()) pages.set(`${l.locale}:${docPath}`, []);
    for (const f of real) if (f.docPath !== undefined && f.locale !== 'en' && !WORKFLOW_RULES.has(f.rule)) pages.get(`${f.locale}:${f.docPath}`)?.push(f);
    for (const findings of pages.values()) scoreCorrect(score, findings);

    console.log(formatScore(score));
    expect(score.falseAlarms.map((f) => `${f.file}:${f.line}: ${f.rule}: ${f.message}`)).toEqual([]);
    expect(recall(score).ratio).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
