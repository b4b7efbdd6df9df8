/**
 * The API's own words (rules/openapi.ts): a locale's `i18n/<locale>/openapi.json` is checked
 * like a page (missing, stale, orphan entries, identifiers and code intact, placeholders of the
 * pages' phrases, a broken file), through the site engine too; and the real site: every
 * translated locale's file has no error and translates every string of the spec.
 */
import { describe, expect, it } from 'vitest';
import { translatedLocaleCodes } from '../../../src/config/locales';
import type { OpenApiDocument } from '../../../src/lib/api/model';
import { PAGE_PHRASES, PHRASE_IDS } from '../../../src/lib/api/phrases';
import { loadSite } from '../cli/site';
import { identifiers, lostIdentifiers, openapiStrings } from '../core/rules/openapi';
import type { SiteFindingAt } from '../core/rules/rule';
import { RULES } from '../core/rules';
import { checkSite } from '../core/site';
import { REPO_ROOT } from './helpers';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {},
  components: {
    parameters: { Page: { name: 'page', in: 'query', description: 'Result page, starting at 1.' } },
    schemas: {
      Contact: {
        type: 'object',
        description: 'A person the account talks to.',
        properties: {
          team: { type: 'string', description: 'Filter with `team_uuid`; see [Teams](/api/reference/teams_api) and customFieldsMetadata.' },
        },
      },
    },
  },
};

/** A file translating every page phrase (as the English, for brevity) and the given spec entries. */
function file(spec: Record<string, { en: string; translation: string }>, pages: Record<string, { en: string; translation: string }> = {}): string {
  const allPages = Object.fromEntries(PHRASE_IDS.map((id) => [id, { en: PAGE_PHRASES[id], translation: PAGE_PHRASES[id] }]));
  return JSON.stringify({ pages: { ...allPages, ...pages }, spec }, null, 2);
}

function run(text: string | null): Array<{ rule: string } & SiteFindingAt> {
  const out: Array<{ rule: string } & SiteFindingAt> = [];
  openapiStrings.check({ locale: 'it', text, doc }, (rule, at) => out.push({ rule, ...at }));
  return out;
}

const PAGE = '/components/parameters/Page/description';
const CONTACT = '/components/schemas/Contact/description';
const TEAM = '/components/schemas/Contact/properties/team/description';
const ok = {
  [PAGE]: { en: 'Result page, starting at 1.', translation: 'La pagina di risultati, a partire da 1.' },
  [CONTACT]: { en: 'A person the account talks to.', translation: 'Una persona con cui l\'account parla.' },
  [TEAM]: {
    en: 'Filter with `team_uuid`; see [Teams](/api/reference/teams_api) and customFieldsMetadata.',
    translation: 'Filtra con `team_uuid`; vedi [Team](/api/reference/teams_api) e customFieldsMetadata.',
  },
};

describe('openapi strings rule', () => {
  it('finds nothing in a complete, current file', () => {
    expect(run(file(ok))).toEqual([]);
  });

  it('reports each missing string (shown in English) and phrase', () => {
    const { [CONTACT]: _gone, ...rest } = ok;
    const findings = run(file(rest, { 'column.type': { en: 'Type', translation: ' ' } }));
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['openapi-missing', `no translation of \`${CONTACT}\`, English: "A person the account talks to."`],
      ['openapi-missing', 'no translation of the page phrase `column.type`, English: "Type"'],
    ]);
    expect(findings[0]!.file).toBe('i18n/it/openapi.json');
  });

  it('reports a stale entry at its line, with the old and the new English; a re-wrapped English is not stale', () => {
    const text = file({ ...ok, [PAGE]: { en: 'Page of results.', translation: 'Pagina dei risultati.' }, [CONTACT]: { en: 'A person the account\n  talks to.', translation: ok[CONTACT].translation } });
    const findings = run(text);
    expect(findings.map((f) => f.rule)).toEqual(['openapi-stale']);
    expect(findings[0]!.message).toBe(`\`${PAGE}\`: the English changed from "Page of results." to "Result page, starting at 1."`);
    expect(text.split('\n')[findings[0]!.line - 1]).toContain(`"${PAGE}"`);
  });

  it('reports an orphan entry, naming where its English text is now', () => {
    const { [PAGE]: moved, ...rest } = ok;
    const findings = run(file({ ...rest, '/components/parameters/OldPage/description': moved }, { 'column.nope': { en: 'x', translation: 'y' } }));
    expect(findings.filter((f) => f.rule === 'openapi-orphan').map((f) => f.message)).toEqual([
      `\`/components/parameters/OldPage/description\` is not in openapi/openapi.yaml any more; its English text is now at \`${PAGE}\``,
      'page phrase `column.nope` does not exist (src/lib/api/phrases.ts)',
    ]);
  });

  it('reports a translation that lost an identifier, a code span or a link target, or added a code span', () => {
    const broken = (translation: string) => run(file({ ...ok, [TEAM]: { en: ok[TEAM].en, translation } })).filter((f) => f.rule === 'openapi-code');
    expect(broken('Filtra con team_uuid; vedi [Team](/api/reference/teams_api) e customFieldsMetadata.')[0]?.message).toMatch(/lost `team_uuid`/);
    expect(broken('Filtra con `team_uuid`; vedi [Team](/api/riferimento/team) e customFieldsMetadata.')[0]?.message).toMatch(/lost `\]\(\/api\/reference\/teams_api\)`/);
    expect(broken('Filtra con `team_uuid`; vedi [Team](/api/reference/teams_api) e i metadati.')[0]?.message).toMatch(/lost `customFieldsMetadata`/);
    expect(broken('Filtra con `team_uuid` o `uuid`; vedi [Team](/api/reference/teams_api) e customFieldsMetadata.')[0]?.message).toMatch(/added `uuid`/);
    const line = broken('Filtra con team_uuid; vedi [Team](/api/reference/teams_api) e customFieldsMetadata.')[0]!.line;
    expect(file({ ...ok, [TEAM]: { en: ok[TEAM].en, translation: 'x' } }).split('\n')[line - 1]).toContain('"translation"');
  });

  it('knows an identifier from a word', () => {
    expect(identifiers('Use `page` with team_uuid, customFieldsMetadata, GET /contacts/{uuid}/messages, https://example.com/a and [x](/api/y). Plain words stay.')).toEqual([
      '`page`',
      '](/api/y)',
      'https://example.com/a',
      'team_uuid',
      'customFieldsMetadata',
      '/contacts/{uuid}/messages',
    ]);
    expect(lostIdentifiers('One `a` and `a`.', 'Un `a`.').lost).toEqual(['`a`']);
  });

  it('holds a phrase to its placeholders and modifiers', () => {
    const findings = run(file(ok, {
      'endpoint.answers': { en: PAGE_PHRASES['endpoint.answers'], translation: 'L\'API risponde con {stato}:' },
      'endpoint.exampleResponseNamed': { en: PAGE_PHRASES['endpoint.exampleResponseNamed'], translation: 'Risposta di esempio: {summary|upper}' },
    })).filter((f) => f.rule === 'openapi-placeholders');
    expect(findings.map((f) => f.message)).toEqual([
      '`endpoint.answers`: missing {status}; unknown {stato}',
      '`endpoint.exampleResponseNamed`: unknown modifier |upper (only |lower)',
    ]);
  });

  it('reports a broken file and a missing one', () => {
    expect(run('{ "spec": { "/a": { "en": "A" } } }').filter((f) => f.rule === 'openapi-file')).toHaveLength(1);
    expect(run('not json').map((f) => f.rule)).toContain('openapi-file');
    expect(run(null).map((f) => f.rule)).toEqual(['openapi-file-missing']);
  });

  it('runs in the site engine when the spec is given, and declares its ids in the registry', () => {
    const findings = checkSite({ sourcePages: new Map(), locales: [{ locale: 'it', pages: new Map(), apiStringsText: file({}) }], uiStrings: false, spec: doc });
    expect(findings.filter((f) => f.rule === 'openapi-missing')).toHaveLength(3);
    expect(checkSite({ sourcePages: new Map(), locales: [{ locale: 'it', pages: new Map(), apiStringsText: file({}) }], uiStrings: false }).filter((f) => f.rule.startsWith('openapi'))).toEqual([]);
    expect(RULES.filter((r) => r.family === 'openapi').map((r) => r.id)).toEqual([
      'openapi-file', 'openapi-file-missing', 'openapi-missing', 'openapi-stale', 'openapi-orphan', 'openapi-code', 'openapi-placeholders',
    ]);
  });
});

describe('the site\'s own strings', () => {
  it('every translated locale has its openapi.json, without error, every string of the spec translated', () => {
    const site = loadSite(REPO_ROOT, translatedLocaleCodes());
    expect(site.spec).toBeDefined();
    for (const locale of site.locales) {
      const findings: Array<{ rule: string } & SiteFindingAt> = [];
      openapiStrings.check({ locale: locale.locale, text: locale.apiStringsText, doc: site.spec! }, (rule, at) => findings.push({ rule, ...at }));
      expect(findings.filter((f) => RULES.find((r) => r.id === f.rule)?.severity === 'error').map((f) => `${f.file}:${f.line}: ${f.message}`), locale.locale).toEqual([]);
      expect(findings.filter((f) => f.rule === 'openapi-missing').map((f) => f.message), locale.locale).toEqual([]);
    }
  });
});
