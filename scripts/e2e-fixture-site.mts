/**
 * For the translation-banner browser tests: a copy of this site in which one
 * English page changed after its translations were synced (api/changelog)
 * and one page lost its translations (api/pagination). It is built for every
 * locale of src/config/site.ts (English too, which the banners link to) and
 * served on $FIXTURE_PORT (3002). The real site stays untouched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translatedLocaleCodes } from '../src/config/locales';

const ROOT = process.cwd();
const COPY = path.join(ROOT, process.env.E2E_FIXTURE_DIR ?? '.e2e-fixture-site');
const PORT = process.env.FIXTURE_PORT ?? '3002';
const bin = process.platform === 'win32' ? 'npx.cmd' : 'npx';

export const STALE_DOC = 'api/changelog.mdx';
export const MISSING_DOC = 'api/pagination.mdx';

rmSync(COPY, { recursive: true, force: true });
mkdirSync(COPY);
for (const entry of ['docs', 'i18n', 'src', 'plugins', 'static', 'openapi', 'tools', 'sidebars.ts', 'docusaurus.config.ts', 'tsconfig.json', 'package.json']) {
  cpSync(path.join(ROOT, entry), path.join(COPY, entry), { recursive: true });
}
symlinkSync(path.join(ROOT, 'node_modules'), path.join(COPY, 'node_modules'), 'dir');

// An English page edited after its sync: every translation of it is now out of date.
const staleFile = path.join(COPY, 'docs', STALE_DOC);
const text = readFileSync(staleFile, 'utf8');
const firstParagraphEnd = text.indexOf('\n\n', text.indexOf('\n# ') + 3);
writeFileSync(staleFile, `${text.slice(0, firstParagraphEnd)} This sentence was added after the translations were synced.${text.slice(firstParagraphEnd)}`);
// A page nobody translated yet.
for (const locale of translatedLocaleCodes()) {
  rmSync(path.join(COPY, 'i18n', locale, 'docusaurus-plugin-content-docs/current', MISSING_DOC));
}

const build = spawnSync(bin, ['docusaurus', 'build'], { cwd: COPY, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn(bin, ['docusaurus', 'serve', '--port', PORT, '--host', 'localhost', '--no-open'], { cwd: COPY, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.kill('SIGTERM');
    process.exit(0);
  });
}
server.on('exit', (code) => process.exit(code ?? 0));
