import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { buildDownloads } from './build';

interface Item {
  name: string;
  item?: Item[];
  request?: { method: string; url: { path?: string[]; raw?: string }; auth?: unknown };
}

const flatten = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? flatten(i.item) : [i]));

describe('API downloads', () => {
  it('ships the spec itself, in YAML and JSON', async () => {
    const files = await buildDownloads();
    expect(parse(files['openapi.yaml'])).toEqual(loadSpec());
    expect(JSON.parse(files['openapi.json'])).toEqual(loadSpec());
  });

  it('converts every operation into the Postman collection, with the key as a variable', async () => {
    const files = await buildDownloads();
    const collection = JSON.parse(files['callbell-api.postman_collection.json']) as { item: Item[]; auth: unknown; variable: Array<{ key: string; value: string }> };
    const requests = flatten(collection.item);
    const ops = operationModels(loadSpec());
    expect(requests).toHaveLength(ops.length);
    const methods = requests.map((r) => r.request!.method).sort();
    expect(methods).toEqual(ops.map((o) => o.method).sort());
    expect(collection.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] });
    expect(collection.variable.find((v) => v.key === 'apiKey')?.value).toBe('');
    expect(files['callbell-api.postman_collection.json']).not.toContain('test_gshuPaZoeEG6ovbc8M79w0QyM');
  });
});
