/**
 * Compares TypeScript types with the spec's JSON Schemas, field by field: the
 * same names, and for each field the same kinds of value ("type families":
 * string, number, boolean, null, array, object), array items and map values
 * compared the same way, a union of string literals equal to the schema's
 * enum. The types are read with the TypeScript compiler, so what is compared
 * is what `tsc` sees. Two modes:
 *   - `stored`: a stored entity and its schema. Every schema field is kept
 *     (same name, same families; required by the schema means required in the
 *     type) or listed in `notKept` with where its value comes from; every
 *     field the schema lacks is listed in `extra` with what it is for.
 *   - `input`: what a handler declares it reads. Every declared field is in
 *     the schema with the same families, required exactly when the schema
 *     requires it.
 * Used by stored-types.test.ts and input-types.test.ts.
 */
import path from 'node:path';
import ts from 'typescript';
import type { Schema } from '../../src/lib/api/types';

export type Family = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'unknown';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A program over these files, strict as the repository's tsconfig.json. Only
 * the declared shapes matter here, so no ambient types are loaded: imports of
 * packages still resolve, and nothing is reported.
 */
export function createTypeProgram(files: readonly string[]): ts.Program {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    noResolve: false,
    types: [],
    lib: ['lib.es2023.d.ts'],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  return ts.createProgram({ rootNames: files.map((f) => path.resolve(ROOT, f)), options });
}

/** The type declared (interface or type alias) and exported under `name` by `file`. */
export function exportedType(program: ts.Program, file: string, name: string): ts.Type {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path.resolve(ROOT, file));
  const module = source && checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} exports no ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** The names of the interfaces a file exports. */
export function exportedInterfaces(program: ts.Program, file: string): string[] {
  const source = program.getSourceFile(path.resolve(ROOT, file));
  if (!source) throw new Error(`No source file ${file}`);
  return source.statements
    .filter(ts.isInterfaceDeclaration)
    .filter((d) => d.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((d) => d.name.text);
}

function parts(type: ts.Type): ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** The families of a TypeScript type (`undefined`, which optional fields add, is left out). */
export function typeFamilies(checker: ts.TypeChecker, type: ts.Type): Set<Family> {
  const out = new Set<Family>();
  for (const t of parts(type)) {
    const flags = t.flags;
    if (flags & ts.TypeFlags.Undefined) continue;
    if (flags & ts.TypeFlags.StringLike) out.add('string');
    else if (flags & ts.TypeFlags.NumberLike) out.add('number');
    else if (flags & ts.TypeFlags.BooleanLike) out.add('boolean');
    else if (flags & ts.TypeFlags.Null) out.add('null');
    else if (checker.isArrayType(t) || checker.isTupleType(t)) out.add('array');
    else if (flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) out.add('object');
    else out.add('unknown');
  }
  return out;
}

/** The families a schema allows (`integer` is a number). */
export function schemaFamilies(schema: Schema): Set<Family> {
  const out = new Set<Family>();
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const t of types) out.add(t === 'integer' ? 'number' : (t as Family));
  if (types.length > 0) return out;
  for (const alternative of [...(schema.oneOf ?? []), ...((schema.anyOf as Schema[] | undefined) ?? [])]) {
    for (const family of schemaFamilies(alternative)) out.add(family);
  }
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) out.add(value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Family));
  }
  if (out.size === 0 && (schema.properties || schema.additionalProperties)) out.add('object');
  if (out.size === 0) out.add('unknown');
  return out;
}

/** The schema's alternative of one family (itself when it has a single type). */
function schemaOf(schema: Schema, family: Family): Schema | undefined {
  if (schema.type !== undefined) return schemaFamilies(schema).has(family) ? schema : undefined;
  return [...(schema.oneOf ?? []), ...((schema.anyOf as Schema[] | undefined) ?? [])].find((alt) => schemaFamilies(alt).has(family));
}

/** The members of a type of one family. */
function typeOf(checker: ts.TypeChecker, type: ts.Type, family: Family): ts.Type[] {
  return parts(type).filter((t) => typeFamilies(checker, t).has(family));
}

/** The string literals of a type, or undefined when it admits any string. */
function stringLiterals(type: ts.Type): string[] | undefined {
  const strings = parts(type).filter((t) => t.flags & ts.TypeFlags.StringLike);
  if (strings.length === 0 || !strings.every((t) => t.isStringLiteral())) return undefined;
  return strings.map((t) => (t as ts.StringLiteralType).value);
}

const sorted = (values: Iterable<unknown>) => [...values].map(String).sort().join(', ');

export type Mode = 'stored' | 'input';

/** Fields one side has and the other does not, by name, each with its reason. */
export interface Exceptions {
  /** Schema fields the type does not keep, with where their value comes from instead (mode `stored`). */
  notKept?: Record<string, string>;
  /** Type fields the schema does not have, with what they are for (mode `stored`). */
  extra?: Record<string, string>;
}

/** Compares one value type with its schema; returns the problems, each naming its path. */
export function compareValue(checker: ts.TypeChecker, type: ts.Type, schema: Schema, mode: Mode, at: string): string[] {
  const problems: string[] = [];
  const got = typeFamilies(checker, type);
  const want = schemaFamilies(schema);
  if (sorted(got) !== sorted(want)) return [`${at}: the type is ${sorted(got)}, the spec says ${sorted(want)}`];
  const literals = stringLiterals(type);
  const stringSchema = schemaOf(schema, 'string');
  if (literals && Array.isArray(stringSchema?.enum) && sorted(literals) !== sorted(stringSchema.enum)) {
    problems.push(`${at}: the type allows ${sorted(literals)}, the spec's enum is ${sorted(stringSchema.enum)}`);
  }
  if (literals && !Array.isArray(stringSchema?.enum)) problems.push(`${at}: the type allows ${sorted(literals)} only, the spec any string`);
  if (got.has('array')) {
    const items = schemaOf(schema, 'array')?.items;
    for (const member of typeOf(checker, type, 'array')) {
      const element = member.getNumberIndexType();
      if (items && element) problems.push(...compareValue(checker, element, items, mode, `${at}[]`));
    }
  }
  if (got.has('object')) {
    const objectSchema = schemaOf(schema, 'object');
    for (const member of typeOf(checker, type, 'object')) {
      const values = member.getStringIndexType();
      if (values && checker.getPropertiesOfType(member).length === 0) {
        // A map (Record<string, …>): its values against the schema's additionalProperties.
        const additional = objectSchema?.additionalProperties;
        if (additional === false) problems.push(`${at}: the type is a map, the spec allows no other keys`);
        else if (typeof additional === 'object') problems.push(...compareValue(checker, values, additional, mode, `${at}{}`));
        else if (!(values.flags & ts.TypeFlags.Unknown)) problems.push(`${at}: the spec allows values of any kind, the type only some`);
      } else if (objectSchema?.properties) {
        problems.push(...compareObject(checker, member, objectSchema, mode, at));
      } else {
        problems.push(`${at}: the type has fields, the spec declares none`);
      }
    }
  }
  return problems;
}

/** Compares an object type with an object schema, field by field (see the modes above). */
export function compareObject(checker: ts.TypeChecker, type: ts.Type, schema: Schema, mode: Mode, at: string, exceptions: Exceptions = {}): string[] {
  const problems: string[] = [];
  const fields = new Map(checker.getPropertiesOfType(type).map((symbol) => [symbol.name, symbol]));
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const notKept = exceptions.notKept ?? {};
  const extra = exceptions.extra ?? {};
  for (const name of [...Object.keys(notKept), ...Object.keys(extra)]) {
    if (name in notKept && fields.has(name)) problems.push(`${at}.${name}: listed as not kept, but the type has it`);
    if (name in notKept && !(name in properties)) problems.push(`${at}.${name}: listed as not kept, but the spec has no such field`);
    if (name in extra && !fields.has(name)) problems.push(`${at}.${name}: listed as extra, but the type has no such field`);
    if (name in extra && name in properties) problems.push(`${at}.${name}: listed as extra, but the spec has it`);
  }
  if (mode === 'stored') {
    for (const name of Object.keys(properties)) {
      if (!fields.has(name) && !(name in notKept)) problems.push(`${at}.${name}: in the spec, neither kept nor listed as not kept`);
    }
  }
  for (const [name, symbol] of fields) {
    const property = properties[name];
    if (!property) {
      if (!(name in extra)) problems.push(`${at}.${name}: not in the spec${mode === 'stored' ? ', nor listed as extra' : ''}`);
      continue;
    }
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    if (required.has(name) && optional) problems.push(`${at}.${name}: required by the spec, optional in the type`);
    if (mode === 'input' && !required.has(name) && !optional) problems.push(`${at}.${name}: optional in the spec, required in the type`);
    problems.push(...compareValue(checker, checker.getTypeOfSymbol(symbol), property, mode, `${at}.${name}`));
  }
  return problems;
}
