/**
 * Handlers read their input with declared types (`handler<{ query; path;
 * body }>` in src/routes/*.ts) and never convert it again: the validators
 * already gave every value the type of its schema. This test reads each
 * declaration with the TypeScript compiler and checks it against the
 * operation in the spec: every declared parameter exists there in that
 * location with the same type family (./type-shapes.ts), optional exactly
 * when the spec lets it be absent (not required and no default); a declared
 * body agrees with the body schema the same way. Every operation with
 * parameters or a body has a declaration.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../../src/lib/api/types';
import { compareObject, compareValue, createTypeProgram } from './type-shapes';
import { op, ops } from './helpers';

const ROUTES = 'sandbox/src/routes';
const files = readdirSync(path.resolve(import.meta.dirname, '../src/routes'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `${ROUTES}/${f}`);
const program = createTypeProgram(files);
const checker = program.getTypeChecker();

/** `operationId: handler<T>(…)` in the route modules: T by operationId. */
function declarations(): Map<string, ts.Type> {
  const found = new Map<string, ts.Type>();
  for (const file of files) {
    const source = program.getSourceFile(path.resolve(import.meta.dirname, '../..', file))!;
    const visit = (node: ts.Node): void => {
      if (
        ts.isPropertyAssignment(node) &&
        ts.isCallExpression(node.initializer) &&
        ts.isIdentifier(node.initializer.expression) &&
        node.initializer.expression.text === 'handler'
      ) {
        const [declared] = node.initializer.typeArguments ?? [];
        if (!declared) throw new Error(`${file}: handler without a declared input type`);
        found.set(node.name.getText(source), checker.getTypeFromTypeNode(declared));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function problemsOf(operation: OperationModel, declared: ts.Type): string[] {
  const problems: string[] = [];
  for (const location of ['query', 'path'] as const) {
    const part = declared.getProperty(location);
    if (!part) continue;
    for (const field of checker.getPropertiesOfType(checker.getTypeOfSymbol(part))) {
      const at = `${operation.request} ${location}.${field.name}`;
      const param = operation.params.find((p) => p.in === location && p.name === field.name);
      if (!param) {
        problems.push(`${at}: no such parameter in the spec`);
        continue;
      }
      const optional = (field.flags & ts.SymbolFlags.Optional) !== 0;
      const alwaysThere = param.required || param.schema.default !== undefined;
      if (optional === alwaysThere) problems.push(`${at}: ${alwaysThere ? 'always there (required or defaulted)' : 'may be absent'}, declared ${optional ? 'optional' : 'required'}`);
      problems.push(...compareValue(checker, checker.getTypeOfSymbol(field), param.schema, 'input', at));
    }
  }
  const body = declared.getProperty('body');
  if (body) {
    if (!operation.body) problems.push(`${operation.request}: declares a body, the spec has none`);
    else problems.push(...compareObject(checker, checker.getTypeOfSymbol(body), operation.body.schema, 'input', `${operation.request} body`));
  }
  return problems;
}

describe('handler input declarations agree with the spec', () => {
  const declared = declarations();

  it('every operation with parameters or a body declares what its handler reads', () => {
    const reads = (o: OperationModel) => o.body !== undefined || o.params.some((p) => p.in === 'query' || p.in === 'path');
    expect(ops.filter(reads).map((o) => o.request).filter((id) => !declared.has(id))).toEqual([]);
    expect([...declared.keys()].filter((id) => !ops.some((o) => o.request === id))).toEqual([]);
  });

  it.each(ops.map((o) => o.request).filter((id) => declared.has(id)))('%s', (operationId) => {
    expect(problemsOf(op(operationId), declared.get(operationId)!)).toEqual([]);
  });
});
