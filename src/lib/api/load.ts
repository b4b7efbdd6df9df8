/** Node-only loader for the single source of truth. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from 'yaml';
import type { OpenApiDocument } from './model';

export const SPEC_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../openapi/openapi.yaml');

let cached: OpenApiDocument | undefined;

/** Parses openapi/openapi.yaml once per process. */
export function loadSpec(file: string = SPEC_PATH): OpenApiDocument {
  if (file === SPEC_PATH && cached) return cached;
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (file === SPEC_PATH) cached = doc;
  return doc;
}
