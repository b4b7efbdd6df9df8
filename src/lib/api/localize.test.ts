/**
 * The strings overlay: which texts of the spec are translatable, how a locale's translations
 * are laid over the spec (and nothing else), the fallback to English and its marks, staleness,
 * and the localized operation model the Try it panel gets.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from './load';
import {
  langKey,
  localizedOperation,
  localizeSpec,
  sameSource,
  specStrings,
  stringCounts,
  stringStates,
  type StringEntries,
} from './localize';
import { findOperation, type OpenApiDocument } from './model';

/** A small spec with one of everything: a shared parameter, an inline one, a schema, examples, a $ref with its own description. */
function tinySpec(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1', description: 'The API.' },
    tags: [{ name: 'things_api', description: 'Things.' }],
    paths: {
      '/things': {
        get: {
          operationId: 'get_things',
          tags: ['things_api'],
          summary: 'List things',
          description: 'Lists the things.',
          parameters: [
            { $ref: '#/components/parameters/Page' },
            { name: 'kind', in: 'query', description: 'Only things of this kind.', schema: { $ref: '#/components/schemas/Kind' } },
          ],
          responses: {
            '200': {
              description: 'One page of things.',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } },
                  examples: {
                    default: { summary: 'The first page', value: { things: [{ name: 'A thing', description: 'not a description of the spec' }] } },
                    other: { summary: 'Another page', value: { things: [] } },
                  },
                },
              },
            },
            '404': { $ref: '#/components/responses/NotFound' },
          },
        },
      },
    },
    components: {
      parameters: { Page: { name: 'page', in: 'query', description: 'Result page, starting at 1.', schema: { type: 'integer', minimum: 1, default: 1 } } },
      responses: { NotFound: { description: 'Nothing with this id.', content: { 'application/json': { example: { error: { message: 'Not found' } } } } } },
      schemas: {
        Kind: { type: 'string', description: 'Kind of thing.', enum: ['big', 'small'] },
        Thing: {
          type: 'object',
          description: 'A thing.',
          examples: [{ name: 'x', description: 'example data' }],
          properties: {
            name: { type: 'string', description: 'Name of the thing.', default: 'nameless' },
            // a property named like a keyword: its schema's description is prose
            description: { type: 'string', description: 'What the thing is.' },
            kind: { $ref: '#/components/schemas/Kind', description: 'The kind, as a thing says it.' },
          },
        },
      },
    },
  };
}

const entry = (en: string, translation: string) => ({ en, translation });

describe('specStrings', () => {
  it('lists every description and summary outside example data, keyed by JSON pointer, in document order', () => {
    expect(specStrings(tinySpec()).map((s) => s.pointer)).toEqual([
      '/info/description',
      '/tags/0/description',
      '/paths/~1things/get/summary',
      '/paths/~1things/get/description',
      '/paths/~1things/get/parameters/1/description',
      '/paths/~1things/get/responses/200/description',
      '/paths/~1things/get/responses/200/content/application~1json/examples/default/summary',
      '/paths/~1things/get/responses/200/content/application~1json/examples/other/summary',
      '/components/parameters/Page/description',
      '/components/responses/NotFound/description',
      '/components/schemas/Kind/description',
      '/components/schemas/Thing/description',
      '/components/schemas/Thing/properties/name/description',
      '/components/schemas/Thing/properties/description/description',
      '/components/schemas/Thing/properties/kind/description',
    ]);
  });

  it('covers the real spec: the Try it hints, fields, errors, webhooks and tags, never example values', () => {
    const strings = specStrings(loadSpec());
    const pointers = new Set(strings.map((s) => s.pointer));
    expect(strings.find((s) => s.pointer === '/components/parameters/Page/description')?.text).toBe('Result page, starting at 1.');
    for (const p of ['/tags/0/description', '/components/responses/NotFound/description', '/webhooks/contact_created/post/summary', '/components/schemas/Contact/properties/name/description']) {
      expect(pointers, p).toContain(p);
    }
    // example values, documented requests and a schema's example list are data
    const keywordPath = (p: string) => p.replace(/\/properties\/[^/]+/g, '/properties/(name)');
    expect([...pointers].filter((p) => /\/(value|example|x-request)\/|\/examples\/\d+\//.test(keywordPath(p)))).toEqual([]);
    expect(strings.length).toBeGreaterThan(450);
  });
});

describe('stringStates', () => {
  it('says translated, stale (the English it translates changed) or missing, and lists orphan entries', () => {
    const entries: StringEntries = {
      '/components/parameters/Page/description': entry('Result page, starting at 1.', 'Pagina dei risultati, a partire da 1.'),
      '/components/schemas/Kind/description': entry('Type of thing.', 'Tipo di cosa.'),
      '/components/schemas/Gone/description': entry('Gone.', 'Sparito.'),
    };
    const { strings, orphans } = stringStates(tinySpec(), entries);
    const state = (p: string) => strings.find((s) => s.pointer === p)?.state;
    expect(state('/components/parameters/Page/description')).toBe('translated');
    expect(state('/components/schemas/Kind/description')).toBe('stale');
    expect(state('/components/schemas/Thing/description')).toBe('missing');
    expect(orphans).toEqual(['/components/schemas/Gone/description']);
    expect(stringCounts(tinySpec(), entries)).toEqual({ total: 15, translated: 1, stale: 1, missing: 13, orphans: 1 });
  });

  it('does not call a re-wrapped English text stale, and an empty translation is missing', () => {
    expect(sameSource('Lists the\n  things.\n', 'Lists the things.')).toBe(true);
    expect(sameSource('Lists the things.', 'Lists all things.')).toBe(false);
    const { strings } = stringStates(tinySpec(), { '/tags/0/description': entry('Things.', '  ') });
    expect(strings.find((s) => s.pointer === '/tags/0/description')?.state).toBe('missing');
  });
});

describe('localizeSpec', () => {
  const entries: StringEntries = {
    '/paths/~1things/get/summary': entry('List things', 'Elenca le cose'),
    '/components/parameters/Page/description': entry('Result page, starting at 1.', 'La pagina di risultati, a partire da 1.'),
    '/components/schemas/Kind/description': entry('Type of thing.', 'Tipo di cosa.'),
  };

  it('puts the translations in place, changes nothing else and leaves the input alone', () => {
    const doc = tinySpec();
    const before = structuredClone(doc);
    const { doc: out, fallback, stale } = localizeSpec(doc, entries);
    expect(doc).toEqual(before);
    const paths = out.paths['/things'] as { get: { summary: string } };
    expect(paths.get.summary).toBe('Elenca le cose');
    expect((out.components as { parameters: { Page: { description: string } } }).parameters.Page.description).toBe('La pagina di risultati, a partire da 1.');
    // the stale translation is used (like a stale page) and reported
    expect((out.components as { schemas: { Kind: { description: string } } }).schemas.Kind.description).toBe('Tipo di cosa.');
    expect(stale).toEqual(['/components/schemas/Kind/description']);
    expect(fallback).toHaveLength(12);
    // same document once every translatable string is blanked
    const blank = (d: OpenApiDocument) => {
      const copy = structuredClone(d);
      for (const s of specStrings(doc)) {
        const tokens = s.pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
        const key = tokens.pop()!;
        let node = copy as unknown as Record<string, unknown>;
        for (const t of tokens) node = node[t] as Record<string, unknown>;
        node[key] = '';
      }
      return copy;
    };
    expect(blank(out)).toEqual(blank(doc));
  });

  it('leaves a missing string in English; with mark, names its language beside it', () => {
    const { doc: plain } = localizeSpec(tinySpec(), entries);
    const thing = (d: OpenApiDocument) => (d.components as { schemas: { Thing: Record<string, unknown> } }).schemas.Thing;
    expect(thing(plain).description).toBe('A thing.');
    expect(thing(plain)[langKey('description')]).toBeUndefined();
    const { doc: marked } = localizeSpec(tinySpec(), entries, { mark: true, lang: 'it' });
    expect(thing(marked).description).toBe('A thing.');
    expect(thing(marked)[langKey('description')]).toBe('en');
  });

  it('marks a $ref whose own translated text overrides its target\'s English one', () => {
    const withOwn: StringEntries = { '/components/schemas/Thing/properties/kind/description': entry('The kind, as a thing says it.', 'Il tipo, come lo dice una cosa.') };
    const { doc: marked } = localizeSpec(tinySpec(), withOwn, { mark: true, lang: 'it' });
    const kind = (marked.components as { schemas: { Thing: { properties: { kind: Record<string, unknown> } } } }).schemas.Thing.properties.kind;
    expect(kind.description).toBe('Il tipo, come lo dice una cosa.');
    // deref() merges the target (Kind, English: marked "en") under these siblings: the sibling mark wins
    expect(kind[langKey('description')]).toBe('it');
  });
});

describe('localizedOperation', () => {
  it('gives the Try it panel translated hints, and says which ones are English', () => {
    const entries: StringEntries = {
      '/components/parameters/Page/description': entry('Result page, starting at 1.', 'La pagina di risultati, a partire da 1.'),
      '/paths/~1things/get/responses/200/content/application~1json/examples/default/summary': entry('The first page', 'La prima pagina'),
    };
    const op = localizedOperation(tinySpec(), entries, 'it', 'things_api', 'get_things');
    expect(op.locale).toBe('it');
    const page = op.params.find((p) => p.name === 'page')!;
    const kind = op.params.find((p) => p.name === 'kind')!;
    expect(page.description).toBe('La pagina di risultati, a partire da 1.');
    expect(page.descriptionLang).toBeUndefined();
    expect(kind.description).toBe('Only things of this kind.');
    expect(kind.descriptionLang).toBe('en');
    expect(op.summaryLang).toBe('en');
    expect(op.examples.map((e) => [e.summary, e.summaryLang])).toEqual([
      ['La prima pagina', undefined],
      ['Another page', 'en'],
    ]);
    // everything else is the English model
    const english = findOperation(tinySpec(), 'things_api', 'get_things');
    // schemas carry the language of a description left in English (for the field tree), nothing else differs
    expect(op.params.find((p) => p.name === 'kind')!.schema[langKey('description')]).toBe('en');
    const unmarked = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x: unknown) => (/^x-.*-lang$/.test(k) ? undefined : x))) as unknown;
    expect(unmarked(op.params.map((p) => [p.name, p.in, p.required, p.schema]))).toEqual(english.params.map((p) => [p.name, p.in, p.required, p.schema]));
    expect(op.examples.map((e) => e.value)).toEqual(english.examples.map((e) => e.value));
  });

  it('is the plain English model for English', () => {
    const op = localizedOperation(tinySpec(), {}, 'en', 'things_api', 'get_things');
    expect(op).toEqual({ ...findOperation(tinySpec(), 'things_api', 'get_things'), locale: 'en' });
  });
});
