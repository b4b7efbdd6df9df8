/**
 * Execution proof: the snippets of every fixture and of the whole hostile
 * corpus (__fixtures__/corpus.ts) are run, wherever an interpreter exists
 * (cURL under sh — dash on Debian —, bash, an interactive bash reading the
 * commands as typed input (like a paste) and zsh; node for fetch and
 * node:http; python3 + requests; java; php + ext-curl; ruby), against a local
 * node:http server that must receive exactly the method, path + query,
 * headers and body bytes of each request.
 *
 * Batched: one process per runtime runs the whole corpus (one generated shell
 * script, one node driver importing every snippet, one python driver, one
 * javac + one java, …), so CI pays a few process starts, not one per value.
 * Each request goes to its own path prefix (`/c<index>`), so every case is
 * checked on its own.
 *
 * Runs in a scratch directory with HOME pointing into it, so even a quoting
 * bug that executed `$(rm -rf ~)` or `touch pwned` could only touch scratch
 * files — and the test checks that neither happened. The working directory
 * holds a planted `secret.txt`, which an `@secret.txt` body must not send.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type ExpectStatic } from 'vitest';
import type { NormalizedRequest } from '../api/types';
import { corpus } from './__fixtures__/corpus';
import { fixtureNames, fixtures } from './__fixtures__/requests';
import { generateSnippet } from './index';
import { BATCH_TARGET, batchRuntimeMissing, writeBatch, type BatchRuntime } from './runtimes';

const RESPONSE_STATUS = 201;
const RESPONSE_BODY = '{"ok":true,"name":"Zoë 日本 🚀 \'$(x)\'"}';
const SECRET = 'TOP SECRET: a curl that reads @secret.txt sends this';

interface Case {
  name: string;
  request: NormalizedRequest;
}

const cases: Case[] = [
  ...fixtureNames.map((name) => ({ name: `fixture: ${name}`, request: fixtures[name] })),
  ...corpus.map(({ name, request }) => ({ name, request })),
];

interface Received {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

/** fetch, node:http and Ruby's URI send the URL WHATWG-normalised (`'` -> `%27` in the query); the others byte for byte. */
const WHATWG_URL: ReadonlySet<BatchRuntime> = new Set(['javascript', 'node', 'ruby']);
/** In CI the runtimes the issue requires must run; the others may be missing there. */
const REQUIRED_IN_CI: ReadonlySet<BatchRuntime> = new Set(['curl under sh', 'curl under bash', 'curl under interactive bash', 'javascript', 'node', 'python']);
const RUNTIMES: BatchRuntime[] = [
  'curl under sh',
  'curl under bash',
  'curl under interactive bash',
  'curl under zsh',
  'javascript',
  'node',
  'python',
  'java',
  'php',
  'ruby',
];

/** Runs `fn` with a server on 127.0.0.1 that files each request under its `/c<index>` prefix. */
async function withServer<T>(fn: (origin: string) => Promise<T>): Promise<{ result: T; received: Map<number, Received[]> }> {
  const received = new Map<number, Received[]>();
  // Long hostile URLs: allow a request line up to 1 MiB (the default is 16 KiB).
  const server = createServer({ maxHeaderSize: 1 << 20 }, (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/c(\d+)(\/.*)$/s.exec(req.url ?? '');
      const index = match ? Number(match[1]) : -1;
      const list = received.get(index) ?? [];
      list.push({ method: req.method ?? '', url: match?.[2] ?? req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
      received.set(index, list);
      res.writeHead(RESPONSE_STATUS, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(RESPONSE_BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const result = await fn(`http://127.0.0.1:${port}`);
    return { result, received };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The path + query of a URL exactly as written (no URL-parser normalisation). */
function rawPathAndQuery(url: string): string {
  const afterScheme = url.indexOf('//') + 2;
  const slash = url.indexOf('/', afterScheme);
  return slash === -1 ? '/' : url.slice(slash);
}

/** The request sent to `origin` under the case's own prefix. */
function pointAt(req: NormalizedRequest, origin: string, index: number): NormalizedRequest {
  const prefix = `${origin}/c${index}`;
  return { ...req, url: prefix + rawPathAndQuery(req.url), baseUrl: prefix + rawPathAndQuery(req.baseUrl) };
}

function run(file: string, args: string[], cwd: string, home: string): Promise<{ stdout: string; stderr: string }> {
  // A minimal environment: no proxy settings, UTF-8 everywhere, HOME in the scratch dir.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8', NO_PROXY: '*', no_proxy: '*' };
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env, timeout: 300_000, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${error.message}\n--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Decoded `name=value` pairs of a query string, split on the raw `&` and `=`. */
function decodedPairs(pathAndQuery: string): Array<[string, string]> {
  const query = pathAndQuery.includes('?') ? pathAndQuery.slice(pathAndQuery.indexOf('?') + 1) : '';
  if (query === '') return [];
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))];
  });
}

function headerValues(rawHeaders: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === name.toLowerCase()) values.push(rawHeaders[i + 1] ?? '');
  }
  return values;
}

/** Where two byte strings first differ, for a readable failure on a 300 KiB body. */
function firstDifference(got: Buffer, want: Buffer): string {
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const around = (b: Buffer) => JSON.stringify(b.subarray(Math.max(0, i - 20), i + 20).toString('latin1'));
  return `lengths ${got.length} / ${want.length}, first difference at byte ${i}: got ${around(got)}, want ${around(want)}`;
}

function checkCase(expect: ExpectStatic, runtime: BatchRuntime, c: Case, sent: NormalizedRequest, got: Received[] | undefined): void {
  const name = c.name;
  expect.soft(got?.length ?? 0, `${name}: requests received`).toBe(1);
  const request = got?.[0];
  if (!request) return;
  expect.soft(request.method, name).toBe(c.request.method);
  const whatwg = new URL(sent.url);
  const expectedUrl = WHATWG_URL.has(runtime) ? whatwg.pathname + whatwg.search : rawPathAndQuery(sent.url);
  expect.soft(request.url, `${name}: path + query`).toBe(expectedUrl.replace(/^\/c\d+/, ''));
  expect.soft(decodedPairs(request.url), `${name}: decoded query`).toEqual(c.request.query);
  for (const [header, value] of c.request.headers) {
    expect.soft(headerValues(request.rawHeaders, header), `${name}: ${header}`).toEqual([value]);
  }
  if (c.request.body === undefined) {
    expect.soft(request.body.length, `${name}: no body`).toBe(0);
    return;
  }
  const want = Buffer.from(c.request.body, 'utf8');
  expect.soft(request.body.equals(want), `${name}: body bytes (${firstDifference(request.body, want)})`).toBe(true);
  expect.soft(headerValues(request.rawHeaders, 'content-length'), `${name}: Content-Length`).toEqual([String(want.length)]);
  expect.soft(headerValues(request.rawHeaders, 'transfer-encoding'), `${name}: Transfer-Encoding`).toEqual([]);
}

describe('the premise of the stdin form', () => {
  it.skipIf(process.platform !== 'linux')('Linux refuses one command-line argument over 128 KiB', ({ expect }) => {
    expect(() => execFileSync('sh', ['-c', ':', 'x'.repeat(200 * 1024)], { stdio: 'ignore' })).toThrow(/E2BIG/);
  });
});

describe(`snippets of ${cases.length} requests (fixtures + hostile corpus) run, one process per runtime`, () => {
  for (const runtime of RUNTIMES) {
    const missing = batchRuntimeMissing(runtime);
    const skip = missing !== undefined && !(process.env.CI && REQUIRED_IN_CI.has(runtime));
    const title = missing === undefined ? `${runtime}: the server receives exactly each request` : `${runtime} — SKIPPED: ${missing}`;
    it.skipIf(skip)(title, async ({ expect }) => {
      const scratch = mkdtempSync(join(tmpdir(), `snippet-${BATCH_TARGET[runtime]}-`));
      const cwd = join(scratch, 'cwd');
      const home = join(scratch, 'home');
      const work = join(scratch, 'batch');
      for (const dir of [cwd, home, work]) mkdirSync(dir);
      writeFileSync(join(home, 'canary'), 'still here');
      writeFileSync(join(cwd, 'secret.txt'), SECRET);
      try {
        const { result, received } = await withServer(async (origin) => {
          const sent = cases.map((c, i) => pointAt(c.request, origin, i));
          const [file, args] = writeBatch(runtime, sent.map((req) => generateSnippet(BATCH_TARGET[runtime], req)), work);
          return { sent, output: await run(file, args, cwd, home) };
        });

        // Nothing in any snippet ran as shell code, and no file was read for a body.
        expect(readdirSync(cwd)).toEqual(['secret.txt']);
        expect(existsSync(join(home, 'canary'))).toBe(true);
        expect(result.output.stderr).not.toMatch(/Traceback|Exception|Error|error:/);

        cases.forEach((c, i) => checkCase(expect, runtime, c, result.sent[i]!, received.get(i)));
        expect(received.get(-1), 'requests outside any case prefix').toBeUndefined();
        for (const [, list] of received) for (const request of list) expect(request.body.includes(Buffer.from(SECRET))).toBe(false);

        // Every program printed the status and the response body.
        expect(result.output.stdout.split(RESPONSE_BODY).length - 1).toBe(cases.length);
        expect(result.output.stdout.split(String(RESPONSE_STATUS)).length - 1).toBeGreaterThanOrEqual(cases.length);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }, 600_000);
  }
});
