/**
 * The snippets of every documented request on the site, run for real: the
 * cURL, JavaScript (fetch, in node) and Python (requests) snippets are sent to
 * a freshly seeded sandbox on 127.0.0.1 and must get the same status and body
 * as the "try it" panel gets (the same request through the app, on fresh data).
 *
 * Every documented example request is run; an operation without response
 * examples (the two 204 DELETEs) runs its `exampleRequest` and must get its
 * `successStatus` and an empty body. Both sandboxes run on the spec's fixed
 * clock and generate ids per API key, so requests that create something (new
 * uuids, createdAt "now") still get identical answers from both.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { buildRequest } from '../../src/lib/request/build';
import { generateSnippet, type TargetId } from '../../src/lib/snippets';
import { hasCurl, parseOutput, pythonWithRequests } from '../../src/lib/snippets/runtimes';
import type { OperationModel, RequestValues } from '../../src/lib/api/types';
import { createApp } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { documentedClock } from '../src/spec';

/** The spec's fixed clock, for both the served sandbox and the in-process one. */
const SPEC_CLOCK = documentedClock(loadSpec());
const now = (): number => SPEC_CLOCK;

const PYTHON = pythonWithRequests();
const runnable: Record<'curl' | 'javascript' | 'python', boolean> = {
  curl: hasCurl(),
  javascript: true,
  python: PYTHON !== undefined,
};

function run(target: TargetId, snippet: string): Promise<string> {
  const [file, args] =
    target === 'curl'
      ? ['sh', ['-c', snippet]]
      : target === 'python'
        ? [PYTHON ?? 'python3', ['-c', snippet]]
        : [process.execPath, ['--input-type=module', '-e', snippet]];
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 20_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${target} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

async function withSandbox<T>(fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const app = createApp({ reportError: () => undefined, now });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  try {
    const { port } = server.address() as AddressInfo;
    return await fn(`http://127.0.0.1:${port}/v1`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** What the panel gets: the same request, in-process, against fresh seed data. */
async function playground(url: string, init: RequestInit): Promise<{ status: number; body: string }> {
  const app = createApp({ reportError: () => undefined, now });
  const response = await app.request(url, init);
  return { status: response.status, body: await response.text() };
}

interface Case {
  op: OperationModel;
  request: RequestValues;
  status: number;
  name: string;
}

const cases: Case[] = operationModels(loadSpec()).flatMap((op): Case[] =>
  op.examples.length > 0
    ? op.examples.map((example) => ({
        op,
        request: example.request,
        status: example.status,
        name: `${op.method} ${op.path} (${op.request}/${example.name})`,
      }))
    : [{ op, request: op.exampleRequest, status: op.successStatus, name: `${op.method} ${op.path} (${op.request}, no body)` }],
);

describe('snippets run against the sandbox', () => {
  it('covers every documented request of every operation', () => {
    const ops = operationModels(loadSpec());
    expect(new Set(cases.map((c) => c.op.request)).size).toBe(ops.length);
    expect(cases.length).toBe(ops.reduce((n, op) => n + Math.max(1, op.examples.length), 0));
  });

  for (const { op, request, status, name } of cases) {
    for (const target of ['curl', 'javascript', 'python'] as const) {
      it.skipIf(!runnable[target] && !process.env.CI)(`${target}: ${name}`, async () => {
        await withSandbox(async (baseUrl) => {
          const req = buildRequest(op, request, { baseUrl, apiKey: DOCS_DEMO_API_KEY });
          const expected = await playground(req.url, { method: req.method, headers: req.headers, body: req.body });
          const actual = parseOutput(target, await run(target, generateSnippet(target, req)));
          expect(actual.status).toBe(expected.status);
          expect(actual.status).toBe(status);
          if (status === 204) {
            expect(actual.body).toBe('');
            expect(expected.body).toBe('');
          } else {
            expect(JSON.parse(actual.body)).toEqual(JSON.parse(expected.body));
          }
        });
      }, 30_000);
    }
  }
});
