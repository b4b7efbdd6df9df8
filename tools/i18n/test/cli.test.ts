/**
 * The CLIs, spawned on a copy of the fixture Docusaurus tree (fixtures/site):
 * exit codes, output formats, --locales, and the sync/stale workflow.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../core/types';
import { FIXTURES, REPO_ROOT, TEST_DIR } from './helpers';

const CLI = join(TEST_DIR, '../cli');
// each test spawns the CLIs (a TypeScript start-up and the language detector's database each time)
vi.setConfig({ testTimeout: 60_000 });
let root: string;

function run(cli: 'check' | 'sync' | 'status', ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(CLI, `${cli}.ts`), '--root', root, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
function json(...args: string[]): { code: number; findings: Finding[] } {
  const r = run('check', '--format', 'json', ...args);
  return { code: r.code, findings: JSON.parse(r.stdout) as Finding[] };
}
const DOC = 'api/messages.mdx';
const itFile = (doc: string): string => `i18n/it/docusaurus-plugin-content-docs/current/${doc}`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'i18n-cli-'));
  cpSync(join(FIXTURES, 'site'), root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('i18n:check', () => {
  it('prints file:line: rule: message and exits 1 on errors', () => {
    const r = run('check');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('i18n/es/docusaurus-plugin-content-docs/current/api/reference/contacts_api/get_contacts.mdx:2: frontmatter-keys: front-matter key `título` should be `title` (keys are never translated)');
    for (const l of lines) expect(l).toMatch(/^[^\s:]+:\d+: [a-z-]+: .+/);
    expect(r.stderr).toMatch(/i18n:check: \d+ error\(s\), \d+ warning\(s\)/);
  });

  it('--format json: an array of findings with file, line, locale, rule, severity, message', () => {
    const { code, findings } = json();
    expect(code).toBe(1);
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      expect(f).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number), locale: expect.any(String), rule: expect.any(String), message: expect.any(String) }));
      expect(['error', 'warning']).toContain(f.severity);
      expect(f.line).toBeGreaterThanOrEqual(1);
    }
    const es = findings.filter((f) => f.locale === 'es' && f.file.endsWith('get_contacts.mdx'));
    expect(es.map((f) => f.rule)).toEqual(expect.arrayContaining(['frontmatter-keys', 'heading-endpoint', 'table-row-malformed', 'table-identifier', 'table-shape', 'code-json']));
    expect(findings.filter((f) => f.locale === 'pt' && f.rule === 'language').length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.file === 'i18n/es/code.json').map((f) => f.rule)).toEqual(expect.arrayContaining(['ui-missing-key', 'ui-orphan-key', 'ui-placeholders', 'ui-plural']));
  });

  it('--locales restricts the check; warnings only exit 0', () => {
    const it = json('--locales', 'it');
    expect(it.code).toBe(0);
    expect(new Set(it.findings.map((f) => f.locale))).toEqual(new Set(['it']));
    expect(it.findings.every((f) => f.severity === 'warning')).toBe(true);
    const pt = json('--locales', 'pt');
    expect(pt.code).toBe(0);
    expect(new Set(pt.findings.map((f) => f.rule))).toEqual(new Set(['sync-missing', 'language', 'ui-sync-missing']));
    expect(json('--locales', 'it,es').code).toBe(1);
  });

  it('exit 2 on usage errors or an unknown locale', () => {
    expect(run('check', '--format', 'xml').code).toBe(2);
    expect(run('check', '--locales', 'fr').code).toBe(2);
    expect(run('check', '--bogus').code).toBe(2);
  });

  it('orphan pages are errors', () => {
    writeFileSync(join(root, itFile('api/old.mdx')), '# Vecchia pagina\n');
    const r = json('--locales', 'it');
    expect(r.code).toBe(1);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.file, f.line])).toEqual([['orphan', itFile('api/old.mdx'), 1]]);
  });

  it('without i18n/en/code.json the UI strings are skipped with a warning', () => {
    rmSync(join(root, 'i18n/en/code.json'));
    const r = json('--locales', 'it');
    expect(r.findings.filter((f) => f.rule.startsWith('ui-')).map((f) => f.rule)).toEqual(['ui-source-missing']);
  });
});

describe('i18n:sync and staleness', () => {
  it('sync moves the marker and writes the snapshot; an English edit makes the page stale with a diff; re-sync clears it', () => {
    let r = run('sync', DOC, '--locale', 'it', '--date', '2026-01-10');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/it: synced api\/messages\.mdx \([0-9a-f]{16}, 2026-01-10\)/);
    const manifest = JSON.parse(readFileSync(join(root, 'i18n/it/translation-sync.json'), 'utf8')) as Record<string, { sourceHash: string; syncedAt: string }>;
    expect(Object.keys(manifest)).toEqual([DOC]);
    const hash = manifest[DOC]?.sourceHash as string;
    expect(existsSync(join(root, `i18n/.source-snapshots/${hash}.md`))).toBe(true);
    expect(existsSync(join(root, 'i18n/es/translation-sync.json'))).toBe(false);

    let f = json('--locales', 'it').findings.filter((x) => x.file === itFile(DOC));
    expect(f).toEqual([]);

    const enPath = join(root, 'docs', DOC);
    writeFileSync(enPath, readFileSync(enPath, 'utf8').replace('Messages are sorted from the newest to the oldest one.', 'Messages are sorted from the newest to the oldest one. Deleted messages are skipped.'));
    f = json('--locales', 'it').findings.filter((x) => x.file === itFile(DOC));
    expect(f.map((x) => [x.rule, x.line, x.severity])).toEqual([['stale', 1, 'warning']]);
    expect(f[0]?.diff).toContain('+Messages are sorted from the newest to the oldest one. Deleted messages are skipped.');
    const text = run('check', '--locales', 'it');
    expect(text.stdout).toContain(`${itFile(DOC)}:1: stale: warning: the English page changed since the sync of 2026-01-10`);
    expect(text.stdout).toContain('    -Messages are sorted from the newest to the oldest one.');

    r = run('sync', `docs/${DOC}`, '--locale', 'it', '--date', '2026-02-01');
    expect(r.code).toBe(0);
    expect(json('--locales', 'it').findings.filter((x) => x.file === itFile(DOC))).toEqual([]);
  });

  it('a table row the English page gained is reported even after sync', () => {
    const enPath = join(root, 'docs', DOC);
    writeFileSync(enPath, readFileSync(enPath, 'utf8').replace('| `page`    | Integer | The page to read, starting from `1`.     |\n',
      '| `page`    | Integer | The page to read, starting from `1`.     |\n| `limit`   | Integer | Messages per page, at most `100`.        |\n'));
    expect(run('sync', DOC, '--locale', 'it').code).toBe(0);
    const r = json('--locales', 'it');
    expect(r.code).toBe(1);
    const f = r.findings.filter((x) => x.file === itFile(DOC));
    expect(f.map((x) => x.rule).sort()).toEqual(['inline-code', 'inline-code', 'table-shape']);
  });

  it('--all syncs every translated page and code.json of the locale; globs select pages', () => {
    expect(run('sync', '--all', '--locale', 'it', '--date', '2026-01-10').code).toBe(0);
    const m = JSON.parse(readFileSync(join(root, 'i18n/it/translation-sync.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual(['api/intro.md', 'api/messages.mdx', 'api/reference/contacts_api/get_contacts.mdx', 'code.json']);
    expect(Object.keys(m['code.json'] as object).sort()).toEqual(['footer.copyright', 'home.start', 'home.title', 'search.results']);
    const r = json('--locales', 'it');
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([]);

    expect(run('sync', 'api/reference/**', '--locale', 'es,pt').code).toBe(0);
    for (const l of ['es', 'pt']) {
      const mm = JSON.parse(readFileSync(join(root, `i18n/${l}/translation-sync.json`), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(mm)).toEqual(['api/reference/contacts_api/get_contacts.mdx']);
    }
  });

  it('a changed English UI message is stale even though its id stayed the same', () => {
    expect(run('sync', 'code.json', '--locale', 'it').code).toBe(0);
    const enPath = join(root, 'i18n/en/code.json');
    writeFileSync(enPath, readFileSync(enPath, 'utf8').replace('Read the introduction', 'Start with the introduction'));
    const f = json('--locales', 'it').findings.filter((x) => x.file === 'i18n/it/code.json');
    expect(f.map((x) => [x.rule, x.line])).toEqual([['ui-stale', 6]]);
  });

  it('sync of nothing exits 1; no arguments is a usage error', () => {
    expect(run('sync', 'api/nope.mdx', '--locale', 'it').code).toBe(1);
    expect(run('sync').code).toBe(2);
  });
});

describe('i18n:status', () => {
  it('per locale and page: translated, stale or missing with the sync date', () => {
    mkdirSync(join(root, 'i18n/it'), { recursive: true });
    expect(run('sync', '--all', '--locale', 'it', '--date', '2026-01-10').code).toBe(0);
    const enPath = join(root, 'docs/api/intro.md');
    writeFileSync(enPath, readFileSync(enPath, 'utf8') + '\nA new paragraph.\n');
    const r = run('status', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { locale: string; pages: { docPath: string; status: string; syncedAt: string | null }[] }[];
    expect(report.map((l) => l.locale)).toEqual(['es', 'it', 'pt']);
    const it = report.find((l) => l.locale === 'it');
    expect(it?.pages.map((p) => [p.docPath, p.status, p.syncedAt])).toEqual([
      ['api/intro.md', 'stale', '2026-01-10'],
      ['api/messages.mdx', 'translated', '2026-01-10'],
      ['api/reference/contacts_api/get_contacts.mdx', 'translated', '2026-01-10'],
    ]);
    const es = report.find((l) => l.locale === 'es');
    expect(es?.pages.find((p) => p.docPath === 'api/intro.md')?.status).toBe('missing');
    const text = run('status', '--locales', 'it');
    expect(text.stdout).toContain('it: 2/3 translated, 1 stale, 0 missing');
    expect(text.stdout).toMatch(/stale\s+2026-01-10\s+api\/intro\.md/);
  });
});
