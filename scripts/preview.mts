/**
 * npm run preview [-- --no-build]: builds all four locales and serves them
 * with the sandbox, as the public site behaves.
 */
import { spawnSync } from 'node:child_process';
import { portalOrigins, portEnv, runTogether } from './processes';

const { portal, sandbox, host } = portEnv();
const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(bin, ['docusaurus', 'build'], { stdio: 'inherit', env: { ...process.env, SANDBOX_PORT: sandbox } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Portal:  http://${host}:${portal}/  (production build, all locales)`);
console.log(`Sandbox: http://localhost:${sandbox}/v1`);

const code = await runTogether([
  {
    name: 'sandbox',
    command: bin,
    args: ['tsx', 'sandbox/src/server.ts'],
    env: { SANDBOX_PORT: sandbox, SANDBOX_CORS_ORIGINS: portalOrigins(portal) },
  },
  {
    name: 'docs',
    command: bin,
    args: ['docusaurus', 'serve', '--port', portal, '--host', host, '--no-open'],
  },
]);
process.exit(code);
