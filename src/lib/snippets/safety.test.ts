/**
 * The snippets' safety promises on the hostile corpus, checked on the text a
 * reader copies (execute.test.ts runs the same corpus for real):
 * - no snippet in any language holds a raw control, invisible/bidi format or
 *   separator character, only the line feeds and tabs of its layout (no tab in
 *   the shell);
 * - an API key that `usableApiKey()` refuses is never printed, so no header
 *   can be injected;
 * - a lone surrogate in the path or the query builds and renders;
 * - cURL never reads a file for a body, ordinary bodies stay a readable
 *   `--data-raw '…'`, hostile or huge ones go through stdin;
 * - Java splits a string that would exceed its 65,535-byte constant limit.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { operationModels } from '../api/model';
import { API_KEY_PLACEHOLDER, buildRequest, exampleValues, splitList } from '../request/build';
import { usableApiKey } from '../request/apiKey';
import { CORPUS_OPERATION, HOSTILE_KEYS, RAW_SPECIAL, RAW_SPECIAL_OR_TAB, corpus, type CorpusCase } from './__fixtures__/corpus';
import { fixtureNames, fixtures } from './__fixtures__/requests';
import { generateSnippet, targetIds } from './index';
import { wellFormed } from './quote';
import { MAX_ARGUMENT_BODY_BYTES } from './targets/curl';
import { MAX_CONSTANT_BYTES, constantBytes, javaText } from './targets/java';

const header = (c: CorpusCase, name: string) => c.request.headers.find(([n]) => n === name)?.[1];

describe('the hostile corpus', () => {
  it('has at least 50 values, in the path, the query, the key, body keys and body values', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const per = (location: string) => corpus.filter((c) => c.location === location).length;
    for (const location of ['path', 'query', 'key', 'body key', 'body value', 'body']) expect(per(location), location).toBeGreaterThanOrEqual(8);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it('builds every case like the panel does: lone surrogates become U+FFFD, nothing throws', () => {
    for (const c of corpus) {
      const value = wellFormed(c.value);
      const { request } = c;
      switch (c.location) {
        case 'path':
          expect(decodeURIComponent(request.baseUrl.slice(request.baseUrl.lastIndexOf('/') + 1)), c.name).toBe(value);
          break;
        case 'query':
          expect(request.query, c.name).toEqual([
            ['q', value],
            ['tags', splitList(`sales,${value}`).join(',')],
          ]);
          break;
        case 'key':
          break;
        case 'body key':
          expect(request.body, c.name).toBe(JSON.stringify({ [c.value]: 'x' }, null, 2));
          break;
        case 'body value':
          expect(request.body, c.name).toBe(`{\n  "name": "${value}"\n}`);
          break;
        case 'body':
          expect(request.body, c.name).toBe(value);
          break;
      }
      expect(request.url, c.name).not.toMatch(/[^\x21-\x7e]/);
    }
  });

  it('prints a key only when usableApiKey() accepts it, else the placeholder', () => {
    for (const [label, key, usable] of HOSTILE_KEYS) {
      const c = corpus.find((x) => x.name === `key: ${label}`)!;
      expect(usableApiKey(key) !== undefined, label).toBe(usable);
      expect(header(c, 'Authorization'), label).toBe(`Bearer ${usable ? key.trim() : API_KEY_PLACEHOLDER}`);
    }
  });
});

describe.each(targetIds)('%s snippets of the corpus', (id) => {
  const forbidden = id === 'curl' ? RAW_SPECIAL_OR_TAB : RAW_SPECIAL;

  it('hold no raw control, format or separator character (line feeds and tabs of the layout aside)', () => {
    const cases = [...corpus.map((c) => [c.name, c.request] as const), ...fixtureNames.map((name) => [name, fixtures[name]] as const)];
    for (const [name, request] of cases) {
      const snippet = generateSnippet(id, request);
      const match = forbidden.exec(snippet);
      expect(match && `U+${match[0].codePointAt(0)?.toString(16).toUpperCase()} at ${match.index}`, name).toBeNull();
    }
  });

  it('never print an unusable key: no CR/LF reaches a header, nothing is injected', () => {
    for (const c of corpus.filter((x) => x.location === 'key')) {
      const snippet = generateSnippet(id, c.request);
      if (usableApiKey(c.value) === undefined) {
        expect(snippet, c.name).toContain(API_KEY_PLACEHOLDER);
        expect(snippet, c.name).not.toMatch(/X-Injected|Content-Length: 0|GET \/admin|cb_key|cb key|ключ/);
      }
      expect(snippet, c.name).not.toContain('\r');
    }
  });

  it('render a request built from lone surrogates in the path, the query and the body', () => {
    const lone = '\ud800 a \udc00 b \udbff';
    const request = buildRequest(
      CORPUS_OPERATION,
      { path: { uuid: lone }, query: { q: lone, tags: [lone, 'x'] }, body: `{"name": "${lone}"}` },
      { baseUrl: 'https://api.callbell.eu/v1', apiKey: lone },
    );
    expect(request.url).toBe(
      'https://api.callbell.eu/v1/contacts/%EF%BF%BD%20a%20%EF%BF%BD%20b%20%EF%BF%BD?q=%EF%BF%BD%20a%20%EF%BF%BD%20b%20%EF%BF%BD&tags=%EF%BF%BD%20a%20%EF%BF%BD%20b%20%EF%BF%BD,x',
    );
    expect(request.body).toBe('{"name": "\ufffd a \ufffd b \ufffd"}');
    expect(generateSnippet(id, request)).not.toMatch(RAW_SPECIAL);
  });
});

describe('cURL bodies', () => {
  const curl = (c: { request: Parameters<typeof generateSnippet>[1] }) => generateSnippet('curl', c.request);

  it('never use --data or -d, which read a file for a body starting with @', () => {
    const all = [...corpus.map(curl), ...fixtureNames.map((name) => generateSnippet('curl', fixtures[name]))];
    for (const snippet of all) expect(snippet).not.toMatch(/--data(?:-ascii|-urlencode)?\s|\s-d\s|--data-binary\s+(?!@-)/);
    expect(generateSnippet('curl', fixtures['post-at-file'])).toContain(`--data-raw '@/etc/passwd'`);
  });

  it('keep every documented body a readable --data-raw one-liner style', () => {
    let checked = 0;
    for (const op of operationModels(loadSpec())) {
      const values = exampleValues(op);
      if (values.body === undefined) continue;
      const snippet = generateSnippet('curl', buildRequest(op, values, { baseUrl: 'https://api.callbell.eu/v1' }));
      if (!snippet.includes('--data')) continue;
      expect(snippet, op.request).toMatch(/^curl --request/);
      expect(snippet, op.request).toContain(`--data-raw '${values.body.replace(/'/g, `'\\''`)}'`);
      expect(snippet, op.request).not.toContain('printf');
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('send a body with a special character or a tab, or a large one, from stdin via the printf builtin', () => {
    for (const c of corpus.filter((x) => x.request.body !== undefined)) {
      const body = c.request.body!;
      const snippet = curl(c);
      const stdin = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(body.replace(/\n/g, '')) || Buffer.byteLength(body) > MAX_ARGUMENT_BODY_BYTES;
      if (stdin) {
        expect(snippet, c.name).toMatch(/^printf '/);
        expect(snippet, c.name).toMatch(/' \|\ncurl --request PATCH \\\n/);
        expect(snippet, c.name).toContain('\n  --data-binary @- \\\n');
      } else {
        expect(snippet, c.name).toMatch(/^curl --request PATCH/);
        expect(snippet, c.name).toContain(`--data-raw '`);
      }
    }
    const plainHuge = corpus.find((c) => c.name === 'body: ~200 KiB plain JSON')!;
    expect(curl(plainHuge)).toMatch(/^printf '/);
    expect(Buffer.byteLength(plainHuge.request.body!)).toBeGreaterThan(128 * 1024);
  });
});

/** The chunks of a Java string expression: `"…" + "…"` is one chunk, `String.join("", a, b)` has one per argument. */
function javaChunks(expression: string): string[] {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const decode = (literal: string) =>
    literal.slice(1, -1).replace(/\\(u[0-9A-F]{4}|.)/g, (_m, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : escapes[e] ?? e));
  const lines = expression.startsWith('String.join("",\n') ? expression.split('\n').slice(1) : expression.split('\n');
  const chunks: string[] = [];
  for (const line of lines) {
    const text = [...line.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => decode(m[0])).join('');
    if (/^\s*\+ /.test(line) && chunks.length > 0) chunks[chunks.length - 1] += text;
    else chunks.push(text);
  }
  return chunks;
}

describe('Java strings', () => {
  it('stay one + expression up to the 65,535-byte constant limit', () => {
    const text = `${'a'.repeat(MAX_CONSTANT_BYTES - 1)}\n`;
    expect(javaText(text, '  ')).not.toContain('String.join');
    expect(javaChunks(javaText(text, '  '))).toEqual([text]);
  });

  it('split a longer text into run-time-joined chunks, each under the limit, never inside a surrogate pair', () => {
    const texts = [
      '日本🚀\n'.repeat(20_000),
      'x'.repeat(70_000),
      `"${'🚀'.repeat(40_000)}"`,
      `\0\x1b${'é'.repeat(40_000)}\n\u2028${'b'.repeat(100)}`,
    ];
    for (const text of texts) {
      expect(constantBytes(text)).toBeGreaterThan(MAX_CONSTANT_BYTES);
      const expression = javaText(text, '  ');
      expect(expression).toMatch(/^String\.join\("",\n/);
      const chunks = javaChunks(expression);
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join('')).toBe(wellFormed(text));
      for (const chunk of chunks) {
        expect(constantBytes(chunk)).toBeLessThanOrEqual(MAX_CONSTANT_BYTES);
        expect(chunk).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }
    }
  });

  it('are used for the body, the URL and header values', () => {
    const huge = corpus.find((c) => c.name === 'body: ~300 KiB hostile JSON')!;
    expect(generateSnippet('java', huge.request)).toContain('String body = String.join("",\n');
    const longUrl = corpus.find((c) => c.name === 'query: URL over 65,535 bytes')!;
    expect(longUrl.request.url.length).toBeGreaterThan(MAX_CONSTANT_BYTES);
    expect(generateSnippet('java', longUrl.request)).toContain('.uri(URI.create(String.join("",\n');
  });
});
