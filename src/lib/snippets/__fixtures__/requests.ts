/**
 * NormalizedRequest fixtures for the snippet tests, shaped like
 * src/lib/request/build.ts makes them: query values encoded with
 * encodeURIComponent (commas of a list kept), bodies as the JSON text typed.
 */
import type { NormalizedRequest } from '../../api/types';

const PRODUCTION = 'https://api.callbell.eu/v1';
const SANDBOX = 'http://localhost:4010/v1';
const PLACEHOLDER_AUTH: [string, string] = ['Authorization', 'Bearer <YOUR_API_KEY>'];
const ACCEPT: [string, string] = ['Accept', 'application/json'];
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];

function withQuery(baseUrl: string, query: Array<[string, string]>, list: string[] = []): string {
  const encoded = query.map(([name, value]) => {
    const encodedValue = list.includes(name)
      ? value.split(',').map(encodeURIComponent).join(',')
      : encodeURIComponent(value);
    return `${encodeURIComponent(name)}=${encodedValue}`;
  });
  return encoded.length ? `${baseUrl}?${encoded.join('&')}` : baseUrl;
}

function request(
  method: NormalizedRequest['method'],
  baseUrl: string,
  query: Array<[string, string]>,
  headers: Array<[string, string]>,
  body?: string,
  list?: string[],
): NormalizedRequest {
  return { method, url: withQuery(baseUrl, query, list), baseUrl, query, headers, ...(body !== undefined ? { body } : {}) };
}

/** A body a user could type: valid JSON full of things shells and languages like to interpret. */
export const HOSTILE_BODY = [
  '{',
  String.raw`  "name": "O'Brien's \"quoted\" name",`,
  '  "shell": "$(rm -rf ~) `touch pwned` ${HOME} $HOME \'\\\\\'\' ; | & > x",',
  String.raw`  "interpolation": "#{x} {$x} %s %{http_code} {0} \\u0041 \u0041",`,
  String.raw`  "escapes": "back\\slash \\ line1\nline2\ttab \r \u0000 \u001b \u2028",`,
  // Raw characters JSON allows: a tab as indentation, U+2028/U+2029, RLO, zero-width space.
  '\t"raw": "Zoë 日本 🚀 \u2028 \u2029 \u202e \u200b end",',
  // A CRLF line ending (JSON whitespace).
  '  "quotes": "\'\'\' \\"\\"\\" ``` ?> </script> */ //",\r',
  String.raw`  "trailing": "ends with a backslash \\"`,
  '}',
  '',
].join('\n');

export const fixtures = {
  /** The documented list call: a comma list stays one encoded value. */
  'get-query': request('GET', `${PRODUCTION}/contacts`, [['page', '2'], ['tags', 'sales,lead']], [ACCEPT, PLACEHOLDER_AUTH], undefined, ['tags']),
  'get-no-query': request('GET', `${PRODUCTION}/contacts/4d5ce2e5f4b44c3e9a8f1a5f2c3d4e5f`, [], [ACCEPT, PLACEHOLDER_AUTH]),
  'post-json': request(
    'POST',
    `${PRODUCTION}/messages/send`,
    [],
    [ACCEPT, PLACEHOLDER_AUTH, JSON_TYPE],
    JSON.stringify({ to: '+393331234567', from: 'whatsapp', type: 'text', content: { text: 'Hello from Callbell!' } }, null, 2),
  ),
  'patch-hostile-body': request('PATCH', `${PRODUCTION}/contacts/4d5ce2e5f4b44c3e9a8f1a5f2c3d4e5f`, [], [ACCEPT, PLACEHOLDER_AUTH, JSON_TYPE], HOSTILE_BODY),
  'get-hostile-query': request(
    'GET',
    `${PRODUCTION}/contacts`,
    [
      ['q', `a&b=c#d e 'f' "g" Zoë 日本 🚀 100%+1 $(id) \`id\` \\`],
      ['tags', 'sales & marketing,lead=hot'],
      ['page', '1'],
    ],
    [ACCEPT, PLACEHOLDER_AUTH],
    undefined,
    ['tags'],
  ),
  /** Against the local sandbox (http), so node uses `node:http`. */
  'delete-no-body': request('DELETE', `${SANDBOX}/contacts/4d5ce2e5f4b44c3e9a8f1a5f2c3d4e5f`, [], [ACCEPT, PLACEHOLDER_AUTH]),
  /** A real-looking key and a body typed on one line. */
  'post-real-key': request(
    'POST',
    `${PRODUCTION}/contacts`,
    [],
    [ACCEPT, ['Authorization', 'Bearer cb_live_9f3Kx7QpL2mZ8vT4nR6wY1sD5hJ0aB'], JSON_TYPE],
    '{"phone_number":"+393331234567","name":"Zoë O\'Neil","tags":["vip"]}',
  ),
  /**
   * A share-link body that attacks a pasted snippet: the bracketed-paste end
   * (ESC [201~), a quote followed by DEL, then `;cmd`, and a raw NUL.
   */
  'post-paste-attack': request(
    'POST',
    `${PRODUCTION}/contacts`,
    [],
    [ACCEPT, PLACEHOLDER_AUTH, JSON_TYPE],
    '{"name": "\x1b[201~\'\x7f; touch pwned #", "nul": "\0", "tab": "\t"}',
  ),
  /** A body that `curl --data` would read from a file. */
  'post-at-file': request('POST', `${PRODUCTION}/contacts`, [], [ACCEPT, PLACEHOLDER_AUTH, JSON_TYPE], '@/etc/passwd'),
} satisfies Record<string, NormalizedRequest>;

export type FixtureName = keyof typeof fixtures;

export const fixtureNames = Object.keys(fixtures) as FixtureName[];
