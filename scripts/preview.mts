/**
 * npm run preview [-- --no-build]: builds every locale of the site config
 * (src/config/site.ts) and serves them with the sandbox, as the public site behaves.
 */
import { spawnSync } from 'node:child_process';
import { localBin, portEnv, runTogether, sandboxApiUrl, sandboxProcess } from './processes';

const { portal, sandbox, host } = portEnv();

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(localBin('docusaurus'), ['build'], { stdio: 'inherit', env: { ...process.env, SANDBOX_PORT: sandbox } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Portal:  http://${host}:${portal}/  (production build, all locales)`);
console.log(`Sandbox: ${sandboxApiUrl(sandbox)}`);
console.log(`For assistants: http://${host}:${portal}/llms.txt, every doc page at its URL plus .md`);

const code = await runTogether([
  sandboxProcess(sandbox, portal),
  {
    name: 'docs',
    command: localBin('docusaurus'),
    args: ['serve', '--port', portal, '--host', host, '--no-open'],
  },
]);
process.exit(code);
