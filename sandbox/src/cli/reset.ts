/**
 * `npm run sandbox:reset` (= tsx sandbox/src/cli/reset.ts): puts the data of
 * every demo key back to the seed, in the store the sandbox is configured
 * with (SANDBOX_STORE and its variables, as the server reads them):
 *   - file (default): fresh snapshots in SANDBOX_DATA_DIR (default
 *     sandbox/data). A running sandbox keeps its data in memory and would
 *     write it back at its next change: stop it first, or reset through the
 *     API (POST /v1/sandbox/reset with the key);
 *   - redis: the accounts in Redis, at once for every running instance.
 * `--key <API key>`: only that key. `--minted`: also retires every minted
 * key (POST /v1/sandbox/keys) with its data. Keys are never printed whole.
 */
import { accountSeed } from '../app';
import { createBackend } from '../backend';
import { ConfigError, readConfig } from '../config';
import { DEMO_API_KEYS } from '../keys';

function masked(key: string): string {
  return key.length > 8 ? `${key.slice(0, 5)}…${key.slice(-4)}` : '…';
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--key');
  if (at !== -1 && !argv[at + 1]) {
    console.error('Usage: sandbox:reset [--key <API key>] [--minted]');
    return 2;
  }
  let config;
  try {
    config = readConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }
  if (config.store.kind === 'memory') {
    console.error('SANDBOX_STORE=memory keeps nothing to reset: restart the sandbox, or call POST /v1/sandbox/reset.');
    return 2;
  }
  const keys = at === -1 ? [...DEMO_API_KEYS] : [argv[at + 1]!];
  const backend = createBackend({ store: config.store, seed: accountSeed(), apiKeys: [], policy: config.keyPolicy, secret: config.keySecret, now: Date.now });
  try {
    // Redis: the connection comes up first (at most 10 s).
    for (let attempt = 0; !(await backend.ready()); attempt++) {
      if (attempt >= 100) throw new Error('the store does not answer');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const key of keys) {
      await backend.store.reset(key);
      console.log(`Reset ${masked(key)}`);
    }
    if (argv.includes('--minted')) console.log(`Retired ${await backend.keys.retireAll()} minted key(s) and their data.`);
  } catch (err) {
    console.error(`Could not reset: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await backend.close();
  }
  if (config.store.kind === 'file') console.log('A sandbox that is running keeps its own copy: restart it, or call POST /v1/sandbox/reset.');
  return 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
