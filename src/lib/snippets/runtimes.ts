/**
 * Test-only helpers: which interpreters can run snippets here, and how to read
 * the status and body each runnable target prints. Node-only (never imported
 * by the site).
 */
import { execFileSync } from 'node:child_process';
import type { TargetId } from './index';

function works(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** A Python 3 that can `import requests`: $PYTHON, Debian's /usr/bin/python3, or python3 on PATH. */
export function pythonWithRequests(): string | undefined {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  return candidates.find((bin) => works(bin, ['-c', 'import requests']));
}

export const hasCurl = (): boolean => works('sh', ['-c', 'command -v curl']);

/** Splits what a snippet printed into the HTTP status and the response body. */
export function parseOutput(target: TargetId, output: string): { status: number; body: string } {
  if (target === 'curl') {
    // body, then "\n<status>\n" from --write-out
    const match = /\n(\d{3})\n?$/.exec(output);
    if (!match) throw new Error(`cURL output has no status line: ${output.slice(-200)}`);
    return { status: Number(match[1]), body: output.slice(0, match.index) };
  }
  if (target === 'python') {
    const newline = output.indexOf('\n');
    return { status: Number(output.slice(0, newline)), body: output.slice(newline + 1).replace(/\n$/, '') };
  }
  // javascript / node: console.log(status, body)
  const match = /^(\d{3}) ?/.exec(output);
  if (!match) throw new Error(`${target} output has no status: ${output.slice(0, 200)}`);
  return { status: Number(match[1]), body: output.slice(match[0].length).replace(/\n$/, '') };
}
