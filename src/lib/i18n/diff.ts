/**
 * A small line diff (LCS) and a unified-diff renderer, so stale findings can
 * show what changed in the English page without git.
 */
import { splitLines } from './text';

export type DiffLine = { kind: ' ' | '-' | '+'; text: string; oldLine?: number; newLine?: number };

const MAX_CELLS = 16_000_000;

/** Line-level diff of two arrays (common prefix/suffix trimmed, LCS in between). */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: ' ', text: a[i] as string, oldLine: i + 1, newLine: i + 1 });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) out.push({ kind: '-', text: a[i] as string, oldLine: i + 1 });
    for (let j = start; j < endB; j++) out.push({ kind: '+', text: b[j] as string, newLine: j + 1 });
  } else {
    const w = m + 1;
    const dp = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i * w + j] =
          a[start + i] === b[start + j]
            ? (dp[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(dp[(i + 1) * w + j] ?? 0, dp[i * w + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ kind: ' ', text: a[start + i] as string, oldLine: start + i + 1, newLine: start + j + 1 });
        i++;
        j++;
      } else if (j >= m || (i < n && (dp[(i + 1) * w + j] ?? 0) >= (dp[i * w + j + 1] ?? 0))) {
        out.push({ kind: '-', text: a[start + i] as string, oldLine: start + i + 1 });
        i++;
      } else {
        out.push({ kind: '+', text: b[start + j] as string, newLine: start + j + 1 });
        j++;
      }
    }
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) {
    out.push({ kind: ' ', text: a[i] as string, oldLine: i + 1, newLine: j + 1 });
  }
  return out;
}

export interface UnifiedDiffOptions {
  oldLabel?: string;
  newLabel?: string;
  context?: number;
}

/** Render a unified diff (`---`/`+++`/`@@` hunks). Returns '' when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, options: UnifiedDiffOptions = {}): string {
  const context = options.context ?? 3;
  const a = toLines(oldText);
  const b = toLines(newText);
  const lines = diffLines(a, b);
  if (!lines.some((l) => l.kind !== ' ')) return '';
  const out: string[] = [`--- ${options.oldLabel ?? 'a'}`, `+++ ${options.newLabel ?? 'b'}`];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]?.kind === ' ') i++;
    if (i >= lines.length) break;
    let hunkStart = Math.max(0, i - context);
    let hunkEnd = i;
    // extend while changes are within 2*context of each other
    for (;;) {
      while (hunkEnd < lines.length && lines[hunkEnd]?.kind !== ' ') hunkEnd++;
      let k = hunkEnd;
      while (k < lines.length && lines[k]?.kind === ' ' && k - hunkEnd < 2 * context) k++;
      if (k < lines.length && lines[k]?.kind !== ' ' && k - hunkEnd <= 2 * context) {
        hunkEnd = k;
        continue;
      }
      break;
    }
    const end = Math.min(lines.length, hunkEnd + context);
    const hunk = lines.slice(hunkStart, end);
    const oldStart = firstLine(lines, hunkStart, 'old');
    const newStart = firstLine(lines, hunkStart, 'new');
    const oldCount = hunk.filter((l) => l.kind !== '+').length;
    const newCount = hunk.filter((l) => l.kind !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`);
    for (const l of hunk) out.push(l.kind + l.text);
    i = end;
    hunkStart = end;
  }
  return out.join('\n') + '\n';
}

function toLines(text: string): string[] {
  const lines = splitLines(text);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function firstLine(lines: readonly DiffLine[], from: number, side: 'old' | 'new'): number {
  for (let k = from; k < lines.length; k++) {
    const l = lines[k];
    const n = side === 'old' ? l?.oldLine : l?.newLine;
    if (n !== undefined) return n;
  }
  // hunk has no line on this side: position after the last one before it
  for (let k = from - 1; k >= 0; k--) {
    const l = lines[k];
    const n = side === 'old' ? l?.oldLine : l?.newLine;
    if (n !== undefined) return n + 1;
  }
  return 1;
}
