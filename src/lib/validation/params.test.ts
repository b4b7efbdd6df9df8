import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { ParamModel } from '../api/types';
import { checkParam, checkParams, convertText } from './params';

const param = (schema: ParamModel['schema'], extra: Partial<ParamModel> = {}): ParamModel => ({
  name: 'p',
  in: 'query',
  required: false,
  description: '',
  schema,
  explode: true,
  ...extra,
});

const code = (p: ParamModel, ...occurrences: string[]) => {
  const result = checkParam(p, occurrences);
  return 'issue' in result ? result.issue.code : 'ok';
};

describe('convertText', () => {
  it('reads integers written in decimal within the safe range, and nothing else', () => {
    expect(convertText('42', { type: 'integer' })).toEqual({ ok: true, value: 42 });
    expect(convertText('-7', { type: 'integer' })).toEqual({ ok: true, value: -7 });
    expect(convertText('9007199254740991', { type: 'integer' })).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(convertText('9007199254740992', { type: 'integer' })).toMatchObject({ ok: false, code: 'safeInteger' });
    for (const text of ['1.0', '1e3', '0x1', '+1', ' 1', '1 ', '', '１', 'Infinity']) {
      expect(convertText(text, { type: 'integer' }), text).toMatchObject({ ok: false, code: 'integer' });
    }
  });

  it('reads decimal numbers, exact booleans, and strings untrimmed', () => {
    expect(convertText('1.5', { type: 'number' })).toEqual({ ok: true, value: 1.5 });
    expect(convertText('1e3', { type: 'number' })).toMatchObject({ ok: false, code: 'number' });
    expect(convertText('false', { type: 'boolean' })).toEqual({ ok: true, value: false });
    expect(convertText('TRUE', { type: 'boolean' })).toMatchObject({ ok: false, code: 'boolean' });
    expect(convertText(' a ', { type: 'string' })).toEqual({ ok: true, value: ' a ' });
  });
});

describe('checkParam', () => {
  const page = param({ type: 'integer', minimum: 1, default: 1 });
  const tags = param({ type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }, { explode: false });

  it('takes the default when absent, refuses a missing required parameter, and the last occurrence wins', () => {
    expect(checkParam(page, [])).toEqual({ value: 1 });
    expect(code(param({ type: 'string' }, { required: true }))).toBe('required');
    expect(checkParam(page, ['3', '2'])).toEqual({ value: 2 });
    expect(code(page, '2', '0')).toBe('minimum');
  });

  it('splits a comma list, trims its items and checks each (an empty item breaks minLength)', () => {
    expect(checkParam(tags, [' a , b '])).toEqual({ value: ['a', 'b'] });
    expect(code(tags, 'a,,b')).toBe('minLength');
    const exploded = param({ type: 'array', items: { type: 'integer' } });
    expect(checkParam(exploded, ['1', '2'])).toEqual({ value: [1, 2] });
    expect(checkParam(exploded, ['1', 'x'])).toMatchObject({ issue: { code: 'integer', path: [1] } });
  });

  it('reports the first broken rule: conversion before schema', () => {
    expect(code(page, ' 2')).toBe('integer');
    expect(code(page, '0')).toBe('minimum');
    expect(code(param({ type: 'string', enum: ['a'] }), ' a')).toBe('enum');
  });
});

describe('checkParams', () => {
  it('converts every path and query parameter of an operation, and names every bad one', () => {
    const op = findOperation(loadSpec(), 'contacts_api', 'get_contacts');
    expect(checkParams(op, { query: new URLSearchParams('page=2&tags=a,b&unknown=1') })).toEqual({
      values: { query: { page: 2, tags: ['a', 'b'], include_field_types: false }, path: {} },
      issues: [],
    });
    const { issues } = checkParams(op, { query: new URLSearchParams('page=0&source=sms') });
    expect(issues.map((i) => `${i.in}.${i.param.name}:${i.issue.code}`)).toEqual(['query.page:minimum', 'query.source:enum']);
  });
});
