import { describe, expect, it } from 'vitest';
import type { Schema } from '../api/types';
import { IssueCollector, type SchemaIssue } from './issues';
import { assertSupported, canonicalJson, checkSchema, codePointLength, satisfies, UnsupportedSchemaError } from './schema';

function issues(schema: Schema, value: unknown): string[] {
  const found = new IssueCollector();
  checkSchema(schema, value, found);
  return found.issues.map((i: SchemaIssue) => `${JSON.stringify(i.path)}${i.key === undefined ? '' : `/${i.key}`}:${i.code}`);
}

describe('checkSchema', () => {
  it('checks types as JSON Schema does: integers are whole numbers, Infinity is no number, null only where listed', () => {
    expect(issues({ type: 'integer' }, 2)).toEqual([]);
    expect(issues({ type: 'integer' }, 2.5)).toEqual(['[]:type']);
    expect(issues({ type: 'number' }, Number.POSITIVE_INFINITY)).toEqual(['[]:type']);
    expect(issues({ type: ['string', 'null'], minLength: 1 }, null)).toEqual([]);
    expect(issues({ type: 'object' }, [])).toEqual(['[]:type']);
    expect(issues({ type: 'array' }, {})).toEqual(['[]:type']);
  });

  it('reports the rules of the value type only, plus enum whatever the type', () => {
    const all: string[] = [];
    checkSchema({ type: 'string', minLength: 3, enum: ['abc'] }, 5, { add: (issue) => all.push(issue.code) });
    expect(all).toEqual(['type', 'enum']);
    expect(issues({ type: 'string', minLength: 3 }, 'ab')).toEqual(['[]:minLength']);
    // A collector keeps the first issue of a place.
    expect(issues({ type: 'string', minLength: 3, enum: ['abc'] }, 5)).toEqual(['[]:type']);
  });

  it('counts lengths in code points', () => {
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(codePointLength('\ud800x')).toBe(2);
    expect(issues({ type: 'string', maxLength: 2 }, '😀😀')).toEqual([]);
    expect(issues({ type: 'string', maxLength: 2 }, '😀😀😀')).toEqual(['[]:maxLength']);
  });

  it('applies patterns as `u` regular expressions and formats with ajv-formats', () => {
    expect(issues({ type: 'string', pattern: '^[0-9a-f]{32}$' }, 'f'.repeat(32))).toEqual([]);
    expect(issues({ type: 'string', pattern: '^[0-9a-f]{32}$' }, 'F'.repeat(32))).toEqual(['[]:pattern']);
    expect(issues({ type: 'string', format: 'email' }, 'ana@example.com')).toEqual([]);
    expect(issues({ type: 'string', format: 'email' }, 'ana@example')).toEqual(['[]:format']);
    expect(issues({ type: 'string', format: 'uri' }, '/relative')).toEqual(['[]:format']);
    expect(issues({ format: 'email' }, 42)).toEqual([]);
  });

  it('names missing, unknown, dependent and misnamed keys, and nested places', () => {
    const schema: Schema = {
      type: 'object',
      required: ['a'],
      additionalProperties: false,
      properties: {
        a: { type: 'string' },
        t: { type: 'string' },
        o: { type: 'boolean' },
        m: { type: 'object', propertyNames: { minLength: 1, maxLength: 3 }, additionalProperties: { type: 'string' } },
        l: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 },
      },
      dependentRequired: { t: ['o'] },
    };
    expect(issues(schema, { t: 'x', zz: 1, m: { long: 'x', k: 2 }, l: ['a', '', 'a'] })).toEqual([
      '[]/a:required',
      '[]/zz:unknownKey',
      '["m"]/long:keyName',
      '["m","k"]:type',
      '["l",1]:minLength',
      '["l"]:uniqueItems',
      '[]/o:dependentRequired',
    ]);
  });

  it('anyOf of single required keys names the first key; oneOf needs exactly one branch', () => {
    const send: Schema = { type: 'object', anyOf: [{ required: ['to'] }, { required: ['bsuid'] }] };
    expect(issues(send, {})).toEqual(['[]/to:requiredUnless']);
    expect(issues(send, { bsuid: 'x' })).toEqual([]);
    const value: Schema = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    expect(issues(value, ['a'])).toEqual([]);
    expect(issues(value, 1)).toEqual(['[]:oneOf']);
    expect(issues(value, [1])).toEqual(['[]:oneOf']);
  });

  it('min/max on numbers, items and keys', () => {
    expect(issues({ type: 'integer', minimum: 1, maximum: 3 }, 0)).toEqual(['[]:minimum']);
    expect(issues({ type: 'integer', minimum: 1, maximum: 3 }, 4)).toEqual(['[]:maximum']);
    expect(issues({ type: 'array', maxItems: 1 }, [1, 2])).toEqual(['[]:maxItems']);
    expect(issues({ type: 'object', minProperties: 1 }, {})).toEqual(['[]:minProperties']);
    expect(issues({ type: 'object', maxProperties: 1 }, { a: 1, b: 2 })).toEqual(['[]:maxProperties']);
  });

  it('compares items and enum values by JSON value, at any depth, without recursion', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
    expect(satisfies({ uniqueItems: true }, [{ a: 1, b: 2 }, { b: 2, a: 1 }])).toBe(false);
    expect(satisfies({ uniqueItems: true }, [1, '1'])).toBe(true);
    expect(satisfies({ enum: [{ a: [1] }] }, { a: [1] })).toBe(true);
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(satisfies({ type: 'array', uniqueItems: true }, [deep, deep])).toBe(false);
  });

  it('refuses a keyword or a format it does not implement, naming where', () => {
    expect(() => assertSupported({ type: 'object', properties: { a: { type: 'string', const: 'x' } } })).toThrow(UnsupportedSchemaError);
    expect(() => assertSupported({ type: 'object', properties: { a: { type: 'string', const: 'x' } } })).toThrow('#/properties/a: the keyword "const"');
    expect(() => assertSupported({ type: 'string', format: 'no-such-format' })).toThrow(UnsupportedSchemaError);
    expect(() => assertSupported({ type: 'integer', format: 'int32' })).toThrow(UnsupportedSchemaError);
    expect(() => assertSupported({ type: 'string', description: 'x', default: 'a', 'x-note': 1 })).not.toThrow();
  });
});

describe('IssueCollector', () => {
  it('keeps the first issue of each place, up to a limit, and counts the rest', () => {
    const found = new IssueCollector(2);
    const at = (path: Array<string | number>, key?: string): SchemaIssue => ({ code: 'type', path, schema: {}, params: {}, ...(key ? { key } : {}) });
    for (const issue of [at(['a']), at(['a']), at([], 'a'), at([0]), at(['0']), at([0])]) found.add(issue);
    expect(found.issues.map((i) => [i.path, i.key])).toEqual([
      [['a'], undefined],
      [[], 'a'],
    ]);
    expect(found.more).toBe(2);
  });
});
