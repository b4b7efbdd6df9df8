/**
 * `npm run sandbox:reset` (= tsx sandbox/src/cli/reset.ts): puts the saved
 * data of every demo key back to the seed, by writing fresh snapshots into
 * SANDBOX_DATA_DIR (default sandbox/data). With `--key <API key>` only that
 * key's. A running sandbox keeps its data in memory and would write it back
 * at its next change: stop it first, or reset it through the API instead
 * (POST /v1/sandbox/reset with the key).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { accountSeed } from '../app';
import { DEMO_API_KEYS } from '../keys';
import { DEFAULT_DATA_DIR } from '../paths';
import { freshAccount, serializeSnapshot, snapshotFile } from '../store';

function masked(key: string): string {
  return key.length > 8 ? `${key.slice(0, 5)}…${key.slice(-4)}` : '…';
}

function main(argv: string[]): number {
  const at = argv.indexOf('--key');
  if (at !== -1 && !argv[at + 1]) {
    console.error('Usage: sandbox:reset [--key <API key>]');
    return 2;
  }
  const keys = at === -1 ? [...DEMO_API_KEYS] : [argv[at + 1]!];
  const dir = process.env.SANDBOX_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  const seed = accountSeed();
  mkdirSync(dir, { recursive: true });
  for (const key of keys) {
    const file = snapshotFile(dir, key);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serializeSnapshot(freshAccount(seed, key)), 'utf8');
    renameSync(tmp, file);
    console.log(`Reset ${masked(key)}: ${file}`);
  }
  console.log('A sandbox that is running keeps its own copy: restart it, or call POST /v1/sandbox/reset.');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
