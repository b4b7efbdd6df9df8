/** Unit tests of the small pure building blocks. */
import { describe, expect, it } from 'vitest';
import { align, gaps } from '../core/align';
import { diffLines, unifiedDiff } from '../../../src/lib/i18n/diff';
import { parseFrontMatter } from '../core/frontmatter';
import { globToRegExp } from '../core/glob';
import { compareJson, parseJson } from '../../../src/lib/i18n/json';
import { languageEvidence, wrongLanguage } from '../core/language';
import { DETECTOR } from './helpers';
import { splitRow } from '../../../src/lib/markdown/tables';
import { scanInline } from '../core/extract/inline';
import { parsePage } from '../core/markdown';
import { toDocPath } from '../../../src/lib/i18n/paths';
import { Slugger, slugify } from '../core/slug';
import { normaliseSource, sourceHash } from '../../../src/lib/i18n/text';

describe('diff', () => {
  it('diffs lines with an LCS', () => {
    const d = diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(d.map((l) => l.kind + l.text)).toEqual([' a', '-b', '+x', ' c', ' d', '+e']);
  });
  it('renders a unified diff', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const now = old.replace('line 3\n', 'line three\n').replace('line 18\n', 'line 18\nline 18b\n');
    expect(unifiedDiff(old, now, { oldLabel: 'old', newLabel: 'new' })).toBe(
      ['--- old', '+++ new', '@@ -1,6 +1,6 @@', ' line 1', ' line 2', '-line 3', '+line three', ' line 4', ' line 5', ' line 6',
        '@@ -16,5 +16,6 @@', ' line 16', ' line 17', ' line 18', '+line 18b', ' line 19', ' line 20', ''].join('\n'),
    );
    expect(unifiedDiff(old, old)).toBe('');
  });
});

describe('align', () => {
  it('pairs equal items and reports gaps', () => {
    const ops = align(['a', 'b', 'c'], ['a', 'x', 'c', 'd'], (x, y) => (x === y ? 1 : 0));
    expect(gaps(ops)).toEqual([
      { deletes: [1], inserts: [1], before: { a: 0, b: 0 }, after: { a: 2, b: 2 } },
      { deletes: [], inserts: [3], before: { a: 2, b: 2 } },
    ]);
  });
});

describe('hash and normalisation', () => {
  it('ignores CRLF and trailing whitespace', () => {
    expect(normaliseSource('a  \r\nb\t\r\n\r\n')).toBe('a\nb\n');
    expect(sourceHash('# T\n\ntext\n')).toBe(sourceHash('# T  \r\n\r\ntext\r\n\r\n'));
    expect(sourceHash('# T\n\ntext\n')).not.toBe(sourceHash('# T\n\ntext!\n'));
    expect(sourceHash('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('slugs', () => {
  it('follows github-slugger', () => {
    expect(slugify('GET /contacts')).toBe('get-contacts');
    expect(slugify('Parámetros opcionales')).toBe('parámetros-opcionales');
    expect(slugify('Esempio (con `include_field_types=true`)')).toBe('esempio-con-include_field_typestrue');
    const s = new Slugger();
    expect([s.slug('Risposta'), s.slug('Risposta'), s.slug('Risposta')]).toEqual(['risposta', 'risposta-1', 'risposta-2']);
  });
  it('collects explicit ids', () => {
    const m = parsePage('## Parametri {#parameters}\n\n## Risposta {/* #response */}\n\n## Altro\n', { mdx: true });
    expect([...m.slugs]).toEqual(['parameters', 'response', 'altro']);
  });
});

describe('json', () => {
  it('parses documentation JSON with ... placeholders leniently', () => {
    expect(parseJson('[1, ...]').ok).toBe(false);
    const r = parseJson('{\n  "a": [\n    1,\n    ...\n    2\n  ],\n  ...\n}', { lenient: true });
    expect(r.ok).toBe(true);
  });
  it('reports differences with paths and lines', () => {
    const a = parseJson('{"a": {"b": ["x", "y"]}, "c": 1}');
    const b = parseJson('{\n"c": 1.0,\n"a": {"b": ["x",\n"z"]}}');
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(compareJson(a.node, b.node)).toEqual([{ line: 4, path: '$.a.b[1]', message: '$.a.b[1]: expected "y", found "z"' }]);
  });
  it('reports a parse error position', () => {
    const r = parseJson('{\n  "a": 1\n  "b": 2\n}');
    expect(r.ok ? 0 : r.error.line).toBe(3);
  });
});

describe('language', () => {
  it('long prose: the stop words decide, even without the n-gram detector', () => {
    expect(wrongLanguage('The page of contacts. If it is not specified, the first page is returned.', 'it')?.detected).toBe('en');
    expect(wrongLanguage('La pagina dei contatti. Se non viene indicata, si riceve la prima pagina.', 'it')).toBeUndefined();
    expect(wrongLanguage('La página de contactos. Si no se indica, se devuelve la primera página.', 'pt')?.detected).toBe('es');
    expect(wrongLanguage('A página de contatos. Quando não é informada, a primeira página é retornada.', 'es')?.detected).toBe('pt');
  });
  it('short prose needs the n-gram detector: headings, cells, one sentence', () => {
    expect(wrongLanguage('Paramètres de requête', 'it')).toBeUndefined();
    expect(wrongLanguage('Paramètres de requête', 'it', DETECTOR)?.detected).toBe('fr');
    expect(wrongLanguage('Parámetros de consulta', 'it', DETECTOR)?.detected).toBe('es');
    expect(wrongLanguage('Parametri di query', 'it', DETECTOR)).toBeUndefined();
    // a Portuguese sentence on a Spanish page, and the other way round
    expect(wrongLanguage('O proxy fica desativado por padrão.', 'es', DETECTOR)?.detected).toBe('pt');
    expect(wrongLanguage('El proxy está desactivado de forma predeterminada.', 'pt', DETECTOR)?.detected).toBe('es');
    expect(wrongLanguage('El proxy está desactivado de forma predeterminada.', 'es', DETECTOR)).toBeUndefined();
    // letters a language never writes rule it out
    expect(wrongLanguage('Parâmetros opcionais', 'pt', DETECTOR)).toBeUndefined();
  });
  it('word for word the English text: two words in a heading, three elsewhere; loanwords and names stay', () => {
    // the words the locale's translations use: loanwords such as "query" and "payload" among them
    const vocabulary = new Map(['parámetros', 'de', 'consulta', 'query', 'payload', 'webhook', 'el', 'del'].map((w) => [w, 3]));
    expect(wrongLanguage('Query Parameters', 'es', DETECTOR, { sameAsEnglish: 'heading', vocabulary })?.detected).toBe('en');
    expect(wrongLanguage('Identifier generated by Callbell.', 'pt', DETECTOR, { sameAsEnglish: 'text' })?.detected).toBe('en');
    expect(wrongLanguage('Webhook payload', 'es', DETECTOR, { sameAsEnglish: 'heading', vocabulary })).toBeUndefined();
    expect(wrongLanguage('Payload', 'it', DETECTOR, { sameAsEnglish: 'heading', vocabulary })).toBeUndefined();
    expect(wrongLanguage('John Doe.', 'it', DETECTOR, { sameAsEnglish: 'text', vocabulary })).toBeUndefined();
  });
  it('stays silent on technical text, names and quoted values', () => {
    expect(wrongLanguage('Integer', 'it', DETECTOR)).toBeUndefined();
    expect(wrongLanguage('`GET /contacts` con `page=2`, `limit=50`: JSON, UTF-8, HTTP 200 OK.', 'it', DETECTOR)).toBeUndefined();
    expect(wrongLanguage('JSON, UTF-8, HTTP 200 OK, Bearer token, API key', 'pt', DETECTOR)).toBeUndefined();
    expect(wrongLanguage('Lo stato "Be right back" rinominato.', 'it', DETECTOR)).toBeUndefined();
    expect(wrongLanguage('Mario Rossi eliminato.', 'it', DETECTOR)).toBeUndefined();
  });
  it('gathers the evidence of both detectors', () => {
    const e = languageEvidence('Los mensajes se ordenan del más reciente al más antiguo.', DETECTOR);
    expect(e.words).toBe(10);
    expect(e.stopWords.es).toBeGreaterThan(e.stopWords.pt ?? 0);
    expect(Object.keys(e.ngrams)[0]).toBe('es');
  });
});

describe('tables and inline scanning', () => {
  it('splits rows on unescaped pipes', () => {
    expect(splitRow('| `a` | string \\| null | x |')).toEqual(['`a`', 'string \\| null', 'x']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
  });
  it('reads code spans and links of a row', () => {
    const out = { codes: [] as { value: string; line: number }[], links: [] as { url: string; line: number; text: string }[] };
    scanInline('| `contacts` | [Contact[]](/api/contact "t") | ``a`b`` ![x](img.png) see https://x.io/a. \\`no\\` |', 7, out);
    expect(out.codes.map((c) => c.value)).toEqual(['contacts', 'a`b']);
    expect(out.links.map((l) => l.url)).toEqual(['/api/contact', 'https://x.io/a']);
  });
  it('finds tables that Markdown no longer sees as tables', () => {
    const m = parsePage('| A B C\n| :- | :- | :- |\n| 1 | 2 | 3 |\n', { mdx: true });
    expect(m.tables).toHaveLength(1);
    expect(m.tables[0]?.columns).toBe(3);
    expect(m.tables[0]?.header?.cells).toEqual(['A B C']);
  });
});

describe('front matter', () => {
  it('parses keys with their lines (fast path and YAML)', () => {
    const fm = parseFrontMatter(['---', 'title: A', 'sidebar_position: 2', '---'], false);
    expect(fm.keys).toEqual([{ key: 'title', line: 2, value: 'A' }, { key: 'sidebar_position', line: 3, value: 2 }]);
    const y = parseFrontMatter(['---', 'title: "A: b"', 'tags:', '  - x', '---'], false);
    expect(y.keys.map((k) => [k.key, k.line, k.value])).toEqual([['title', 2, 'A: b'], ['tags', 3, ['x']]]);
  });
});

describe('paths and globs', () => {
  it('matches doc globs', () => {
    expect(globToRegExp('api/**/*.mdx').test('api/reference/x/get.mdx')).toBe(true);
    expect(globToRegExp('api/**/*.mdx').test('api/get.mdx')).toBe(true);
    expect(globToRegExp('api/*.mdx').test('api/reference/get.mdx')).toBe(false);
    expect(globToRegExp('api/{a,b}.md?').test('api/b.mdx')).toBe(true);
  });
  it('accepts docs/ and translated paths', () => {
    expect(toDocPath('docs/api/x.mdx')).toBe('api/x.mdx');
    expect(toDocPath('i18n/it/docusaurus-plugin-content-docs/current/api/x.mdx')).toBe('api/x.mdx');
  });
});

describe('documentation', () => {
  it('TRANSLATING.md lists every rule id with its severity', async () => {
    const { RULES } = await import('../core/rules');
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../TRANSLATING.md', import.meta.url), 'utf8');
    for (const r of RULES) expect(doc).toMatch(new RegExp('\\| `' + r.id + '` \\| ' + r.severity + (r.advisory ? ' \\(advisory\\)' : '') + ' \\|'));
  });
});
