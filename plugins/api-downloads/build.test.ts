/**
 * The downloads: the spec itself, and a Postman collection whose every request
 * carries the documented values (no converter placeholders, no made-up ids), a
 * status test, `{{baseUrl}}` and `{{apiKey}}`, in an order that runs on fresh
 * data. (newman.test.ts runs it against the sandbox.)
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import type { OperationModel } from '../../src/lib/api/types';
import { buildDownloads } from './build';
import { operationOf, requestsInOrder, runOrder, stableId, type PostmanCollection, type PostmanItem, type PostmanRequest } from './postman';

interface Item {
  name: string;
  item?: Item[];
  request?: { method: string; url: { path?: string[]; raw?: string }; auth?: unknown };
}

const flatten = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? flatten(i.item) : [i]));
const ops = operationModels(loadSpec());
const collectionText = async () => (await buildDownloads())['callbell-api.postman_collection.json'];

/** What a request sends: path values, the query parameters that are on, the parsed body. */
function sent(request: PostmanRequest) {
  return {
    path: Object.fromEntries((request.url.variable ?? []).map((v) => [v.key, v.value])),
    query: (request.url.query ?? []).filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`).sort(),
    body: request.body?.raw === undefined ? undefined : (JSON.parse(request.body.raw) as unknown),
  };
}

/** The same, from the spec's documented values. */
function documented(op: OperationModel, values = op.exampleRequest) {
  return {
    path: values.path ?? {},
    query: Object.entries(values.query ?? {}).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).sort(),
    body: values.body === undefined ? undefined : (JSON.parse(values.body) as unknown),
  };
}

describe('API downloads', () => {
  it('ships the spec itself, in YAML and JSON', async () => {
    const files = await buildDownloads();
    expect(parse(files['openapi.yaml'])).toEqual(loadSpec());
    expect(JSON.parse(files['openapi.json'])).toEqual(loadSpec());
    // the first build loads the Postman converter: slow on a busy machine
  }, 60_000);

  it('converts every operation into the Postman collection, with the key as a variable', async () => {
    const files = await buildDownloads();
    const collection = JSON.parse(files['callbell-api.postman_collection.json']) as { item: Item[]; auth: unknown; variable: Array<{ key: string; value: string }> };
    const requests = flatten(collection.item);
    expect(requests).toHaveLength(ops.length);
    const methods = requests.map((r) => r.request!.method).sort();
    expect(methods).toEqual(ops.map((o) => o.method).sort());
    expect(collection.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] });
    expect(collection.variable.find((v) => v.key === 'apiKey')?.value).toBe('');
    expect(files['callbell-api.postman_collection.json']).not.toContain('test_gshuPaZoeEG6ovbc8M79w0QyM');
  });
});

describe('the Postman collection carries the documented values', () => {
  it('every request sends exactly its documented path ids, query values and body, to {{baseUrl}}', async () => {
    const collection = JSON.parse(await collectionText()) as PostmanCollection;
    expect((collection.variable as Array<{ key: string; value: string }>).find((v) => v.key === 'baseUrl')?.value).toBe('https://api.callbell.eu/v1');
    const seen = new Set<string>();
    for (const item of requestsInOrder(collection)) {
      const op = operationOf(item.request!, ops);
      seen.add(op.request);
      expect(item.request!.url.host, op.request).toEqual(['{{baseUrl}}']);
      expect(sent(item.request!), op.request).toEqual(documented(op));
    }
    expect(seen.size).toBe(ops.length);
  });

  it('its saved responses are the documented examples, each with the request that produces it, then the documented errors', async () => {
    const collection = JSON.parse(await collectionText()) as PostmanCollection;
    for (const item of requestsInOrder(collection)) {
      const op = operationOf(item.request!, ops);
      const responses = item.response ?? [];
      const successes = responses.filter((r) => r.code < 300);
      if (op.examples.length === 0) {
        expect(successes.map((r) => [r.code, r.body])).toEqual([[op.successStatus, undefined]]);
      } else {
        expect(successes.map((r) => r.name)).toEqual(op.examples.map((e) => e.summary));
        op.examples.forEach((example, i) => {
          expect(JSON.parse(successes[i]!.body!), `${op.request} ${example.name}`).toEqual(example.value);
          expect(sent(successes[i]!.originalRequest), `${op.request} ${example.name}`).toEqual(documented(op, example.request));
        });
      }
      const errors = responses.filter((r) => r.code >= 400);
      expect(errors.length, op.request).toBeGreaterThan(0);
      for (const error of errors) {
        const body = JSON.parse(error.body!) as { error: { status: number; code: string } };
        expect(body.error.status).toBe(error.code);
        expect(error.name.startsWith(`${error.code} ${body.error.code}: `)).toBe(true);
      }
    }
  });

  it('holds no converter placeholder and no id the spec does not document', async () => {
    const text = await collectionText();
    expect(text).not.toMatch(/"<[a-z][a-z,-]*>"|<string>|<boolean>|<integer>|<uuid>/);
    const collection = JSON.parse(text) as PostmanCollection;
    const spec = (await buildDownloads())['openapi.yaml'];
    const requestTexts = requestsInOrder(collection).flatMap((item) => [item.request!, ...(item.response ?? []).map((r) => r.originalRequest)]).map((r) => JSON.stringify(sent(r)));
    const ids = new Set(requestTexts.join('\n').match(/[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
    expect(ids.size).toBeGreaterThan(10);
    expect([...ids].filter((id) => !spec.includes(id))).toEqual([]);
  });

  it('every request tests its documented success status', async () => {
    const collection = JSON.parse(await collectionText()) as PostmanCollection;
    for (const item of requestsInOrder(collection)) {
      const op = operationOf(item.request!, ops);
      expect(item.event, op.request).toEqual([
        { listen: 'test', script: { type: 'text/javascript', exec: expect.arrayContaining([`  pm.response.to.have.status(${op.successStatus});`]) as unknown } },
      ]);
    }
  });

  it('no request runs after a DELETE of an id it names', async () => {
    const order = requestsInOrder(JSON.parse(await collectionText()) as PostmanCollection).map((item) => operationOf(item.request!, ops));
    order.forEach((op, i) => {
      if (op.method !== 'DELETE') return;
      const deleted = Object.values(op.exampleRequest.path ?? {});
      for (const later of order.slice(i + 1)) {
        const names = JSON.stringify(later.exampleRequest);
        expect(deleted.filter((id) => names.includes(id)), `${later.request} after ${op.request}`).toEqual([]);
      }
    });
  });

  it('is the same file at every build (ids derived from the operations)', async () => {
    expect(await collectionText()).toBe(await collectionText());
    expect(stableId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(stableId('a')).not.toBe(stableId('b'));
  });
});

describe('runOrder', () => {
  const pick = (...ids: string[]) => ids.map((id) => ops.find((o) => o.request === id)!);
  const item = (op: OperationModel): PostmanItem => ({
    name: op.request,
    request: { method: op.method, url: { path: op.path.slice(1).split('/').map((s) => s.replace(/^\{(.+)\}$/, ':$1')) } },
  });
  const names = (items: PostmanItem[]): unknown => items.map((i) => (i.item ? [i.name, names(i.item)] : i.name));

  it('moves a folder after the one naming an id it deletes, and keeps every other order', () => {
    const statuses: PostmanItem = { name: 'statuses', item: pick('get_custom_statuses', 'delete_custom_status').map(item) };
    const users: PostmanItem = { name: 'users', item: pick('put_user_status', 'delete_user_status').map(item) };
    const plan: PostmanItem = { name: 'plan', item: pick('get_plan').map(item) };
    expect(names(runOrder([statuses, plan, users], ops))).toEqual([
      ['plan', ['get_plan']],
      ['users', ['put_user_status', 'delete_user_status']],
      ['statuses', ['get_custom_statuses', 'delete_custom_status']],
    ]);
  });

  it('puts a DELETE after the requests of its folder that name its id', () => {
    expect(names(runOrder(pick('delete_message', 'get_message_status', 'post_messages').map(item), ops))).toEqual([
      'get_message_status',
      'delete_message',
      'post_messages',
    ]);
  });

  it('refuses folders that would each have to run first', () => {
    const a: PostmanItem = { name: 'a', item: pick('put_user_status', 'delete_message').map(item) };
    const b: PostmanItem = { name: 'b', item: pick('get_message_status', 'delete_custom_status').map(item) };
    expect(() => runOrder([a, b], ops)).toThrow(/No order runs these requests on fresh data: a, b/);
  });
});
