import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import { exampleValues } from './build';
import type { OperationModel } from '../api/types';
import { apiKeyIssue, characterIssue, lineColumn, liveIssues, validateJson, validateRequest } from './validate';

const op = findOperation(loadSpec(), 'contacts_api', 'get_contacts');
const codes = (query: Record<string, string>) => validateRequest(op, { query }).map((i) => `${i.field}:${i.code}`);

describe('validateRequest', () => {
  it('accepts the documented example and valid filters', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ page: '3', source: 'telegram', tags: 'a,b', team_uuid: 'f'.repeat(32), include_field_types: 'true' })).toEqual([]);
  });

  it('rejects each kind of bad value at its field', () => {
    expect(codes({ page: '0' })).toEqual(['query.page:minimum']);
    expect(codes({ page: '-1' })).toEqual(['query.page:minimum']);
    expect(codes({ page: 'abc' })).toEqual(['query.page:integer']);
    expect(codes({ page: '1.5' })).toEqual(['query.page:integer']);
    expect(codes({ source: 'sms' })).toEqual(['query.source:enum']);
    expect(codes({ team_uuid: 'xyz' })).toEqual(['query.team_uuid:pattern']);
    expect(codes({ include_field_types: 'yes' })).toEqual(['query.include_field_types:boolean']);
  });

  it('passes limits and allowed values to the message', () => {
    const [issue] = validateRequest(op, { query: { source: 'sms' } });
    expect(issue?.params.allowed).toBe('whatsapp, facebook, instagram, telegram');
  });

  it('checks required path parameters and JSON bodies', () => {
    const post: OperationModel = {
      ...op,
      method: 'POST',
      path: '/contacts/{uuid}',
      params: [{ name: 'uuid', in: 'path', required: true, description: '', schema: { type: 'string' }, explode: true }],
      body: { required: true, schema: {}, example: {} },
    };
    expect(validateRequest(post, { path: {}, body: '' }).map((i) => i.code)).toEqual(['required', 'bodyRequired']);
    const [syntax] = validateRequest(post, { path: { uuid: 'x' }, body: '{\n  "a": 1,\n}' });
    expect(syntax).toMatchObject({ field: 'body', code: 'jsonSyntax', params: { line: 3, column: 1 } });
  });
});

describe('the request the panel sends, judged as the sandbox judges it', () => {
  const post = findOperation(loadSpec(), 'contacts_api', 'post_contacts');
  const send = findOperation(loadSpec(), 'messages_api', 'post_messages');
  const bsuid = findOperation(loadSpec(), 'contacts_api', 'get_contact_by_bsuid');
  const body = (value: unknown) => validateRequest(post, { body: JSON.stringify(value) }).map((i) => `${i.code}@${String(i.params.key)}`);

  it('does not trim: outer spaces are refused, and named as such when the value would pass without them', () => {
    expect(codes({ page: ' 2' })).toEqual(['query.page:whitespace']);
    expect(codes({ source: 'telegram ' })).toEqual(['query.source:whitespace']);
    expect(codes({ page: ' x' })).toEqual(['query.page:integer']);
    // List items are trimmed, by the panel when it builds the list and by the API.
    expect(codes({ tags: ' vip , lead ' })).toEqual([]);
    // A bsuid may hold spaces: the API takes them as they are, so does the panel.
    expect(validateRequest(bsuid, { path: { bsuid: ' b ' } })).toEqual([]);
  });

  it('bounds integers to the safe range', () => {
    expect(codes({ page: '9007199254740991' })).toEqual([]);
    expect(validateRequest(op, { query: { page: '9007199254740992' } })).toEqual([
      { field: 'query.page', code: 'safeInteger', params: { min: -9007199254740991, max: 9007199254740991 } },
    ]);
    expect(codes({ page: '1e3' })).toEqual(['query.page:integer']);
  });

  it('checks a body against its schema: keys, types, formats, nested keys', () => {
    expect(body({ identifier: '1', source: 'whatsapp', name: 'A', assigned_user: 'ana@example.com' })).toEqual([]);
    expect(body({ identifier: '1', source: 'whatsapp', name: 'A', assigned_user: 'ana' })).toEqual(['format@assigned_user']);
    expect(body({ identifier: 5, source: 'sms', nickname: 'x', tags: ['a', ''] })).toEqual([
      'required@name',
      'type@identifier',
      'enum@source',
      'unknownKey@nickname',
      'minLength@tags[1]',
    ]);
    expect(body({ identifier: '1', source: 'whatsapp', name: 'A', custom_fields: { Plan: 3 } })).toEqual(['oneOf@custom_fields.Plan']);
    expect(validateRequest(post, { body: 'null' }).map((i) => `${i.code}@${String(i.params.key)}`)).toEqual(['type@body']);
    expect(validateRequest(post, { body: '{"__proto__": {"x": 1}, "name": "A"}' }).map((i) => i.code)).toEqual(['forbiddenKey']);
    const message = { to: '1', from: 'whatsapp', type: 'text', content: { text: '' }, template_uuid: 'f'.repeat(32) };
    expect(validateRequest(send, { body: JSON.stringify(message) }).map((i) => `${i.code}@${String(i.params.key)}`)).toEqual([
      'minLength@content.text',
      'dependentRequired@optin_contact',
    ]);
  });

  it('reads a body as the sandbox does: one byte order mark is fine, a blank body is not sent', () => {
    const text = '{"identifier": "1", "source": "whatsapp", "name": "A"}';
    expect(validateRequest(post, { body: `\ufeff${text}` })).toEqual([]);
    expect(validateRequest(post, { body: `\ufeff\ufeff${text}` }).map((i) => i.code)).toEqual(['jsonSyntax']);
    expect(validateRequest(post, { body: '  \n ' }).map((i) => i.code)).toEqual(['bodyRequired']);
  });

  it('refuses what no URL carries, and a URL over the documented length', () => {
    const get = findOperation(loadSpec(), 'contacts_api', 'get_contact');
    expect(validateRequest(get, { path: { uuid: '..' } }).map((i) => i.code)).toEqual(['pathSegment']);
    expect(validateRequest(bsuid, { path: { bsuid: '.' } }).map((i) => i.code)).toEqual(['pathSegment']);
    const long = { query: { tags: 'a'.repeat(9000) } };
    expect(validateRequest(op, long)).toEqual([]);
    expect(validateRequest(op, long, { baseUrl: 'http://localhost:4010/v1' })).toEqual([
      { field: 'query.tags', code: 'urlTooLong', params: { limit: 8192 } },
    ]);
  });
});

describe('unsafe characters and the API key', () => {
  const post = findOperation(loadSpec(), 'contacts_api', 'post_contacts');
  const validBody = '{"identifier": "393331234567", "source": "whatsapp", "name": "Mario"}';

  it('names the first unsafe character of a one-line field by position', () => {
    expect(characterIssue('query.tags', 'vip\u001b[201~')).toEqual({
      field: 'query.tags',
      code: 'controlCharacter',
      params: { character: 'U+001B', position: 4, line: 1, column: 4, escape: '\\u001b' },
    });
    expect(characterIssue('query.tags', 'a\tb')?.code).toBe('controlCharacter');
    expect(characterIssue('path.uuid', 'ab\ud800')).toMatchObject({ code: 'loneSurrogate', params: { character: 'U+D800', position: 3 } });
    expect(characterIssue('query.tags', 'hot, lead')).toBeUndefined();
  });

  it('names the first unsafe character of the body by line and column', () => {
    const body = '{\n  "name": "x\'\u007f;touch /tmp/pwned"\n}';
    expect(JSON.parse(body)).toEqual({ name: "x'\u007f;touch /tmp/pwned" });
    expect(characterIssue('body', body)).toMatchObject({ code: 'controlCharacter', params: { character: 'U+007F', line: 2, column: 14, escape: '\\u007f' } });
    expect(characterIssue('body', '{\n\t"a": 1\n}')).toBeUndefined();
  });

  it('flags a key that is not a bearer token, and nothing for an empty or padded key', () => {
    for (const key of ['test_abc\r\nX-Evil: 1', 'test abc', 'tést', 'key\u0000', 'key\u007f']) {
      expect(apiKeyIssue(key), JSON.stringify(key)).toEqual({ field: 'apiKey', code: 'apiKey', params: {} });
    }
    for (const key of [undefined, '', '  ', ' test_gshuPaZoeEG6ovbc8M79w0QyM\n', 'a.b-c_d~e+f/g=']) {
      expect(apiKeyIssue(key), JSON.stringify(key)).toBeUndefined();
    }
  });

  it('shows live issues in the panel order, whatever the values came from', () => {
    const values = { query: { tags: 'a\u0085b', page: '2' }, path: {} };
    expect(liveIssues(op, values, 'bad key').map((i) => `${i.field}:${i.code}`)).toEqual(['apiKey:apiKey', 'query.tags:controlCharacter']);
    expect(liveIssues(op, { query: { tags: ['ok', 'b\u009b'] } }).map((i) => i.field)).toEqual(['query.tags']);
    expect(liveIssues(post, { body: '{"name": "\u001b"}' }).map((i) => i.field)).toEqual(['body']);
    expect(liveIssues(op, exampleValues(op), 'test_gshuPaZoeEG6ovbc8M79w0QyM')).toEqual([]);
  });

  it('refuses the send with the character issue instead of the schema or JSON ones', () => {
    // DEL inside a JSON string is valid JSON: only the character check stops it.
    const delBody = '{"identifier": "1\'\u007f;touch /tmp/pwned", "source": "whatsapp", "name": "x"}';
    expect(validateJson(delBody)).toBeUndefined();
    expect(validateRequest(post, { body: delBody }).map((i) => i.code)).toEqual(['controlCharacter']);
    expect(validateRequest(post, { body: validBody })).toEqual([]);
    expect(validateRequest(op, { query: { page: '\u00002' } }).map((i) => `${i.field}:${i.code}`)).toEqual(['query.page:controlCharacter']);
    expect(validateRequest(op, { query: { page: '0' } }, { apiKey: 'a\rb' }).map((i) => `${i.field}:${i.code}`)).toEqual([
      'apiKey:apiKey',
      'query.page:minimum',
    ]);
    expect(validateRequest(op, {}, { apiKey: 'test_gshuPaZoeEG6ovbc8M79w0QyM' })).toEqual([]);
  });
});

describe('validateJson', () => {
  it('reports the line and column of the first error', () => {
    expect(validateJson('{"a": 1}')).toBeUndefined();
    expect(validateJson('{"a": tru}')?.params).toMatchObject({ line: 1, column: 7 });
    expect(validateJson('{\n "a": 1 // no\n}')?.params.line).toBe(2);
    expect(validateJson('')?.code).toBe('jsonSyntax');
  });

  it('counts lines from character offsets', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
