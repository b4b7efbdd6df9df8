/**
 * npm run bench:sandbox: requests per second and p99 latency of the sandbox,
 * at 30 connections (autocannon), on this machine; prints figures, asserts
 * nothing.
 *   - GET /v1/contacts (the demo key) and POST /v1/contacts (spread over
 *     KEYS_PER_INSTANCE minted keys, so that accounts stay the size a visitor
 *     makes them: a few dozen new contacts each);
 *   - on the memory, file and Redis stores, with one instance, and with two
 *     (Redis: two instances sharing one redis-server; memory: two independent
 *     instances, the ceiling of the machine), 15 connections each;
 *   - baselines in the same run: a bare Hono app (@hono/node-server, as the
 *     sandbox) and a bare node:http server, answering the same bytes.
 * Every server is a process of its own on 127.0.0.1 and a free port; Redis is
 * Debian's redis-server (append-only, fsync every second). BENCH_SECONDS
 * (default 5) sets the length of each run (after a one-second warm-up of
 * GETs); BENCH_ROUNDS (default 3) how many times each server is measured: the
 * best round is kept (the machine is shared: the best round is the one least
 * disturbed by others); BENCH_ONLY (e.g. `bare,memory`) runs only the rows whose
 * name starts with one of its words. Reuses the test helpers that start processes
 * (sandbox/test/processes.ts).
 *
 * With `--bare hono|node` it is one of the baseline servers: it prints its
 * port and serves GET and POST /v1/contacts with fixed answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createSandbox } from '../sandbox/src/app';
import { DOCS_DEMO_API_KEY } from '../src/config/site';
import { ROOT, redisAvailable, startRedis, startSandbox, type SandboxProcess } from '../sandbox/test/processes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 30;
/** Minted keys per instance for the POSTs: fewer than the accounts an instance keeps (SANDBOX_CACHE_ACCOUNTS, 100). */
const KEYS_PER_INSTANCE = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NEW_CONTACT = JSON.stringify({ source: 'whatsapp', identifier: '4915112345678', name: 'Bench Contact', tags: ['lead'] });
const JSON_TYPE = 'application/json; charset=utf-8';

/** The answers the baselines send: the sandbox's own, computed once in-process. */
async function fixedAnswers(): Promise<{ list: string; created: string }> {
  const { app } = createSandbox({ reportError: () => {} });
  const list = await (await app.request('/v1/contacts', { headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}` } })).text();
  const created = await (
    await app.request('/v1/contacts', { method: 'POST', headers: { Authorization: `Bearer ${DOCS_DEMO_API_KEY}`, 'Content-Type': 'application/json' }, body: NEW_CONTACT })
  ).text();
  return { list, created };
}

async function bare(kind: string): Promise<void> {
  const { list, created } = await fixedAnswers();
  if (kind === 'hono') {
    const app = new Hono();
    app.get('/v1/contacts', (c) => c.body(list, 200, { 'Content-Type': JSON_TYPE }));
    app.post('/v1/contacts', async (c) => {
      JSON.parse(await c.req.text());
      return c.body(created, 200, { 'Content-Type': JSON_TYPE });
    });
    app.get('/health/ready', (c) => c.text('ready'));
    serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`listening on http://127.0.0.1:${info.port}/v1 Data bare`));
    return;
  }
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method === 'POST') JSON.parse(body);
      res.writeHead(200, { 'Content-Type': JSON_TYPE });
      res.end(req.url === '/health/ready' ? 'ready' : req.method === 'POST' ? created : list);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1 Data bare`);
  });
}

/** A baseline server in a process of its own, started like the sandbox (same readiness line). */
async function startBare(kind: 'hono' | 'node'): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-sandbox.mts', '--bare', kind], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+\/v1)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`bare ${kind} exited: ${out}`)));
  });
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    url,
    child,
    output: () => '',
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited();
    },
  };
}

interface Figure {
  rps: number;
  p99: number;
  errors: number;
}

/** One autocannon run per instance at once (the connections shared out); req/s added up, the worst p99. */
async function load(urls: string[], request: 'GET' | 'POST', keysByUrl?: Map<string, string[]>, seconds = SECONDS): Promise<Figure> {
  const runs = urls.map((url) => {
    const keys = keysByUrl?.get(url) ?? [DOCS_DEMO_API_KEY];
    let next = 0;
    return autocannon({
      url: `${url}/contacts`,
      connections: Math.round(CONNECTIONS / urls.length),
      duration: seconds,
      method: request,
      headers: { 'Content-Type': 'application/json' },
      ...(request === 'POST' ? { body: NEW_CONTACT } : {}),
      requests: [
        {
          setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, Authorization: `Bearer ${keys[next++ % keys.length]}` } }),
        },
      ],
    });
  });
  const results = await Promise.all(runs);
  return {
    rps: results.reduce((sum, r) => sum + r.requests.total / r.duration, 0),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  };
}

async function mintKeys(url: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/sandbox/keys`, { method: 'POST' });
    if (res.status !== 201) throw new Error(`minting: ${res.status} ${await res.text()}`);
    keys.push(((await res.json()) as { key: string }).key);
  }
  return keys;
}

interface Row {
  label: string;
  get: Figure;
  post: Figure;
}

const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((word) => word.trim()).filter(Boolean);

/** One measure of a server (started afresh): GET, then POST. */
async function measureOnce(label: string, start: () => Promise<SandboxProcess[]>, mint: boolean): Promise<Row> {
  const servers = await start();
  try {
    const urls = servers.map((s) => s.url);
    await load(urls, 'GET', undefined, 1); // warm-up, not counted
    const get = await load(urls, 'GET');
    const keysByUrl = mint ? new Map(await Promise.all(urls.map(async (url) => [url, await mintKeys(url, KEYS_PER_INSTANCE)] as const))) : undefined;
    const post = await load(urls, 'POST', keysByUrl);
    console.log(`  ${label}: GET ${get.rps.toFixed(0)} req/s p99 ${get.p99} ms; POST ${post.rps.toFixed(0)} req/s p99 ${post.p99} ms`);
    return { label, get, post };
  } finally {
    for (const server of servers) await server.stop();
  }
}

interface Config {
  label: string;
  start: () => Promise<SandboxProcess[]>;
  /** POSTs with minted keys (the sandbox), or with the demo key (the baselines). */
  mint: boolean;
}

async function main(): Promise<void> {
  const common = { SANDBOX_RATE_LIMIT: '10000000', SANDBOX_MINT_LIMIT: '100000', SANDBOX_UNAUTHORIZED_LIMIT: '100000' };
  console.log(`Sandbox bench: ${CONNECTIONS} connections, ${SECONDS} s per run, best of ${ROUNDS} rounds\n`);
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-bench-'));
  const wantRedis = ONLY.length === 0 || ONLY.some((word) => 'redis'.startsWith(word));
  const redis = wantRedis && redisAvailable() ? await startRedis({ appendfsync: 'everysec' }) : undefined;
  const onMemory = () => startSandbox({ ...common, SANDBOX_STORE: 'memory' });
  const onRedis = (prefix: string) => () => startSandbox({ ...common, SANDBOX_STORE: 'redis', SANDBOX_REDIS_URL: redis!.url, SANDBOX_REDIS_PREFIX: prefix });
  const configs: Config[] = [
    { label: 'bare Hono (baseline)', start: async () => [await startBare('hono')], mint: false },
    { label: 'bare node:http (baseline)', start: async () => [await startBare('node')], mint: false },
    { label: 'memory, 1 instance', start: async () => [await onMemory()], mint: true },
    { label: 'memory, 2 instances (independent)', start: () => Promise.all([onMemory(), onMemory()]), mint: true },
    { label: 'file, 1 instance', start: async () => [await startSandbox({ ...common, SANDBOX_STORE: 'file', SANDBOX_DATA_DIR: dir })], mint: true },
    ...(redis
      ? [
          { label: 'redis, 1 instance', start: async () => [await onRedis('one:')()], mint: true },
          { label: 'redis, 2 instances (shared)', start: () => Promise.all([onRedis('two:')(), onRedis('two:')()]), mint: true },
        ]
      : []),
  ].filter((config) => ONLY.length === 0 || ONLY.some((word) => config.label.startsWith(word)));
  // Rounds go over every server in turn, so that a busy moment of the machine does not fall on one server only.
  const best = new Map<string, Row>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const config of configs) {
        const row = await measureOnce(config.label, config.start, config.mint);
        const kept = best.get(config.label);
        best.set(config.label, {
          label: config.label,
          get: !kept || row.get.rps > kept.get.rps ? row.get : kept.get,
          post: !kept || row.post.rps > kept.post.rps ? row.post : kept.post,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await redis?.dispose();
  }
  const found = configs.map((config) => best.get(config.label));
  const rows = found.filter((row): row is Row => row !== undefined);
  const hono = rows.find((r) => r.label.startsWith('bare Hono')) ?? rows[0]!;
  const memory = rows.find((r) => r.label.startsWith('memory, 1')) ?? rows[0]!;
  const width = Math.max(...rows.map((r) => r.label.length));
  const cell = (f: Figure) => `${f.rps.toFixed(0).padStart(6)} req/s  p99 ${String(f.p99).padStart(3)} ms${f.errors ? `  (${f.errors} non-2xx/errors)` : ''}`;
  console.log(`\nSandbox figures (${CONNECTIONS} connections; ratios against bare Hono for req/s, against the memory store for p99)`);
  console.log(`  ${'server'.padEnd(width)}  ${'GET /v1/contacts'.padEnd(34)}  POST /v1/contacts`);
  for (const row of rows) {
    const ratios = `GET ${(row.get.rps / hono.get.rps).toFixed(2)}x bare, p99 ${(row.get.p99 / memory.get.p99).toFixed(2)}x memory; POST p99 ${(row.post.p99 / memory.post.p99).toFixed(2)}x memory`;
    console.log(`  ${row.label.padEnd(width)}  ${cell(row.get).padEnd(34)}  ${cell(row.post).padEnd(34)}  ${ratios}`);
  }
}

if (process.argv[2] === '--bare') await bare(process.argv[3] ?? 'hono');
else await main();
