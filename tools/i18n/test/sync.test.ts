/** Staleness markers, snapshots, orphans and the status computation (pure core). */
import { describe, expect, it } from 'vitest';
import { checkSite, type SiteInput } from '../core/site';
import { computeStatus } from '../../../src/lib/i18n/status';
import { emptyManifest, freshness, markPageSynced, parseManifest, serializeManifest, type SyncManifest } from '../../../src/lib/i18n/sync';
import { edit, expectExactly, fixture } from './helpers';

const DOC = 'api/messages.mdx';
const EN = fixture('rules/en.mdx');
const IT = fixture('rules/it.mdx');

/** A tiny in-memory site with one page and a snapshot store. */
function site(en: string, manifest: SyncManifest | null, snapshots: Map<string, string>, it = IT): SiteInput {
  return {
    sourcePages: new Map([[DOC, en]]),
    locales: [{ locale: 'it', pages: new Map([[DOC, it]]), manifestText: manifest ? serializeManifest(manifest) : null }],
    snapshot: (h) => snapshots.get(h),
    uiStrings: false,
  };
}

describe('sync markers', () => {
  it('sync-missing, then clean after sync, stale with a diff after an English edit, clean again after re-sync', () => {
    const snapshots = new Map<string, string>();
    expectExactly(checkSite(site(EN, null, snapshots)), [['sync-missing', 1]]);

    let { manifest, snapshot } = markPageSynced(emptyManifest(), DOC, EN, '2026-01-10');
    snapshots.set(snapshot.hash, snapshot.content);
    expectExactly(checkSite(site(EN, manifest, snapshots)), []);

    const en2 = edit(EN, 'Messages are sorted from the newest to the oldest one.', 'Messages are sorted from the newest to the oldest one, 50 per page.');
    const f = checkSite(site(en2, manifest, snapshots));
    expectExactly(f, [['stale', 1]]);
    expect(f[0]).toMatchObject({ severity: 'warning', file: `i18n/it/docusaurus-plugin-content-docs/current/${DOC}`, docPath: DOC });
    expect(f[0]?.message).toContain('2026-01-10');
    expect(f[0]?.diff).toContain('-Messages are sorted from the newest to the oldest one.');
    expect(f[0]?.diff).toContain('+Messages are sorted from the newest to the oldest one, 50 per page.');
    expect(f[0]?.diff).toMatch(/^--- docs\/api\/messages\.mdx \(synced 2026-01-10/);

    ({ manifest, snapshot } = markPageSynced(manifest, DOC, en2, '2026-02-01'));
    snapshots.set(snapshot.hash, snapshot.content);
    expectExactly(checkSite(site(en2, manifest, snapshots)), []);
  });

  it('stale without a snapshot still reports, with a hint instead of a diff', () => {
    const { manifest } = markPageSynced(emptyManifest(), DOC, EN, '2026-01-10');
    const f = checkSite(site(EN + '\nMore.\n', manifest, new Map()));
    expectExactly(f, [['stale', 1]]);
    expect(f[0]?.diff).toBeUndefined();
    expect(f[0]?.message).toContain('git log -p docs/api/messages.mdx');
  });

  it('CRLF and trailing whitespace do not make a page stale', () => {
    const { manifest } = markPageSynced(emptyManifest(), DOC, EN, '2026-01-10');
    expectExactly(checkSite(site(EN.replace(/\n/g, '  \r\n'), manifest, new Map())), []);
  });

  it('structure still rules: a row the English page gained is reported even after the marker moved', () => {
    const en2 = edit(EN, '| `page`    | Integer | The page to read, starting from `1`.     |\n',
      '| `page`    | Integer | The page to read, starting from `1`.     |\n| `limit`   | Integer | How many messages per page.              |\n');
    const { manifest, snapshot } = markPageSynced(emptyManifest(), DOC, en2, '2026-03-01');
    const f = checkSite(site(en2, manifest, new Map([[snapshot.hash, snapshot.content]])));
    expect(f.map((x) => x.rule).sort()).toEqual(['inline-code', 'table-shape']);
    expect(f.find((x) => x.rule === 'table-shape')?.message).toContain('`limit`');
  });

  it('orphan: a translated page without English source is an error', () => {
    const s = site(EN, null, new Map());
    const f = checkSite({ ...s, sourcePages: new Map([['api/other.mdx', EN]]) });
    expectExactly(f, [['orphan', 1]]);
    expect(f[0]?.severity).toBe('error');
  });

  it('sync-manifest: a broken manifest is reported and ignored', () => {
    const s = site(EN, null, new Map());
    const f = checkSite({ ...s, locales: [{ ...s.locales[0]!, manifestText: '{\n  "api/messages.mdx": { "sourceHash": "x" }\n}\n' }] });
    expectExactly(f, [['sync-manifest', 2], ['sync-missing', 1]]);
  });

  it('manifest round trip and freshness', () => {
    const { manifest } = markPageSynced(emptyManifest(), DOC, EN, '2026-01-10');
    const text = serializeManifest({ ...manifest, codeJson: { 'home.title': 'abcdef0123456789' } });
    expect(parseManifest(text)).toEqual({ manifest: { ...manifest, codeJson: { 'home.title': 'abcdef0123456789' } }, problems: [] });
    expect(JSON.parse(text)).toEqual({ [DOC]: manifest.pages[DOC], 'code.json': { 'home.title': 'abcdef0123456789' } });
    expect(freshness(EN, manifest.pages[DOC]).state).toBe('synced');
    expect(freshness(EN + 'x', manifest.pages[DOC]).state).toBe('stale');
    expect(freshness(EN, undefined).state).toBe('unsynced');
  });
});

describe('status', () => {
  it('translated, stale, missing, never synced, orphans', () => {
    const pages = new Map([
      ['a.mdx', '# A\n'],
      ['b.mdx', '# B\n'],
      ['c.mdx', '# C\n'],
      ['d.md', '# D\n'],
    ]);
    let m = markPageSynced(emptyManifest(), 'a.mdx', '# A\n', '2026-01-01').manifest;
    m = markPageSynced(m, 'b.mdx', '# B (old)\n', '2026-01-02').manifest;
    const [it] = computeStatus({ sourcePages: pages, locales: [{ locale: 'it', translatedPaths: ['a.mdx', 'b.mdx', 'd.md', 'gone.mdx'], manifest: serializeManifest(m) }] });
    expect(it?.pages.map((p) => [p.docPath, p.status, p.syncedAt])).toEqual([
      ['a.mdx', 'translated', '2026-01-01'],
      ['b.mdx', 'stale', '2026-01-02'],
      ['c.mdx', 'missing', null],
      ['d.md', 'stale', null],
    ]);
    expect(it?.pages[3]?.reason).toBe('no-sync-marker');
    expect(it?.counts).toEqual({ translated: 1, stale: 2, missing: 1 });
    expect(it?.orphans).toEqual(['gone.mdx']);
  });
});
