import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { OperationModel } from '../api/types';
import { lineColumn, validateJson, validateRequest } from './validate';

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
      params: [{ name: 'uuid', in: 'path', required: true, description: '', schema: { type: 'string' }, explode: true }],
      body: { required: true, schema: {}, example: {} },
    };
    expect(validateRequest(post, { path: {}, body: '' }).map((i) => i.code)).toEqual(['required', 'bodyRequired']);
    const [syntax] = validateRequest(post, { path: { uuid: 'x' }, body: '{\n  "a": 1,\n}' });
    expect(syntax).toMatchObject({ field: 'body', code: 'jsonSyntax', params: { line: 3, column: 1 } });
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
