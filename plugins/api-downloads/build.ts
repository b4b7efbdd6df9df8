/**
 * Builds the downloadable API files from openapi/openapi.yaml: the spec as
 * YAML and JSON, and a Postman collection converted by openapi-to-postmanv2
 * and finished by ./postman.ts (documented values, saved examples, a status
 * test per request, an order that runs on fresh data). The API key is a
 * collection variable (`apiKey`), never a value; the base URL is the
 * variable `baseUrl` (production by default; point it at the sandbox to run
 * the collection there).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SPEC_PATH } from '../../src/lib/api/load';
import type { OpenApiDocument } from '../../src/lib/api/model';
import { finishCollection, type PostmanCollection } from './postman';

export interface ApiDownloads {
  'openapi.yaml': string;
  'openapi.json': string;
  'callbell-api.postman_collection.json': string;
}

interface PostmanResult {
  result: boolean;
  reason?: string;
  output?: Array<{ type: string; data: Record<string, unknown> }>;
}

export async function buildDownloads(specPath: string = SPEC_PATH): Promise<ApiDownloads> {
  const yamlText = readFileSync(specPath, 'utf8');
  const spec = parse(yamlText) as Record<string, unknown>;
  const jsonText = `${JSON.stringify(spec, null, 2)}\n`;
  const { default: converter } = (await import('openapi-to-postmanv2')) as unknown as {
    default: { convertV2: (input: object, options: object, cb: (err: Error | null, res: PostmanResult) => void) => void };
  };
  const result = await new Promise<PostmanResult>((resolve, reject) =>
    converter.convertV2(
      // The converter resolves references in place: give it its own copy.
      { type: 'json', data: structuredClone(spec) },
      { folderStrategy: 'Tags', requestParametersResolution: 'Example', exampleParametersResolution: 'Example', includeAuthInfoInExample: false },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
  if (!result.result || !result.output?.[0]) throw new Error(`Postman conversion failed: ${result.reason ?? 'no output'}`);
  const collection = finishCollection(result.output[0].data as unknown as PostmanCollection, spec as unknown as OpenApiDocument);
  // The key stays a variable the user fills in Postman.
  collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] };
  const variables = (Array.isArray(collection.variable) ? collection.variable : []) as Array<{ key: string }>;
  collection.variable = [...variables.filter((v) => v.key !== 'apiKey'), { key: 'apiKey', value: '', type: 'string' }];
  return {
    'openapi.yaml': yamlText,
    'openapi.json': jsonText,
    'callbell-api.postman_collection.json': `${JSON.stringify(collection, null, 2)}\n`,
  };
}
