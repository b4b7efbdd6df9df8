/**
 * `npm run i18n:status -- --diff`, spawned on a copy of the fixture Docusaurus tree: a page
 * synced and then changed in English is followed by the changes since its sync, the same hunks
 * as the site's view (src/lib/i18n/changes.ts); pages never synced or without a snapshot say why.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishChanges } from '../../../src/lib/i18n/changes';
import { parseManifest } from '../../../src/lib/i18n/sync';
import { FIXTURES, REPO_ROOT, TEST_DIR } from './helpers';

const CLI = join(TEST_DIR, '../cli');
const DOC = 'api/messages.mdx';
let root: string;

function run(cli: 'status' | 'sync', ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(CLI, `${cli}.ts`), '--root', root, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'i18n-status-'));
  cpSync(join(FIXTURES, 'site'), root, { recursive: true });
  expect(run('sync', DOC, '--locale', 'it').code).toBe(0);
  // the English page changes after the sync: a paragraph added, a word replaced
  const file = join(root, 'docs', DOC);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('# GET /messages\n', '# GET /messages\n\nA new paragraph.\n').replace('The message reached the phone.', 'The message reached the customer phone.'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('i18n:status --diff', () => {
  it('prints under a stale page what changed in English since its sync, hunk by hunk', () => {
    const r = run('status', '--diff', '--locales', 'it');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.trim().endsWith(DOC) && l.includes('stale'));
    expect(at).toBeGreaterThan(-1);
    const diff = lines.slice(at + 1).filter((l) => l.startsWith('      ')).map((l) => l.slice(6));
    expect(diff[0]).toMatch(new RegExp(`^--- docs/${DOC} \\(synced \\d{4}-\\d{2}-\\d{2}, [0-9a-f]{16}\\)$`));
    expect(diff).toContain('+A new paragraph.');
    expect(diff).toContain('-| delivered   | The message reached the phone.           |');
    // the same hunks as the site's view of the changes
    const manifest = parseManifest(readFileSync(join(root, 'i18n/it/translation-sync.json'), 'utf8')).manifest;
    const entry = manifest.pages[DOC]!;
    const snapshot = readFileSync(join(root, `i18n/.source-snapshots/${entry.sourceHash}.md`), 'utf8');
    const changes = englishChanges(readFileSync(join(root, 'docs', DOC), 'utf8'), entry, snapshot);
    if (changes?.kind !== 'diff') throw new Error('expected a diff');
    expect(diff.filter((l) => l.startsWith('@@'))).toEqual(changes.hunks.map((h) => `@@ -${h.oldStart},${h.oldCount} +${h.newStart},${h.newCount} @@`));
    // pages never synced are listed as before, without a diff
    expect(r.stdout).toContain('(never synced)');
  });

  it('without --diff prints the status alone', () => {
    const r = run('status', '--locales', 'it');
    expect(r.stdout).not.toContain('+A new paragraph.');
    expect(r.stdout).toMatch(/stale\s+\d{4}-\d{2}-\d{2}\s+api\/messages\.mdx/);
  });

  it('says when the snapshot of the sync is missing, and gives the diff in JSON', () => {
    const json = JSON.parse(run('status', '--diff', '--locales', 'it', '--format', 'json').stdout) as { pages: { docPath: string; diff?: string; note?: string }[] }[];
    expect(json[0]!.pages.find((p) => p.docPath === DOC)?.diff).toContain('+A new paragraph.');
    const manifest = parseManifest(readFileSync(join(root, 'i18n/it/translation-sync.json'), 'utf8')).manifest;
    rmSync(join(root, `i18n/.source-snapshots/${manifest.pages[DOC]!.sourceHash}.md`));
    const r = run('status', '--diff', '--locales', 'it');
    expect(r.stdout).toContain(`(no snapshot i18n/.source-snapshots/${manifest.pages[DOC]!.sourceHash}.md: compare with \`git log -p docs/${DOC}\`)`);
  });
});
