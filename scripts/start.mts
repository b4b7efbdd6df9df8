/**
 * npm start [-- --locale it]: the sandbox API and the docs dev server together.
 * Portal on http://localhost:$PORT (3000), sandbox on http://localhost:$SANDBOX_PORT (4010).
 */
import { localBin, portalOrigins, portEnv, runTogether } from './processes';

const { portal, sandbox, host } = portEnv();
const extra = process.argv.slice(2);

console.log(`Portal:  http://${host}:${portal}/  (dev server, live reload)`);
console.log(`Sandbox: http://localhost:${sandbox}/v1  (demo key: test_gshuPaZoeEG6ovbc8M79w0QyM)`);

const code = await runTogether([
  {
    name: 'sandbox',
    command: localBin('tsx'),
    args: ['sandbox/src/server.ts'],
    env: { SANDBOX_PORT: sandbox, SANDBOX_CORS_ORIGINS: portalOrigins(portal) },
  },
  {
    name: 'docs',
    command: localBin('docusaurus'),
    args: ['start', '--port', portal, '--host', host, '--no-open', ...extra],
    env: { SANDBOX_PORT: sandbox },
  },
]);
process.exit(code);
