/**
 * npm start [-- --locale it]: the sandbox API and the docs dev server together.
 * Portal on http://localhost:$PORT (3000), sandbox on http://localhost:$SANDBOX_PORT (4010).
 */
import { DOCS_DEMO_API_KEY } from '../src/config/site';
import { localBin, portEnv, runTogether, sandboxApiUrl, sandboxProcess } from './processes';

const { portal, sandbox, host } = portEnv();
const extra = process.argv.slice(2);

console.log(`Portal:  http://${host}:${portal}/  (dev server, live reload)`);
console.log(`Sandbox: ${sandboxApiUrl(sandbox)}  (demo key: ${DOCS_DEMO_API_KEY})`);

const code = await runTogether([
  sandboxProcess(sandbox, portal),
  {
    name: 'docs',
    command: localBin('docusaurus'),
    args: ['start', '--port', portal, '--host', host, '--no-open', ...extra],
    env: { SANDBOX_PORT: sandbox },
  },
]);
process.exit(code);
