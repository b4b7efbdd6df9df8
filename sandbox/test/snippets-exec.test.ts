/**
 * The snippets of every documented request on the site, run for real: the
 * cURL, JavaScript (fetch, in node) and Python (requests) snippets are sent to
 * a freshly seeded sandbox on 127.0.0.1 and must get the same status and body
 * as the "try it" panel gets (the same request through the app, on fresh data).
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
import { createApp } from '../src/app';
import { DOCS_DEMO_API_KEY } from '../src/keys';

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
  const app = createApp({ reportError: () => undefined });
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
  const app = createApp({ reportError: () => undefined });
  const response = await app.request(url, init);
  return { status: response.status, body: await response.text() };
}

const cases = operationModels(loadSpec()).flatMap((op) =>
  op.examples.map((example) => ({ op, example, name: `${op.method} ${op.path} (${op.request}/${example.name})` })),
);

describe('snippets run against the sandbox', () => {
  it('covers every documented request', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { op, example, name } of cases) {
    for (const target of ['curl', 'javascript', 'python'] as const) {
      it.skipIf(!runnable[target] && !process.env.CI)(`${target}: ${name}`, async () => {
        await withSandbox(async (baseUrl) => {
          const req = buildRequest(op, example.request, { baseUrl, apiKey: DOCS_DEMO_API_KEY });
          const expected = await playground(req.url, { method: req.method, headers: req.headers, body: req.body });
          const actual = parseOutput(target, await run(target, generateSnippet(target, req)));
          expect(actual.status).toBe(expected.status);
          expect(actual.status).toBe(example.status);
          expect(JSON.parse(actual.body)).toEqual(JSON.parse(expected.body));
        });
      }, 30_000);
    }
  }
});
