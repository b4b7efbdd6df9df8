/**
 * Text helpers of the translation tools that the site shares: BOM and line splitting, the
 * normalised English source and its hash (sync markers), offsets to lines (JSON positions).
 */
import { createHash } from 'node:crypto';

/** Strip a UTF-8 BOM. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Split into lines, accepting LF, CRLF and CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Normalise an English source before hashing/snapshotting: BOM, CRLF and
 * trailing whitespace (per line and at the end of the file) are ignored.
 */
export function normaliseSource(text: string): string {
  const lines = splitLines(stripBom(text)).map((l) => l.replace(/[ \t\f\v\u00a0]+$/u, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The `sourceHash` of an English page: sha256 of the normalised text, first 16 hex digits. */
export function sourceHash(text: string): string {
  return sha256Hex(normaliseSource(text)).slice(0, 16);
}

/** Offsets of the start of every line (index 0 = line 1). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line of an offset, given `lineStarts`. */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
