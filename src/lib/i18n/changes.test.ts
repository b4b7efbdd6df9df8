/** The English changes of a stale page: hunks, word diff, and the same diff as the checker prints. */
import { describe, expect, it } from 'vitest';
import { changesAsUnifiedDiff, englishChanges } from './changes';
import { diffHunks, unifiedDiff, wordDiff } from './diff';
import { freshness } from './sync';
import { sourceHash } from './text';

const OLD = Array.from({ length: 20 }, (_, i) => `Line ${i + 1} of the page.`).join('\n') + '\n';
const NOW = OLD.replace('Line 3 of the page.', 'Line 3 of the English page.').replace('Line 18 of the page.\n', 'Line 18 of the page.\nA new line.\n');

describe('diffHunks', () => {
  it('groups each change with its context, with the line numbers of both texts', () => {
    const hunks = diffHunks(OLD, NOW, 3);
    expect(hunks.map((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount])).toEqual([
      [1, 6, 1, 6],
      [16, 5, 16, 6],
    ]);
    expect(hunks[1]!.lines.find((l) => l.kind === '+')).toEqual({ kind: '+', text: 'A new line.', newLine: 19 });
    expect(diffHunks(OLD, OLD)).toEqual([]);
  });

  it('is what the unified diff prints', () => {
    const text = unifiedDiff(OLD, NOW, { oldLabel: 'a', newLabel: 'b' });
    const fromHunks = diffHunks(OLD, NOW).flatMap((h) => [`@@ -${h.oldStart},${h.oldCount} +${h.newStart},${h.newCount} @@`, ...h.lines.map((l) => l.kind + l.text)]);
    expect(text).toBe(['--- a', '+++ b', ...fromHunks, ''].join('\n'));
  });

  it('numbers a pure insertion at the start like diff -u', () => {
    expect(diffHunks('a\n', 'new\na\n').map((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount])).toEqual([[1, 1, 1, 2]]);
    expect(diffHunks('a\n', '').map((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount])).toEqual([[1, 1, 0, 0]]);
  });
});

describe('wordDiff', () => {
  it('marks the words each side lacks, keeping the text whole', () => {
    const d = wordDiff('The message reached the phone.', 'The message reached the customer phone, finally.');
    expect(d.old.map((s) => s.text).join('')).toBe('The message reached the phone.');
    expect(d.new.map((s) => s.text).join('')).toBe('The message reached the customer phone, finally.');
    expect(d.old.filter((s) => s.changed).map((s) => s.text)).toEqual([]);
    expect(d.new.filter((s) => s.changed).map((s) => s.text)).toEqual(['customer ', ', finally']);
    expect(wordDiff('Send a template.', 'Send a message.').old.filter((s) => s.changed).map((s) => s.text)).toEqual(['template']);
  });

  it('handles accented words as words', () => {
    expect(wordDiff('Não há conteúdo.', 'Não há mais conteúdo.').new.filter((s) => s.changed).map((s) => s.text)).toEqual(['mais ']);
  });
});

describe('englishChanges', () => {
  const entry = { sourceHash: sourceHash(OLD), syncedAt: '2026-11-20' };

  it('is null when the English page is as it was at the sync', () => {
    expect(englishChanges(OLD.replace(/\n/g, '  \r\n'), entry, OLD)).toBeNull();
  });

  it('gives the hunks, with the changed words of a replaced line', () => {
    const c = englishChanges(NOW, entry, OLD);
    expect(c).toEqual(expect.objectContaining({ kind: 'diff', syncedAt: '2026-11-20', syncedHash: entry.sourceHash, currentHash: sourceHash(NOW) }));
    if (c?.kind !== 'diff') throw new Error('expected a diff');
    const changed = c.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== ' '));
    expect(changed.map((l) => [l.kind, l.oldLine ?? null, l.newLine ?? null, l.segments.filter((s) => s.changed).map((s) => s.text)])).toEqual([
      ['-', 3, null, []],
      ['+', null, 3, ['English ']],
      ['+', null, 19, []],
    ]);
    // a line's segments always spell the whole line
    for (const l of changed) expect(l.segments.map((s) => s.text).join('')).toMatch(/^(Line 3 of the (English )?page\.|A new line\.)$/);
  });

  it('marks the words added to a line kept whole (a heading that grew)', () => {
    const c = englishChanges('# Changelog of the API\n', { sourceHash: '0000000000000000', syncedAt: '2026-01-01' }, '# Changelog\n');
    if (c?.kind !== 'diff') throw new Error('expected a diff');
    expect(c.hunks[0]!.lines.map((l) => l.segments.filter((s) => s.changed).map((s) => s.text))).toEqual([[], [' of the API']]);
  });

  it('does not mark words in a line rewritten from scratch', () => {
    const c = englishChanges('# Title\n\nCompletely different words here.\n', { sourceHash: '0000000000000000', syncedAt: '2026-01-01' }, '# Title\n\nNothing alike.\n');
    if (c?.kind !== 'diff') throw new Error('expected a diff');
    expect(c.hunks[0]!.lines.filter((l) => l.kind !== ' ').every((l) => l.segments.length === 1 && !l.segments[0]!.changed)).toBe(true);
  });

  it('says when the English text of the sync is not stored', () => {
    expect(englishChanges(NOW, entry, null)).toEqual({ kind: 'no-snapshot', syncedAt: '2026-11-20', syncedHash: entry.sourceHash, currentHash: sourceHash(NOW) });
  });

  it('prints the same diff as the check shows under a stale finding', () => {
    const fr = freshness(NOW, entry, OLD, 'api/x.mdx');
    expect(fr.state === 'stale' && fr.diff).toBe(changesAsUnifiedDiff(NOW, OLD, 'api/x.mdx', entry));
    expect(changesAsUnifiedDiff(NOW, OLD, 'api/x.mdx', entry).split('\n').slice(0, 2)).toEqual([
      `--- docs/api/x.mdx (synced 2026-11-20, ${entry.sourceHash})`,
      `+++ docs/api/x.mdx (now, ${sourceHash(NOW)})`,
    ]);
  });
});
