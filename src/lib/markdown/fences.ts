/**
 * Fenced code blocks of a Markdown page, found line by line (``` or ~~~, closed by a fence of
 * the same character at least as long). Pure; shared by the table reader and the translation
 * checker, which blanks their content before parsing (it is not Markdown).
 */

export interface Fence {
  /** 0-based line of the opening fence. */
  open: number;
  /** 0-based line of the closing fence. */
  close: number;
  /** Indentation of the opening fence (stripped from the content lines). */
  indent: number;
}

/** The closed fences from line `from` (0-based) on; an unclosed fence ends the scan (the rest is left to a parser). */
export function findFences(lines: readonly string[], from = 0): Fence[] {
  const out: Fence[] = [];
  for (let i = from; i < lines.length; i++) {
    const m = /^( *)(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!m) continue;
    const marker = m[2] as string;
    if (marker[0] === '`' && (m[3] ?? '').includes('`')) continue;
    const closeRe = new RegExp(`^ *${marker[0] === '`' ? '`' : '~'}{${marker.length},} *$`);
    let close = -1;
    for (let k = i + 1; k < lines.length; k++) {
      if (closeRe.test(lines[k] as string)) {
        close = k;
        break;
      }
    }
    if (close < 0) break; // unclosed: leave the rest to the parser
    out.push({ open: i, close, indent: (m[1] ?? '').length });
    i = close;
  }
  return out;
}
