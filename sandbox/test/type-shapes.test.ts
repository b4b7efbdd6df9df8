/** The comparator of ./type-shapes.ts finds each kind of disagreement (fixtures/shapes.ts), and none on a match. */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/api/types';
import { compareObject, createTypeProgram, exportedType, schemaFamilies } from './type-shapes';

const FILE = 'sandbox/test/fixtures/shapes.ts';
const program = createTypeProgram([FILE]);
const checker = program.getTypeChecker();

const SCHEMA: Schema = {
  type: 'object',
  required: ['uuid', 'count', 'status', 'tags', 'values', 'nested'],
  properties: {
    uuid: { type: 'string', pattern: '^[0-9a-f]{32}$' },
    count: { type: 'integer', minimum: 0 },
    status: { type: 'string', enum: ['open', 'closed'] },
    tags: { type: 'array', items: { type: 'string' } },
    values: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
    note: { type: ['string', 'null'] },
    nested: { type: 'object', required: ['code'], properties: { code: { type: ['integer', 'null'] } } },
  },
};

const stored = (name: string, exceptions = {}) => compareObject(checker, exportedType(program, FILE, name), SCHEMA, 'stored', name, exceptions);

describe('compareObject', () => {
  it('finds nothing when the type matches its schema', () => {
    expect(stored('Right')).toEqual([]);
  });

  it.each([
    ['WrongFamily', /WrongFamily\.count: the type is string, the spec says number/],
    ['MissingField', /MissingField\.note: in the spec, neither kept nor listed as not kept/],
    ['OptionalRequired', /OptionalRequired\.uuid: required by the spec, optional in the type/],
    ['ExtraField', /ExtraField\.colour: not in the spec, nor listed as extra/],
    ['WrongEnum', /WrongEnum\.status: the type allows archived, open, the spec's enum is closed, open/],
    ['WrongItems', /WrongItems\.tags\[\]: the type is number, the spec says string/],
    ['WrongMapValues', /WrongMapValues\.values\{\}: the type is number, the spec says array, string/],
    ['WrongNested', /WrongNested\.nested\.code: the type is number, the spec says null, number/],
  ])('reports %s', (name, problem) => {
    const problems = stored(name);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('accepts a string type for an enum, and listed differences only when they are real', () => {
    expect(stored('AnyString')).toEqual([]);
    expect(stored('MissingField', { notKept: { note: 'computed' } })).toEqual([]);
    expect(stored('ExtraField', { extra: { colour: 'store-only' } })).toEqual([]);
    expect(stored('Right', { notKept: { note: 'computed' }, extra: { colour: 'store-only' } })).toEqual([
      'Right.note: listed as not kept, but the type has it',
      'Right.colour: listed as extra, but the type has no such field',
    ]);
  });

  it('input mode: declared fields must be in the schema and optional exactly when the schema says so', () => {
    const input = (name: string) => compareObject(checker, exportedType(program, FILE, name), SCHEMA, 'input', name);
    expect(input('Input')).toEqual([]);
    expect(input('InputRequiresOptional')).toEqual(['InputRequiresOptional.note: optional in the spec, required in the type']);
    expect(input('ExtraField')).toContain('ExtraField.colour: not in the spec');
  });
});

describe('schemaFamilies', () => {
  it('reads type lists, integers, enums and alternatives', () => {
    expect([...schemaFamilies({ type: ['string', 'null'] })].sort()).toEqual(['null', 'string']);
    expect([...schemaFamilies({ type: 'integer' })]).toEqual(['number']);
    expect([...schemaFamilies({ enum: ['a', 'b'] })]).toEqual(['string']);
    expect([...schemaFamilies({ oneOf: [{ type: 'object', properties: {} }, { type: 'null' }] })].sort()).toEqual(['null', 'object']);
  });
});
