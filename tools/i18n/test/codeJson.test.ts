/** UI strings: i18n/<locale>/code.json against the English messages. */
import { describe, expect, it } from 'vitest';
import { parseCodeJson, type CodeJsonMap } from '../core/codeJson';
import { checkCodeJson } from '../core/rules/ui';
import { checkSite } from '../core/site';
import { messageHash } from '../../../src/lib/i18n/sync';
import { expectExactly, lineOf } from './helpers';

const EN: CodeJsonMap = {
  'home.title': { message: 'Callbell API developer portal', description: 'Home title' },
  'search.results': { message: 'One result|{count} results' },
  'footer.copyright': { message: '© {year} Callbell' },
};
const IT_TEXT = `{
  "home.title": {
    "message": "Portale per sviluppatori dell'API di Callbell",
    "description": "Home title"
  },
  "search.results": {
    "message": "Un risultato|{count} risultati"
  },
  "footer.copyright": {
    "message": "© {year} Callbell"
  }
}
`;
const synced = (): Record<string, string> => Object.fromEntries(Object.entries(EN).map(([id, m]) => [id, messageHash(m.message)]));
const run = (target: unknown, syncedHashes: Record<string, string> | undefined = synced(), locale = 'it') =>
  checkCodeJson({ locale, source: EN, target, ...(syncedHashes ? { syncedHashes } : {}) });

describe('code.json', () => {
  it('a correct translation gives no finding (text or parsed value)', () => {
    expectExactly(run(IT_TEXT), []);
    expectExactly(run(JSON.parse(IT_TEXT) as unknown), []);
  });
  it('ui-malformed: invalid JSON is reported, not thrown', () => {
    const t = IT_TEXT.replace('"Un risultato|{count} risultati"\n', '"Un risultato|{count} risultati",\n');
    // the trailing comma makes the `}` closing "search.results" unexpected
    expectExactly(run(t), [['ui-malformed', lineOf(t, '"footer.copyright"') - 1]]);
  });
  it('ui-malformed: an entry without a message', () => {
    const t = IT_TEXT.replace('"message": "© {year} Callbell"', '"messaggio": "© {year} Callbell"');
    expectExactly(run(t), [['ui-malformed', lineOf(t, '"footer.copyright"')]]);
    expectExactly(run(42), [['ui-malformed', 1], ['ui-missing-key', 1], ['ui-missing-key', 1], ['ui-missing-key', 1]]);
  });
  it('ui-missing-key and ui-orphan-key', () => {
    const t = IT_TEXT.replace('"footer.copyright"', '"footer.copy"');
    expectExactly(run(t), [['ui-missing-key', 1], ['ui-orphan-key', lineOf(t, '"footer.copy"')]]);
  });
  it('ui-placeholders: {name} sets must be identical', () => {
    const t = IT_TEXT.replace('© {year} Callbell', '© {anno} Callbell');
    expectExactly(run(t), [['ui-placeholders', lineOf(t, '"footer.copyright"')]]);
  });
  it('ui-plural: it/es/pt need 2 forms like English one|other', () => {
    const t = IT_TEXT.replace('Un risultato|{count} risultati', '{count} risultati');
    expectExactly(run(t), [['ui-plural', lineOf(t, '"search.results"')]]);
    const t3 = IT_TEXT.replace('Un risultato|{count} risultati', 'Un risultato|{count} risultati|{count} di risultati');
    expectExactly(run(t3), [['ui-plural', lineOf(t3, '"search.results"')]]);
  });
  it('ui-stale: a changed English message is detected although its id stayed the same', () => {
    const hashes = { ...synced(), 'home.title': messageHash('Callbell developer portal') };
    const f = run(IT_TEXT, hashes);
    expectExactly(f, [['ui-stale', lineOf(IT_TEXT, '"home.title"')]]);
    expect(f[0]?.severity).toBe('warning');
  });
  it('ui-sync-missing: strings never synced (one warning per file)', () => {
    expectExactly(run(IT_TEXT, {}), [['ui-sync-missing', 1]]);
  });
  it('parseCodeJson keeps the line of every id', () => {
    expect(parseCodeJson(IT_TEXT).lines.get('footer.copyright')).toBe(9);
  });
  it('parseCodeJson says what is wrong with a file that is not an object of messages, and never throws', () => {
    expect(parseCodeJson('"text"').problems).toEqual([{ line: 1, message: 'code.json must be an object of { "id": { "message": "..." } }' }]);
    expect(parseCodeJson('{"a": ').problems[0]?.message).toMatch(/^not valid JSON \(column \d+\)/);
  });
});

describe('code.json in the site check', () => {
  const base = { sourcePages: new Map<string, string>(), locales: [{ locale: 'it', pages: new Map<string, string>(), codeJsonText: IT_TEXT, manifestText: JSON.stringify({ 'code.json': synced() }) }] };
  it('reads the English messages from i18n/en/code.json', () => {
    expectExactly(checkSite({ ...base, sourceCodeJsonText: JSON.stringify(EN) }), []);
  });
  it('ui-source-missing: skipped with a warning when i18n/en/code.json is absent', () => {
    const f = checkSite({ ...base, sourceCodeJsonText: null });
    expectExactly(f, [['ui-source-missing', 1]]);
    expect(f[0]).toMatchObject({ file: 'i18n/en/code.json', severity: 'warning' });
  });
  it('ui-file-missing: a locale without code.json', () => {
    const f = checkSite({ ...base, sourceCodeJsonText: JSON.stringify(EN), locales: [{ locale: 'it', pages: new Map(), codeJsonText: null }] });
    expectExactly(f, [['ui-file-missing', 1]]);
  });
});
