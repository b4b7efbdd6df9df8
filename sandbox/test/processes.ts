/**
 * Real processes for the tests that need them, all on 127.0.0.1 and on ports
 * chosen here (never 3000 or 4010):
 *   - `startRedis`: Debian's `redis-server` in a temporary directory (append-only
 *     file, fsync on every write, so a restart keeps the data), which can be
 *     stopped, frozen, thawed and started again on the same port;
 *   - `startSandbox`: `sandbox/src/server.ts` in a child process (node with
 *     tsx), which can be stopped or killed with -9;
 *   - `httpCall`: one request on a connection of its own (no pooled socket
 *     that a server of an earlier test, on a reused port, has closed);
 *   - `redisAvailable`: whether `redis-server` is installed. Outside CI the Redis
 *     tests are skipped (with a message) when it is not; under CI they fail,
 *     since `.ci/run` installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP request on a new connection; rejects when no answer comes within `timeoutMs`. */
export function httpCall(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, timeout: init.timeoutMs ?? 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Whether a Redis on this port answers PING (within a second). */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

/** Whether redis-server runs here; under CI its absence is an error, not a reason to skip. */
export function redisAvailable(): boolean {
  const found = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI) throw new Error(`${REDIS_SERVER} is missing: .ci/run installs Debian's redis-server`);
  if (!found) console.warn(`Skipping the Redis tests: ${REDIS_SERVER} is not installed (apt-get install -y redis-server).`);
  return found;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves with the output once `ready` matches it; rejects if the process exits or `ms` pass first. */
function waitFor(child: ChildProcess, ready: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not ready within ${ms} ms: ${out}`)), ms);
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited before it was ready: ${out}`));
    });
  });
}

export interface RedisProcess {
  port: number;
  url: string;
  /** SIGTERM (Redis finishes its append-only file), then waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  /** SIGSTOP: connected, but it answers nothing. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

/** `appendfsync`: `always` (the tests: every write on disk before the answer) or `everysec` (the bench, as a deployment would). */
export async function startRedis(options: { appendfsync?: 'always' | 'everysec' } = {}): Promise<RedisProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', options.appendfsync ?? 'always', '--daemonize', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // With loglevel warning Redis prints nothing when ready: ask it.
    child.stdout?.resume();
    child.stderr?.resume();
    for (let attempt = 0; attempt < 100; attempt++) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
      if (await redisAnswers(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('redis-server did not answer PING');
  };
  await start();
  const stop = async () => {
    if (!child) return;
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    await exited(child);
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SandboxProcess {
  /** `http://127.0.0.1:<port>/v1` */
  url: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL: the process dies at once, nothing is saved. */
  kill(): Promise<void>;
  /** SIGTERM: the process stops cleanly. */
  stop(): Promise<void>;
}

/** Starts sandbox/src/server.ts with these variables (on a port of its own) and waits until it is ready (GET /health/ready). */
export async function startSandbox(env: Record<string, string>): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_HOST: '127.0.0.1', SANDBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  try {
    const out = await waitFor(child, /listening on http:\/\/\S+\/v1[\s\S]*Data /, 60_000);
    const url = /listening on (http:\/\/\S+\/v1)/.exec(out)![1]!;
    // With Redis, listening comes before the connection is up.
    for (let attempt = 0; ; attempt++) {
      const ready = await httpCall(url.replace(/\/v1$/, '/health/ready')).then((res) => res.status === 200, () => false);
      if (ready) break;
      if (attempt >= 200) throw new Error('the sandbox did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {
      url,
      child,
      output: () => printed,
      async kill() {
        child.kill('SIGKILL');
        await exited(child);
      },
      async stop() {
        child.kill('SIGTERM');
        await exited(child);
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}
