/**
 * The glossary: the file format and its validation (every problem at its line, never a throw),
 * the prose a term is looked for in, the matching (whole words, case, accents, phrases across a
 * line break, identifiers), the rule through the site engine (pages, UI messages, plain
 * strings), and the real site: every translated locale of src/config/site.ts has a valid
 * glossary and no page uses a wrong variant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatedLocaleCodes } from '../../../src/config/locales';
import { codeJsonFile, glossaryFile, sidebarFile } from '../../../src/lib/i18n/paths';
import { loadSite } from '../cli/site';
import { parseGlossary, termKey, type Glossary } from '../core/glossary/file';
import { compileGlossary } from '../core/glossary/match';
import { inlineProse, pageProse } from '../core/glossary/prose';
import { glossary as glossaryRule, type LocaleGlossaryInput } from '../core/rules/glossary';
import { apiGlossaryStrings } from '../core/rules/openapi';
import type { SiteFindingAt } from '../core/rules/rule';
import { checkSite } from '../core/site';
import { REPO_ROOT } from './helpers';

const PT = JSON.stringify(
  {
    terms: [
      {
        en: 'template',
        use: 'modelo',
        forms: ['modelos', 'modelo de mensagem'],
        wrong: ['template', 'templates', 'mensagem de template', 'mensagens de template'],
      },
      { en: 'team', use: 'equipe', forms: ['equipes'], wrong: ['time', 'times', 'equipa'] },
      { en: 'conversation', use: 'conversa', wrong: ['conversação', 'conversações'] },
      { en: 'contact', use: 'contato', wrong: ['contacto', 'contactos'] },
    ],
    neverTranslated: [{ en: 'webhook', wrong: ['gancho web', 'ganchos web'] }],
  },
  null,
  2,
);

function glossaryOf(text: string): Glossary {
  const { glossary, problems } = parseGlossary(text);
  expect(problems).toEqual([]);
  return glossary;
}

/** The wrong forms found in `text` (already prose), as [line, found, use]. */
function found(text: string, identifiers: string[] = []): [number, string, string][] {
  return compileGlossary(glossaryOf(PT), { identifiers }).find(text).map((m) => [m.line, m.found, m.entry.use]);
}

describe('glossary.json', () => {
  it('reads terms and never-translated terms with the line of each entry', () => {
    const g = glossaryOf(PT);
    expect(g.entries.map((e) => [e.en, e.use, e.translated])).toEqual([
      ['template', 'modelo', true],
      ['team', 'equipe', true],
      ['conversation', 'conversa', true],
      ['contact', 'contato', true],
      ['webhook', 'webhook', false],
    ]);
    expect(g.entries[0]!.line).toBe(PT.split('\n').findIndex((l) => l.includes('"en": "template"')));
  });

  it('reports JSON that does not parse with its line and column, and never throws', () => {
    const text = '{\n  "terms": [\n    { "en": "team", "use": "equipe", "wrong": ["time",] }\n  ]\n}\n';
    const { glossary, problems } = parseGlossary(text);
    expect(glossary.entries).toEqual([]);
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/^not valid JSON \(column \d+\): /) }]);
    expect(parseGlossary('').problems).toEqual([{ line: 1, message: expect.stringContaining('not valid JSON') }]);
    expect(parseGlossary('[]').problems).toEqual([{ line: 1, message: expect.stringContaining('must be an object') }]);
  });

  it('reports each malformed or contradicting entry at its line and keeps the valid ones', () => {
    const lines = [
      '{', //                                                                                   1
      '  "terms": [', //                                                                        2
      '    { "en": "team", "use": "equipe", "wrong": ["time"] },', //                           3 valid
      '    { "en": "funnel", "use": "funil" },', //                                             4 no wrong
      '    { "en": "channel", "use": "canal", "wrong": [] },', //                               5 empty wrong
      '    { "en": "note", "use": "nota", "wrong": ["Nota"] },', //                             6 wrong = use
      '    { "en": "Team", "use": "time", "wrong": ["equipa"] },', //                           7 duplicate en, use = wrong of team
      '    { "en": "tag", "use": "tag", "wrong": ["time"], "plural": "tags" },', //             8 unknown key
      '    "bot"', //                                                                           9 not an object
      '  ],', //                                                                                10
      '  "neverTranslated": [{ "en": "webhook", "use": "webhook", "wrong": ["gancho"] }],', //  11 use not allowed
      '  "extra": true', //                                                                     12 unknown top key
      '}',
    ];
    const { glossary, problems } = parseGlossary(lines.join('\n'));
    expect(glossary.entries.map((e) => e.en)).toEqual(['team', 'Team']);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 11, 12]);
    expect(problems.find((p) => p.line === 3)?.message).toMatch(/wrong variant "time" of "team" is the right form of "Team" \(line 7\)/);
    expect(problems.find((p) => p.line === 4)?.message).toMatch(/without "wrong"/);
    expect(problems.find((p) => p.line === 5)?.message).toMatch(/"wrong" must be a non-empty array/);
    expect(problems.find((p) => p.line === 6)?.message).toMatch(/both as wrong and as the right form of "note"/);
    expect(problems.find((p) => p.line === 7)?.message).toMatch(/"Team" is already in the glossary \(line 3\)/);
    expect(problems.find((p) => p.line === 8)?.message).toMatch(/unknown key "plural"/);
    expect(problems.find((p) => p.line === 11)?.message).toMatch(/unknown key "use" in an entry of "neverTranslated"/);
    expect(problems.find((p) => p.line === 12)?.message).toMatch(/unknown key "extra"/);
  });

  it('refuses a wrong variant listed for two terms', () => {
    const text = '{ "terms": [\n{ "en": "team", "use": "equipe", "wrong": ["grupo"] },\n{ "en": "group", "use": "conjunto", "wrong": ["Grupo"] }\n] }';
    expect(parseGlossary(text).problems).toEqual([{ line: 3, message: expect.stringMatching(/"Grupo" of "group" is also listed for "team" \(line 2\)/) }]);
  });

  it('keys spellings by NFC, case, spaces and apostrophes, but not by accents', () => {
    expect(termKey('  Conversac\u0327a\u0303o ')).toBe('conversação');
    expect(termKey('Chiave  dell’API')).toBe("chiave dell'api");
    expect(termKey('contactó')).not.toBe(termKey('contacto'));
  });
});

describe('finding wrong variants', () => {
  it('matches whole words case-insensitively and names the right term', () => {
    expect(found('Os Templates da conta e o TIME de vendas.')).toEqual([
      [1, 'Templates', 'modelo'],
      [1, 'TIME', 'equipe'],
    ]);
  });

  it('prefers the longest variant, and matches a phrase across a line break at its first line', () => {
    expect(found('Envie mensagens de template.\nUma mensagem de\ntemplate aprovada.')).toEqual([
      [1, 'mensagens de template', 'modelo'],
      [2, 'mensagem de template', 'modelo'],
    ]);
  });

  it('treats accented letters as letters and accents as meaningful, whatever the Unicode form', () => {
    // `contactó` (a verb) is not the wrong noun `contacto`; `timeé` is no word `time`
    expect(found('Ele contactó o timeé.')).toEqual([]);
    // decomposed accents (NFD) match the composed variant
    expect(found('Uma conversac\u0327a\u0303o.')).toEqual([[1, 'conversação', 'conversa']]);
    expect(found('Uma conversacao.')).toEqual([]);
  });

  it('never matches inside identifiers joined by _ / - or .', () => {
    expect(found('template_uuid, templates/list, team-id, template.json, times_api')).toEqual([]);
    expect(found('um template. Outro template, e template!')).toHaveLength(3);
  });

  it('skips a match spelled exactly like an identifier (the spec object Template), not other spellings', () => {
    expect(found('O objeto Template descreve um template; os Templates.', ['Template'])).toEqual([
      [1, 'template', 'modelo'],
      [1, 'Templates', 'modelo'],
    ]);
  });

  it('finds nothing with an empty glossary', () => {
    expect(compileGlossary({ entries: [] }).find('template')).toEqual([]);
  });
});

describe('the prose of a page', () => {
  const page = [
    '---',
    'title: API de templates',
    'slug: /templates',
    'description: Liste os templates.',
    '---',
    '',
    "import RequestTabs from '@site/src/components/Requests/RequestTabs'",
    '',
    '# GET /templates/:uuid',
    '',
    'Veja `templates` e [os templates](/api/reference/templates) em https://example.com/templates.',
    '',
    '<RequestTabs endpoint="template_messages_api" request="get_templates"/>',
    '',
    '```json title=templates.json',
    '{ "templates": [] }',
    '```',
    '',
    ':::tip[Templates]',
    'Um template {/* templates */}.',
    ':::',
  ].join('\n');

  it('keeps the prose, front-matter text values included, and blanks code, URLs, tags, endpoints and other keys', () => {
    const prose = pageProse(page);
    expect(prose.split('\n')).toHaveLength(page.split('\n').length);
    expect(found(prose)).toEqual([
      [2, 'templates', 'modelo'],
      [4, 'templates', 'modelo'],
      [11, 'templates', 'modelo'],
      [19, 'Templates', 'modelo'],
      [20, 'template', 'modelo'],
    ]);
  });

  it('blanks inline code, link targets and URLs of a plain string', () => {
    expect(found(inlineProse('O `template` de [um modelo](/templates) em https://x.test/templates'))).toEqual([]);
  });
});

describe('the glossary rule', () => {
  const findingsOf = (input: LocaleGlossaryInput): (SiteFindingAt & { rule: string })[] => {
    const out: (SiteFindingAt & { rule: string })[] = [];
    glossaryRule.check(input, (rule, at) => out.push({ rule, ...at }));
    return out;
  };

  it('warns at the line of every wrong variant in a page, naming the wrong form, the right one and the English term', () => {
    const page = '---\ntitle: Modelos\n---\n\n# Modelos\n\nOs templates da equipe.\n\nUma conversa com o time.\n';
    const found = findingsOf({ locale: 'pt', glossaryText: PT, pages: new Map([['api/x.mdx', page]]) });
    expect(found).toEqual([
      {
        rule: 'glossary',
        file: 'i18n/pt/docusaurus-plugin-content-docs/current/api/x.mdx',
        line: 7,
        docPath: 'api/x.mdx',
        message: 'write "modelo", not "templates" (the term for "template" in i18n/pt/glossary.json:3)',
      },
      expect.objectContaining({ line: 9, message: expect.stringMatching(/^write "equipe", not "time" \(the term for "team"/) }),
    ]);
  });

  it('checks the UI messages at the line of their id (not Docusaurus theme strings) and plain strings at their line', () => {
    const codeJson = '{\n  "theme.tags.tagsPageTitle": { "message": "Time" },\n  "tryIt.send": {\n    "message": "Enviar o template"\n  }\n}\n';
    const found = findingsOf({
      locale: 'pt',
      glossaryText: PT,
      messageFiles: { 'i18n/pt/code.json': codeJson, 'i18n/pt/docusaurus-plugin-content-docs/current.json': null },
      strings: [{ file: 'i18n/pt/spec.json', line: 40, text: 'Uma conversa.\nO `template_uuid` do template.' }],
    });
    expect(found.map((f) => [f.file, f.line, f.rule])).toEqual([
      ['i18n/pt/code.json', 3, 'glossary'],
      ['i18n/pt/spec.json', 41, 'glossary'],
    ]);
  });

  it('reports a broken glossary as an error at its line and checks with what is valid; no glossary, no check', () => {
    const broken = '{ "terms": [\n{ "en": "team", "use": "equipe", "wrong": ["time"] },\n{ "en": "x" }\n] }';
    const found = findingsOf({ locale: 'pt', glossaryText: broken, pages: new Map([['a.md', 'O time.\n']]) });
    expect(found.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['glossary-file', 'i18n/pt/glossary.json', 3],
      ['glossary-file', 'i18n/pt/glossary.json', 3],
      ['glossary', 'i18n/pt/docusaurus-plugin-content-docs/current/a.md', 1],
    ]);
    expect(findingsOf({ locale: 'pt', glossaryText: '{ nope', pages: new Map([['a.md', 'O time.\n']]) }).map((f) => [f.rule, f.line])).toEqual([['glossary-file', 1]]);
    expect(findingsOf({ locale: 'pt', glossaryText: null, pages: new Map([['a.md', 'O time.\n']]) })).toEqual([]);
  });

  it('runs in the site check, at the severity the registry declares', () => {
    const en = '# Templates\n\nThe templates of the account.\n';
    const pt = '# Modelos\n\nOs templates da conta.\n';
    const findings = checkSite({
      sourcePages: new Map([['api/t.md', en]]),
      locales: [{ locale: 'pt', pages: new Map([['api/t.md', pt]]), glossaryText: PT }],
      uiStrings: false,
      language: false,
    }).filter((f) => f.rule.startsWith('glossary'));
    expect(findings).toEqual([expect.objectContaining({ rule: 'glossary', severity: 'warning', line: 3, locale: 'pt', docPath: 'api/t.md' })]);
  });
});

describe('the site glossaries', () => {
  const locales = translatedLocaleCodes();

  it.each(locales)('%s: has a glossary.json without problems, with the issue\'s product terms', (locale) => {
    const text = readFileSync(join(REPO_ROOT, glossaryFile(locale)), 'utf8');
    const { glossary, problems } = parseGlossary(text);
    expect(problems).toEqual([]);
    const terms = glossary.entries.map((e) => e.en);
    for (const t of ['contact', 'conversation', 'template', 'funnel', 'team', 'channel', 'custom field', 'webhook', 'API key', 'message', 'agent', 'tag', 'bot']) {
      expect(terms, `${glossaryFile(locale)} has no entry for "${t}"`).toContain(t);
    }
  });

  it('no translated page, UI message, sidebar label or spec string uses a wrong variant', () => {
    const site = loadSite(REPO_ROOT, locales);
    const findings: string[] = [];
    for (const l of site.locales) {
      expect(l.glossaryText, `${glossaryFile(l.locale)} is missing`).toEqual(expect.any(String));
      glossaryRule.check(
        {
          locale: l.locale,
          glossaryText: l.glossaryText,
          pages: l.pages,
          messageFiles: { [codeJsonFile(l.locale)]: l.codeJsonText, [sidebarFile(l.locale)]: l.sidebarText },
          strings: apiGlossaryStrings(l.locale, l.apiStringsText),
        },
        (rule, at) => findings.push(`${at.file}:${at.line}: ${rule}: ${at.message}`),
      );
    }
    expect(findings).toEqual([]);
  });
});
