/**
 * A small line diff (LCS), its hunks, a unified-diff renderer and a word diff of a replaced line,
 * so that stale findings, `npm run i18n:status -- --diff` and the site's view of the English
 * changes show what changed in the English page without git. Pure, browser-safe.
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

export interface DiffHunk {
  /** First line of the hunk in the old text (the line before it when the hunk has none there). */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The changed lines and up to `context` unchanged lines around them. */
  lines: DiffLine[];
}

/**
 * The hunks of a line diff of two texts, as a unified diff groups them: each change with up to
 * `context` unchanged lines around it, changes closer than 2 x `context` lines in one hunk. Empty
 * when the texts are equal.
 */
export function diffHunks(oldText: string, newText: string, context = 3): DiffHunk[] {
  const lines = diffLines(toLines(oldText), toLines(newText));
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]?.kind === ' ') i++;
    if (i >= lines.length) break;
    const hunkStart = Math.max(0, i - context);
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
    hunks.push({ oldStart: oldCount === 0 ? oldStart - 1 : oldStart, oldCount, newStart: newCount === 0 ? newStart - 1 : newStart, newCount, lines: hunk });
    i = end;
  }
  return hunks;
}

export interface UnifiedDiffOptions {
  oldLabel?: string;
  newLabel?: string;
  context?: number;
}

/** Render a unified diff (`---`/`+++`/`@@` hunks) of `diffHunks`. Returns '' when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, options: UnifiedDiffOptions = {}): string {
  const hunks = diffHunks(oldText, newText, options.context ?? 3);
  if (hunks.length === 0) return '';
  const out: string[] = [`--- ${options.oldLabel ?? 'a'}`, `+++ ${options.newLabel ?? 'b'}`];
  for (const h of hunks) {
    out.push(`@@ -${h.oldStart},${h.oldCount} +${h.newStart},${h.newCount} @@`);
    for (const l of h.lines) out.push(l.kind + l.text);
  }
  return out.join('\n') + '\n';
}

/** A piece of a line in a word diff: `changed` when the other line does not have it. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

/** Words, runs of white space and single punctuation marks: the units of a word diff. */
function tokens(line: string): string[] {
  return line.match(/[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu) ?? [];
}

/**
 * What changed inside a line that was replaced: both lines cut into segments, the words the
 * other line lacks marked `changed` (adjacent segments of the same kind merged).
 */
export function wordDiff(oldLine: string, newLine: string): { old: DiffSegment[]; new: DiffSegment[] } {
  const out = { old: [] as DiffSegment[], new: [] as DiffSegment[] };
  const push = (side: DiffSegment[], text: string, changed: boolean): void => {
    const last = side[side.length - 1];
    if (last && last.changed === changed) last.text += text;
    else side.push({ text, changed });
  };
  for (const t of diffLines(tokens(oldLine), tokens(newLine))) {
    if (t.kind !== '+') push(out.old, t.text, t.kind === '-');
    if (t.kind !== '-') push(out.new, t.text, t.kind === '+');
  }
  return out;
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
