/**
 * The downloadable Postman collection runs. newman (Postman's runner, used as
 * a library) runs the generated file, as downloaded, against a freshly seeded
 * sandbox (memory store) served on 127.0.0.1 on a port of its own, with
 * `baseUrl` and `apiKey` set as environment variables, the way a user points
 * it at the sandbox. Every one of the 40 requests, in the collection's order,
 * gets its documented success status: the status codes newman saw and the
 * collection's own test scripts both say so.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { run, type NewmanRunSummary } from 'newman';
import type { CollectionDefinition } from 'postman-collection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { createSandbox, type Sandbox } from '../../sandbox/src/app';
import { DOCS_DEMO_API_KEY } from '../../sandbox/src/keys';
import { buildDownloads } from './build';
import { operationOf, requestsInOrder, type PostmanCollection } from './postman';

const ops = operationModels(loadSpec());
let sandbox: Sandbox;
let server: ServerType;
let baseUrl: string;

beforeAll(async () => {
  sandbox = createSandbox({ store: { kind: 'memory' }, reportError: () => undefined });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: sandbox.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sandbox.close();
});

function runCollection(collection: CollectionDefinition): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    run(
      {
        collection,
        envVar: [
          { key: 'baseUrl', value: baseUrl },
          { key: 'apiKey', value: DOCS_DEMO_API_KEY },
        ],
        reporters: [],
        timeoutRequest: 10_000,
        ignoreRedirects: true,
      },
      (err, summary) => (err ? reject(err) : resolve(summary)),
    );
  });
}

describe('the Postman collection, run with newman against a fresh sandbox', () => {
  it('gets the documented success status for every request, in order', async () => {
    const text = (await buildDownloads())['callbell-api.postman_collection.json'];
    const collection = JSON.parse(text) as PostmanCollection;
    const expected = requestsInOrder(collection).map((item) => {
      const op = operationOf(item.request!, ops);
      return { name: item.name, operation: op.request, status: op.successStatus };
    });
    expect(expected).toHaveLength(ops.length);

    const summary = await runCollection(JSON.parse(text) as CollectionDefinition);
    const got = summary.run.executions.map((execution, i) => ({
      name: execution.item.name,
      operation: expected[i]?.operation,
      status: execution.response?.code,
    }));
    expect(got).toEqual(expected);

    const failed = summary.run.executions.flatMap((execution) =>
      (execution.assertions ?? []).filter((a) => a.error).map((a) => `${execution.item.name}: ${a.assertion} (${a.error?.message ?? ''})`),
    );
    expect(failed).toEqual([]);
    expect(summary.run.stats.assertions.total).toBe(ops.length);
    expect(summary.run.failures).toEqual([]);
  }, 120_000);
});
