/** Node-only loader for the single source of truth. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { OpenApiDocument } from './model';

/**
 * openapi/openapi.yaml of this repository. Found from this file's folder where
 * the runtime gives one (CommonJS, jiti, vitest, Playwright), else from the
 * working directory (the repository root, where every script runs).
 */
const ROOT = typeof __dirname === 'string' ? path.resolve(__dirname, '../../..') : process.cwd();
export const SPEC_PATH = path.join(ROOT, 'openapi', 'openapi.yaml');

let cached: OpenApiDocument | undefined;

/** Parses openapi/openapi.yaml once per process. */
export function loadSpec(file: string = SPEC_PATH): OpenApiDocument {
  if (file === SPEC_PATH && cached) return cached;
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (file === SPEC_PATH) cached = doc;
  return doc;
}
