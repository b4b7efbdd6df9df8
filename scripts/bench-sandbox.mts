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
 * Debian's redis-server (append-only, fsync every second). Besides req/s and
 * p99, each run reports the CPU time its servers spent per request (the
 * sandbox or baseline processes, plus redis-server for the Redis rows; read
 * from /proc and Redis's INFO): unlike latency, that figure hardly moves when
 * other work shares the machine.
 *
 * BENCH_SECONDS (default 5) sets the length of each run, after a one-second
 * warm-up of GETs and one of POSTs (the first write of each key, which writes
 * its whole fresh account, is a one-off and stays out of the figures).
 * BENCH_ROUNDS (default 3): how many times each server is measured, the
 * rounds going over every server in turn; the table keeps each server's best
 * round (the machine is shared: the best round is the one least disturbed by
 * others), and the p99 ratios are also printed round by round, each server
 * against the memory store (one instance) of the same round. BENCH_ONLY (e.g.
 * `bare,memory1,redis`) runs only the rows whose name, letters and digits
 * only, starts with one of its words. Reuses the test helpers that start
 * processes (sandbox/test/processes.ts).
 *
 * With `--bare hono|node` it is one of the baseline servers: it prints its
 * port and serves GET and POST /v1/contacts with fixed answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
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
  /** Requests answered in the run. */
  requests: number;
  p99: number;
  errors: number;
  /** CPU time of the servers (and Redis) per request, in microseconds; undefined where it cannot be read. */
  cpuUs?: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used so far; undefined off Linux. */
function processCpu(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The fields after the command name (which may hold spaces): utime and stime are the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Reads the CPU seconds of every server of a measure (and of Redis, when given): a function giving the seconds used since. */
async function cpuMeter(servers: SandboxProcess[], redis?: Redis): Promise<() => Promise<number | undefined>> {
  const redisCpu = async () => {
    if (!redis) return 0;
    const info = await redis.info('cpu');
    const value = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
    return value('used_cpu_user') + value('used_cpu_sys');
  };
  const total = async () => {
    const parts = servers.map((server) => processCpu(server.child.pid));
    if (parts.some((part) => part === undefined)) return undefined;
    return (parts as number[]).reduce((sum, part) => sum + part, 0) + (await redisCpu());
  };
  const start = await total();
  return async () => {
    const end = await total();
    return start === undefined || end === undefined ? undefined : end - start;
  };
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
    requests: results.reduce((sum, r) => sum + r.requests.total, 0),
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

/** Letters and digits only, lower case: `memory, 1 instance` -> `memory1instance`, so that `memory1` picks that row. */
const squeeze = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map(squeeze).filter(Boolean);
const wanted = (label: string) => ONLY.length === 0 || ONLY.some((word) => squeeze(label).startsWith(word));

/** A load run with the CPU time its servers (and Redis) spent per request. */
async function metered(servers: SandboxProcess[], redis: Redis | undefined, run: () => Promise<Figure>): Promise<Figure> {
  const spent = await cpuMeter(servers, redis);
  const figure = await run();
  const seconds = await spent();
  return { ...figure, cpuUs: seconds === undefined || figure.requests === 0 ? undefined : (seconds / figure.requests) * 1e6 };
}

/** One measure of a server (started afresh): GET, then POST. */
async function measureOnce(label: string, start: () => Promise<SandboxProcess[]>, mint: boolean, redis?: Redis): Promise<Row> {
  const servers = await start();
  try {
    const urls = servers.map((s) => s.url);
    await load(urls, 'GET', undefined, 1); // warm-up, not counted
    const get = await metered(servers, redis, () => load(urls, 'GET'));
    const keysByUrl = mint ? new Map(await Promise.all(urls.map(async (url) => [url, await mintKeys(url, KEYS_PER_INSTANCE)] as const))) : undefined;
    // Warm-up, not counted: each key's first write (its whole fresh account) is a one-off, not what a key costs after.
    await load(urls, 'POST', keysByUrl, 1);
    const post = await metered(servers, redis, () => load(urls, 'POST', keysByUrl));
    console.log(`  ${label}: GET ${get.rps.toFixed(0)} req/s p99 ${get.p99} ms${cpuText(get)}; POST ${post.rps.toFixed(0)} req/s p99 ${post.p99} ms${cpuText(post)}`);
    return { label, get, post };
  } finally {
    for (const server of servers) await server.stop();
  }
}

function cpuText(figure: Figure): string {
  return figure.cpuUs === undefined ? '' : `, ${figure.cpuUs.toFixed(0)} µs CPU/req`;
}

interface Config {
  label: string;
  start: () => Promise<SandboxProcess[]>;
  /** POSTs with minted keys (the sandbox), or with the demo key (the baselines). */
  mint: boolean;
  /** The rows on Redis: its CPU time counts too. */
  redis?: boolean;
}

async function main(): Promise<void> {
  const common = { SANDBOX_RATE_LIMIT: '10000000', SANDBOX_MINT_LIMIT: '100000', SANDBOX_UNAUTHORIZED_LIMIT: '100000' };
  console.log(`Sandbox bench: ${CONNECTIONS} connections, ${SECONDS} s per run, best of ${ROUNDS} rounds\n`);
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-bench-'));
  const wantRedis = wanted('redis, 1 instance') || wanted('redis, 2 instances');
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
          { label: 'redis, 1 instance', start: async () => [await onRedis('one:')()], mint: true, redis: true },
          { label: 'redis, 2 instances (shared)', start: () => Promise.all([onRedis('two:')(), onRedis('two:')()]), mint: true, redis: true },
        ]
      : []),
  ].filter((config) => wanted(config.label));
  // Rounds go over every server in turn, so that a busy moment of the machine does not fall on one server only.
  const best = new Map<string, Row>();
  const rounds: Row[][] = [];
  const meter = redis ? new Redis(redis.url) : undefined;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push([]);
      for (const config of configs) {
        const row = await measureOnce(config.label, config.start, config.mint, config.redis ? meter : undefined);
        rounds[round]!.push(row);
        const kept = best.get(config.label);
        best.set(config.label, {
          label: config.label,
          get: !kept || row.get.rps > kept.get.rps ? row.get : kept.get,
          post: !kept || row.post.rps > kept.post.rps ? row.post : kept.post,
        });
      }
    }
  } finally {
    meter?.disconnect();
    rmSync(dir, { recursive: true, force: true });
    await redis?.dispose();
  }
  const found = configs.map((config) => best.get(config.label));
  const rows = found.filter((row): row is Row => row !== undefined);
  const hono = rows.find((r) => r.label.startsWith('bare Hono')) ?? rows[0]!;
  const memory = rows.find((r) => r.label.startsWith('memory, 1')) ?? rows[0]!;
  const width = Math.max(...rows.map((r) => r.label.length));
  const cpu = (f: Figure) => (f.cpuUs === undefined ? '' : `  ${f.cpuUs.toFixed(0).padStart(4)} µs CPU`);
  const cell = (f: Figure) => `${f.rps.toFixed(0).padStart(6)} req/s  p99 ${String(f.p99).padStart(3)} ms${cpu(f)}${f.errors ? `  (${f.errors} non-2xx/errors)` : ''}`;
  console.log(`\nSandbox figures (${CONNECTIONS} connections; CPU: servers and Redis per request; ratios against bare Hono for req/s, against the memory store for p99)`);
  console.log(`  ${'server'.padEnd(width)}  ${'GET /v1/contacts'.padEnd(46)}  POST /v1/contacts`);
  for (const row of rows) {
    const ratios = `GET ${(row.get.rps / hono.get.rps).toFixed(2)}x bare, p99 ${(row.get.p99 / memory.get.p99).toFixed(2)}x memory; POST p99 ${(row.post.p99 / memory.post.p99).toFixed(2)}x memory`;
    console.log(`  ${row.label.padEnd(width)}  ${cell(row.get).padEnd(46)}  ${cell(row.post).padEnd(46)}  ${ratios}`);
  }
  console.log('\np99 against the memory store (1 instance) of the same round, round by round (GET / POST)');
  for (const row of rows) {
    const perRound = rounds.map((measured) => {
      const own = measured.find((r) => r.label === row.label);
      const base = measured.find((r) => r.label.startsWith('memory, 1'));
      return own && base ? `${(own.get.p99 / base.get.p99).toFixed(2)} / ${(own.post.p99 / base.post.p99).toFixed(2)}` : '-';
    });
    console.log(`  ${row.label.padEnd(width)}  ${perRound.join('   ')}`);
  }
}

if (process.argv[2] === '--bare') await bare(process.argv[3] ?? 'hono');
else await main();
