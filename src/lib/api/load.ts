/** Node-only loader for the single source of truth. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { OpenApiDocument } from './model';

/**
 * openapi/openapi.yaml of this repository. Found from this file's folder where
 * the runtime gives one (CommonJS, jiti, vitest, Playwright), else from the
 * working directory (the repository root, where every script runs): an ES
 * module run by tsx may see a `__dirname` that is not a real folder.
 */
const ROOT = typeof __dirname === 'string' && path.isAbsolute(__dirname) ? path.resolve(__dirname, '../../..') : process.cwd();
export const SPEC_PATH = path.join(ROOT, 'openapi', 'openapi.yaml');

let cached: OpenApiDocument | undefined;

/** Parses openapi/openapi.yaml once per process. */
export function loadSpec(file: string = SPEC_PATH): OpenApiDocument {
  if (file === SPEC_PATH && cached) return cached;
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (file === SPEC_PATH) cached = doc;
  return doc;
}

let current: { mtimeMs: number; size: number; doc: OpenApiDocument } | undefined;

/**
 * The spec as it is on disk now: re-parsed only when the file changed (mtime or
 * size). For long-lived build processes (the dev server's remark plugin), so an
 * edit to openapi/openapi.yaml reaches the pages without a restart.
 */
export function loadCurrentSpec(file: string = SPEC_PATH): OpenApiDocument {
  const { mtimeMs, size } = statSync(file);
  if (current && current.mtimeMs === mtimeMs && current.size === size && file === SPEC_PATH) return current.doc;
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (file === SPEC_PATH) current = { mtimeMs, size, doc };
  return doc;
}
