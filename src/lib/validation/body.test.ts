import { describe, expect, it } from 'vitest';
import type { Schema } from '../api/types';
import { checkBodyText, forbiddenKeys, parseJson } from './body';
import { fieldName } from './issues';

const schema: Schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } } },
};

describe('parseJson', () => {
  it('is strict JSON, with one leading byte order mark allowed', () => {
    expect(parseJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    for (const text of ['\ufeff\ufeff{}', '{"a": 1,}', '{"a": 1} // no', "{'a': 1}", '', '{"a": "\t"}']) {
      expect(parseJson(text).ok, JSON.stringify(text)).toBe(false);
    }
  });
});

describe('forbiddenKeys', () => {
  it('finds __proto__, constructor and prototype at any depth, without recursion', () => {
    const found = forbiddenKeys(JSON.parse('{"a": [{"__proto__": 1}], "b": {"constructor": {"prototype": 2}}}'));
    expect(found.map((i) => fieldName(i.path, i.key)).sort()).toEqual(['a[0].__proto__', 'b.constructor']);
    const deep = JSON.parse(`{"x": ${'['.repeat(100_000)}{"prototype": 1}${']'.repeat(100_000)}}`) as unknown;
    expect(forbiddenKeys(deep)).toHaveLength(1);
    expect(forbiddenKeys({ toString: 'x' })).toEqual([]);
  });
});

describe('checkBodyText', () => {
  it('returns the value, the syntax error, the forbidden keys or the broken rules', () => {
    expect(checkBodyText(schema, '{"name": "x"}')).toEqual({ ok: true, value: { name: 'x' } });
    expect(checkBodyText(schema, '{')).toMatchObject({ ok: false, syntax: expect.any(String) });
    expect(checkBodyText(schema, '{"__proto__": {"polluted": 1}}')).toMatchObject({ ok: false, issues: [{ code: 'forbiddenKey', key: '__proto__' }] });
    const result = checkBodyText(schema, '{"tags": ["a", 1], "zz": 1}');
    expect(result.ok).toBe(false);
    if (!result.ok && 'issues' in result) {
      expect(result.issues.map((i) => `${fieldName(i.path, i.key)}:${i.code}`)).toEqual(['name:required', 'tags[1]:type', 'zz:unknownKey']);
    }
  });

  it('writes out `limit` issues and counts the others', () => {
    const items = JSON.stringify({ name: 'x', tags: Array.from({ length: 1000 }, () => 1) });
    const result = checkBodyText(schema, items, 100);
    expect(result).toMatchObject({ ok: false, more: 900 });
    if (!result.ok && 'issues' in result) expect(result.issues).toHaveLength(100);
  });
});
