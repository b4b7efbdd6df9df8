/**
 * Runs a few long-lived child processes together: Ctrl-C (or one child
 * exiting) stops all of them. Used by `npm start` and `npm run preview`.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
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
      for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
      setTimeout(() => {
        for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      }, 5000).unref();
    };
    for (const spec of specs) {
      const child = spawn(spec.command, spec.args, {
        stdio: 'inherit',
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

export function portEnv(): { portal: string; sandbox: string; host: string } {
  return {
    portal: process.env.PORT ?? '3000',
    sandbox: process.env.SANDBOX_PORT ?? '4010',
    host: process.env.HOST ?? 'localhost',
  };
}

/** The portal's origins the sandbox must accept (CORS). */
export function portalOrigins(port: string): string {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, process.env.SANDBOX_CORS_ORIGINS]
    .filter(Boolean)
    .join(',');
}
