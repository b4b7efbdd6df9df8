/**
 * Benchmark: generate a site of ~150 pages per locale (en + it, es, pt) in a
 * temp dir, then time the whole-site check in-process and through the CLI.
 *   npx tsx tools/i18n/bench.ts [--pages 150] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSite } from './core/site';
import { markPageSynced, emptyManifest, serializeManifest, markCodeJsonSynced, type SyncManifest } from '../../src/lib/i18n/sync';
import { codeJsonFile, manifestFile, snapshotFile, translatedFile } from '../../src/lib/i18n/paths';
import { loadSite } from './cli/site';
import { loadNgramDetector } from './core/ngrams';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'test/fixtures/pages');
const LOCALES = ['it', 'es', 'pt'] as const;

const RESOURCES = ['contacts', 'messages', 'teams', 'channels', 'templates', 'users', 'funnels', 'tags', 'notes', 'webhooks',
  'conversations', 'fields', 'bots', 'campaigns', 'labels', 'inboxes', 'agents', 'reports', 'exports', 'imports',
  'segments', 'notifications', 'attachments', 'sessions', 'events'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

function extraSection(i: number): string {
  const rows = Array.from({ length: 12 }, (_, k) => `| \`${400 + k}\` | \`error_${i}_${k}\` | \`${k % 2 === 0 ? 'retry' : 'fail'}\` |`).join('\n');
  return `

### Errors

| Status | Code | Action |
| :----- | :--- | :----- |
${rows}

\`\`\`bash title=request.sh
curl -X GET "https://api.callbell.eu/v1/res${i}?page=2" \\
  -H "Authorization: Bearer test_gshuPaZoeEG6ovbc8M79w0QyM" \\
  -H "Content-Type: application/json"
\`\`\`
`;
}

function variant(text: string, i: number): string {
  const res = `${RESOURCES[i % RESOURCES.length]}${Math.floor(i / RESOURCES.length) || ''}`;
  const method = METHODS[i % METHODS.length] as string;
  return text.replace(/GET \/contacts/g, `${method} /${res}`).replace(/get_contacts/g, `op_${i}`).replace(/\n```$/, '\n```' + extraSection(i));
}

export function generateSite(root: string, pages: number): void {
  const en = readFileSync(join(fixtures, 'en.get_contacts.mdx'), 'utf8').trimEnd();
  const tr = Object.fromEntries(LOCALES.map((l) => [l, readFileSync(join(fixtures, `${l}.get_contacts.mdx`), 'utf8').trimEnd()]));
  const manifests: Record<string, SyncManifest> = Object.fromEntries(LOCALES.map((l) => [l, emptyManifest()]));
  const write = (rel: string, text: string): void => {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };
  for (let i = 0; i < pages; i++) {
    const docPath = `api/reference/group_${i % 10}/op_${i}.mdx`;
    const source = variant(en, i) + '\n';
    write(`docs/${docPath}`, source);
    for (const l of LOCALES) {
      write(translatedFile(l, docPath), variant(tr[l] as string, i) + '\n');
      const r = markPageSynced(manifests[l] as SyncManifest, docPath, source, '2026-01-15');
      manifests[l] = r.manifest;
      write(snapshotFile(r.snapshot.hash), r.snapshot.content);
    }
  }
  const messages: Record<string, { message: string }> = {};
  for (let k = 0; k < 180; k++) messages[`theme.msg.${k}`] = { message: k % 9 === 0 ? `One item|{count} items in ${k}` : `Message {name} number ${k}` };
  write(codeJsonFile('en'), JSON.stringify(messages, null, 2));
  for (const l of LOCALES) {
    const translated = Object.fromEntries(Object.entries(messages).map(([id, m]) => [id, { message: `${m.message} (${l})` }]));
    write(codeJsonFile(l), JSON.stringify(translated, null, 2));
    write(manifestFile(l), serializeManifest(markCodeJsonSynced(manifests[l] as SyncManifest, messages, translated)));
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const pagesArg = argv.indexOf('--pages');
  const pages = pagesArg >= 0 ? Number(argv[pagesArg + 1]) : 150;
  const root = mkdtempSync(join(tmpdir(), 'i18n-bench-'));
  try {
    generateSite(root, pages);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const detector = await loadNgramDetector();
    const site = loadSite(root, [...LOCALES]);
    const t1 = performance.now();
    const findings = checkSite({ ...site, detector });
    const t2 = performance.now();
    const cpu = process.cpuUsage(c0);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warm: number[] = [];
    for (let k = 0; k < 3; k++) {
      const w0 = performance.now();
      checkSite({ ...loadSite(root, [...LOCALES]), detector });
      warm.push(performance.now() - w0);
    }
    console.log(`site: ${pages} English pages, ${pages * LOCALES.length} translated pages (${LOCALES.join(', ')}), ${root}`);
    console.log(`in-process: read (and load the language detector) ${(t1 - t0).toFixed(0)} ms + check ${(t2 - t1).toFixed(0)} ms = ${(t2 - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ${errors} error(s), ${findings.length - errors} warning(s)`);
    console.log(`in-process, warm (3 more runs, read + check): ${warm.map((w) => w.toFixed(0)).join(' / ')} ms`);
    const cli = join(here, 'cli/check.ts');
    const t3 = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, '--root', root], { encoding: 'utf8', cwd: resolve(here, '../..') });
    const t4 = performance.now();
    console.log(`CLI (node --import tsx, cold start included): ${(t4 - t3).toFixed(0)} ms, exit ${r.status}; ${r.stderr.trim().split('\n').pop()}`);
    if (findings.length) console.log(findings.slice(0, 5).map((f) => `${f.file}:${f.line}: ${f.rule}: ${f.message}`).join('\n'));
  } finally {
    if (!argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
