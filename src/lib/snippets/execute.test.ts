/**
 * Execution proof: each snippet that has an interpreter here (sh + curl, node,
 * python3 + requests, java) is run against a local node:http server, which
 * must receive exactly the method, path + query, headers and body bytes of the
 * fixture. The hostile fixtures make this the real test of the quoting.
 *
 * Runs in a scratch directory with HOME pointing into it, so even a quoting
 * bug that executed `$(rm -rf ~)` or `touch pwned` could only touch scratch
 * files — and the test checks that neither happened.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { NormalizedRequest } from '../api/types';
import { fixtureNames, fixtures } from './__fixtures__/requests';
import { generateSnippet, type TargetId } from './index';
import { pythonWithRequests } from './runtimes';

const PYTHON = pythonWithRequests();
/** In CI the targets the issue requires must run; only Java may be missing there. */
const REQUIRED_IN_CI: ReadonlySet<string> = new Set(['curl', 'javascript', 'node', 'python']);

const RESPONSE_STATUS = 201;
const RESPONSE_BODY = '{"ok":true,"name":"Zoë 日本 🚀 \'$(x)\'"}';

interface Received {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

function works(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = {
  curl: works('sh', ['-c', 'command -v curl']),
  javascript: true,
  node: true,
  python: PYTHON !== undefined,
  java: works('java', ['-version']),
} satisfies Partial<Record<TargetId, boolean>>;

type RunnableId = keyof typeof available;

/** Runs `fn` with a one-shot-per-request server on 127.0.0.1, returning what it received. */
async function withServer<T>(fn: (origin: string) => Promise<T>): Promise<{ result: T; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
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

function pointAt(req: NormalizedRequest, origin: string): NormalizedRequest {
  return { ...req, url: origin + rawPathAndQuery(req.url), baseUrl: origin + rawPathAndQuery(req.baseUrl) };
}

function run(file: string, args: string[], cwd: string, home: string): Promise<{ stdout: string; stderr: string }> {
  // A minimal environment: no proxy settings, UTF-8 everywhere, HOME in the scratch dir.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8', NO_PROXY: '*', no_proxy: '*' };
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env, timeout: 60_000, encoding: 'utf8', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${error.message}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function execute(id: RunnableId, snippet: string, cwd: string, home: string) {
  switch (id) {
    case 'curl':
      return run('sh', ['-c', snippet], cwd, home);
    case 'javascript':
    case 'node':
      return run(process.execPath, ['--input-type=module', '-e', snippet], cwd, home);
    case 'python':
      return run(PYTHON ?? 'python3', ['-c', snippet], cwd, home);
    case 'java': {
      const file = join(cwd, 'Main.java');
      writeFileSync(file, snippet);
      return run('java', [file], cwd, home);
    }
  }
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

const SKIP_REASON: Record<RunnableId, string> = {
  curl: 'curl is not installed',
  javascript: '',
  node: '',
  python: 'python3 with the requests package is not available (`import requests` failed)',
  java: 'java (17+) is not installed',
};

for (const id of Object.keys(available) as RunnableId[]) {
  const title = available[id] ? `${id} snippets run` : `${id} snippets run — SKIPPED: ${SKIP_REASON[id]}`;
  describe.concurrent(title, () => {
    for (const name of fixtureNames) {
      it.skipIf(!available[id] && !(process.env.CI && REQUIRED_IN_CI.has(id)))(`${name}: the server receives exactly the request`, async ({ expect }) => {
        const scratch = mkdtempSync(join(tmpdir(), `snippet-${id}-`));
        const cwd = join(scratch, 'cwd');
        const home = join(scratch, 'home');
        mkdirSync(cwd);
        mkdirSync(home);
        writeFileSync(join(home, 'canary'), 'still here');
        try {
          const fixture = fixtures[name];
          const { result, received } = await withServer((origin) => {
            const req = pointAt(fixture, origin);
            return execute(id, generateSnippet(id, req), cwd, home).then((out) => ({ ...out, req }));
          });

          // Nothing in the snippet ran as shell code.
          expect(readdirSync(cwd).filter((f) => f !== 'Main.java')).toEqual([]);
          expect(existsSync(join(home, 'canary'))).toBe(true);

          expect(received).toHaveLength(1);
          const got = received[0]!;
          expect(got.method).toBe(fixture.method);

          // fetch and node:https parse the URL with WHATWG rules (e.g. `'` -> `%27`);
          // the others send it byte for byte. Either way the decoded pairs are the fixture's.
          const sent = rawPathAndQuery(result.req.url);
          const whatwg = new URL(result.req.url);
          expect(got.url).toBe(id === 'javascript' || id === 'node' ? whatwg.pathname + whatwg.search : sent);
          expect(decodedPairs(got.url)).toEqual(fixture.query);

          for (const [header, value] of fixture.headers) {
            expect(headerValues(got.rawHeaders, header), header).toEqual([value]);
          }

          if (fixture.body === undefined) {
            expect(got.body.length).toBe(0);
          } else {
            expect(got.body.toString('hex')).toBe(Buffer.from(fixture.body, 'utf8').toString('hex'));
            expect(got.body.toString('utf8')).toBe(fixture.body);
            expect(headerValues(got.rawHeaders, 'content-length')).toEqual([String(got.body.length)]);
            expect(headerValues(got.rawHeaders, 'transfer-encoding')).toEqual([]);
          }

          // The program prints the status and the response body.
          expect(result.stdout).toContain(String(RESPONSE_STATUS));
          expect(result.stdout).toContain(RESPONSE_BODY);
        } finally {
          rmSync(scratch, { recursive: true, force: true });
        }
      }, 90_000);
    }
  });
}
