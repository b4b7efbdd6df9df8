/**
 * The snippets of every documented request on the site, run for real: the
 * cURL, JavaScript (fetch, in node) and Python (requests) snippets are sent to
 * a seeded sandbox on 127.0.0.1 and must get the same status and body as the
 * "try it" panel gets (the same request through the app, on fresh data).
 *
 * Every documented example request is run; an operation without response
 * examples (the two 204 DELETEs) runs its `exampleRequest` and must get its
 * `successStatus` and an empty body. Both sandboxes run on the spec's fixed
 * clock and generate ids per API key, so requests that create something (new
 * uuids, createdAt "now") still get identical answers from both.
 *
 * Batched: one process per language runs every documented request (see
 * src/lib/snippets/runtimes.ts). Each request goes to its own path prefix
 * (`/c<index>/v1/…`), behind which a fresh sandbox answers, so every request
 * still meets fresh seed data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { buildRequest } from '../../src/lib/request/build';
import { generateSnippet } from '../../src/lib/snippets';
import { batchRuntimeMissing, parseOutput, splitBatchOutput, writeBatch, type BatchRuntime } from '../../src/lib/snippets/runtimes';
import type { OperationModel, RequestValues } from '../../src/lib/api/types';
import { createApp, type SandboxApp } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { documentedClock } from '../src/spec';

/** The spec's fixed clock, for both the served sandboxes and the in-process one. */
const SPEC_CLOCK = documentedClock(loadSpec());
const now = (): number => SPEC_CLOCK;

const RUNTIMES = ['curl under sh', 'javascript', 'python'] as const satisfies readonly BatchRuntime[];
const TARGET = { 'curl under sh': 'curl', javascript: 'javascript', python: 'python' } as const;

function run(file: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A server whose `/c<index>` prefix leads to a fresh sandbox of its own, made on the first request. */
async function withSandboxes<T>(fn: (origin: string) => Promise<T>): Promise<T> {
  const apps = new Map<number, SandboxApp>();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        fetch: async (request: Request, env: unknown) => {
          const url = new URL(request.url);
          const match = /^\/c(\d+)(\/.*)$/.exec(url.pathname);
          if (!match) return new Response('no such case', { status: 404 });
          const index = Number(match[1]);
          const app = apps.get(index) ?? createApp({ reportError: () => undefined, now });
          apps.set(index, app);
          url.pathname = match[2]!;
          const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
          return app.fetch(new Request(url, { method: request.method, headers: request.headers, body }), env);
        },
      },
      () => resolve(s),
    );
  });
  try {
    const { port } = server.address() as AddressInfo;
    return await fn(`http://127.0.0.1:${port}`);
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

  for (const runtime of RUNTIMES) {
    const target = TARGET[runtime];
    const missing = batchRuntimeMissing(runtime);
    it.skipIf(missing !== undefined && !process.env.CI)(`${target}: every documented request gets the panel's answer (one process)`, async () => {
      const scratch = mkdtempSync(join(tmpdir(), `sandbox-snippets-${target}-`));
      try {
        await withSandboxes(async (origin) => {
          const sent = cases.map((c, i) => buildRequest(c.op, c.request, { baseUrl: `${origin}/c${i}/v1`, apiKey: DOCS_DEMO_API_KEY }));
          const [file, args] = writeBatch(runtime, sent.map((req) => generateSnippet(target, req)), scratch);
          const outputs = splitBatchOutput(await run(file, args, scratch), cases.length);
          for (const [i, { op, request, status, name }] of cases.entries()) {
            // The panel's request, as the sandbox behind the prefix sees it.
            const req = buildRequest(op, request, { baseUrl: `${origin}/v1`, apiKey: DOCS_DEMO_API_KEY });
            const expected = await playground(req.url, { method: req.method, headers: req.headers, body: req.body });
            let actual: { status: number; body: string };
            try {
              actual = parseOutput(target, outputs[i] ?? '');
            } catch (error) {
              expect.soft(String(error), name).toBe('');
              continue;
            }
            expect.soft(actual.status, name).toBe(expected.status);
            expect.soft(actual.status, name).toBe(status);
            if (status === 204) {
              expect.soft(actual.body, name).toBe('');
              expect.soft(expected.body, name).toBe('');
            } else {
              expect.soft(JSON.parse(actual.body), name).toEqual(JSON.parse(expected.body));
            }
          }
        });
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
