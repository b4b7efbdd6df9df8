/**
 * Runs a few long-lived child processes together: Ctrl-C (or one child
 * exiting) stops all of them. Used by `npm start` and `npm run preview`,
 * with the ports they use and the sandbox URL they print.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { apiLocation } from '../src/config/api';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/**
 * Sends `signal` to a child started with `detached: true`, which leads its own process
 * group, so the signal reaches its own children too (npm, tsx and docusaurus all start
 * further processes). Nothing happens once it has exited.
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export function runTogether(specs: ProcessSpec[]): Promise<number> {
  return new Promise((resolve) => {
    const children: ChildProcess[] = [];
    let stopping = false;
    let exitCode = 0;
    let alive = specs.length;
    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      for (const child of children) signalGroup(child, 'SIGTERM');
      setTimeout(() => {
        for (const child of children) signalGroup(child, 'SIGKILL');
      }, 5000).unref();
    };
    for (const spec of specs) {
      const child = spawn(spec.command, spec.args, {
        stdio: 'inherit',
        detached: process.platform !== 'win32',
        env: { ...process.env, ...spec.env },
      });
      children.push(child);
      child.on('exit', (code, signal) => {
        alive--;
        if (!stopping) {
          console.log(`\n[${spec.name}] stopped (${signal ?? `exit ${code}`}); stopping the others.`);
          stopAll(code ?? 1);
        }
        if (alive === 0) resolve(exitCode);
      });
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
  });
}

/** A package binary of this repository (no npx/npm layer in between). */
export function localBin(name: string): string {
  return `node_modules/.bin/${name}${process.platform === 'win32' ? '.cmd' : ''}`;
}

export function portEnv(): { portal: string; sandbox: string; host: string } {
  return {
    portal: process.env.PORT ?? '3000',
    sandbox: process.env.SANDBOX_PORT ?? '4010',
    host: process.env.HOST ?? 'localhost',
  };
}

/** The local sandbox's API base URL: the spec's path prefix (`/v1`) on the sandbox port. */
export function sandboxApiUrl(port: string): string {
  return `http://localhost:${port}${apiLocation().prefix}`;
}

/** The portal's origins the sandbox must accept (CORS). */
export function portalOrigins(port: string): string {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, process.env.SANDBOX_CORS_ORIGINS]
    .filter(Boolean)
    .join(',');
}

/** The local sandbox as `npm start` and `npm run preview` run it: on `port`, accepting the portal on `portalPort`. */
export function sandboxProcess(port: string, portalPort: string): ProcessSpec {
  return {
    name: 'sandbox',
    command: localBin('tsx'),
    args: ['sandbox/src/server.ts'],
    env: { SANDBOX_PORT: port, SANDBOX_CORS_ORIGINS: portalOrigins(portalPort) },
  };
}
