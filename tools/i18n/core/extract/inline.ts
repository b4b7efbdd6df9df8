/**
 * Inline code spans and links of the table rows that are not handed to the Markdown parser
 * (rows without `{` or `<`: parsing them is costly and nothing MDX-specific can be in them).
 * The scanner follows CommonMark closely enough for the checker: code spans, escapes, links
 * with balanced brackets, images skipped, bare URLs.
 */
import type { TableInfo } from '../../../../src/lib/markdown/tables';
import type { InlineCodeInfo, LinkInfo } from '../pageModel';
import { squash } from '../text';

export interface InlineFacts {
  codes: InlineCodeInfo[];
  links: LinkInfo[];
}

/** A bare URL in text (GFM autolink literal, roughly). */
export const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]`]*[^\s<>()[\]`.,;:!?'"*_~]/g;

/** The URL a bare-URL match stands for (`www.` gets `http://`). */
export function bareUrl(match: string): string {
  return match.startsWith('www.') ? `http://${match}` : match;
}

/** Read the simple rows of every table (blanked in `body`, so the parser skips them). */
export function takeTableInline(lines: readonly string[], body: string[], tables: readonly TableInfo[]): InlineFacts {
  const out: InlineFacts = { codes: [], links: [] };
  for (const t of tables) {
    for (const row of [t.header, t.delimiter, ...t.rows]) {
      if (!row) continue;
      const l = lines[row.line - 1] as string;
      if (l.includes('{') || l.includes('<')) continue;
      body[row.line - 1] = '';
      scanInline(l, row.line, out);
    }
  }
  return out;
}

/**
 * Inline code spans and links of one table row, CommonMark style: backtick runs
 * close on a run of the same length, `\\` escapes, `[text](url)` with balanced
 * brackets, images skipped, bare URLs.
 */
export function scanInline(text: string, line: number, out: { codes: InlineCodeInfo[]; links: LinkInfo[] }): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let k = text.indexOf(fence, i + run);
      while (k >= 0 && text[k + run] === '`') {
        let e = k;
        while (text[e] === '`') e++;
        k = text.indexOf(fence, e);
      }
      if (k < 0) {
        i += run;
        continue;
      }
      let value = text.slice(i + run, k);
      if (value.length > 1 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      out.codes.push({ value, line });
      i = k + run;
      continue;
    }
    if (c === '[' || (c === '!' && text[i + 1] === '[')) {
      const image = c === '!';
      const open = image ? i + 1 : i;
      const close = matchBracket(text, open);
      if (close > 0 && text[close + 1] === '(') {
        const end = matchParen(text, close + 1);
        if (end > 0) {
          const inner = text.slice(open + 1, close);
          if (!image) {
            let dest = text.slice(close + 2, end).trim();
            if (dest.startsWith('<')) dest = dest.slice(1, dest.indexOf('>') > 0 ? dest.indexOf('>') : undefined);
            else dest = dest.split(/\s+/)[0] ?? '';
            out.links.push({ url: dest, line, text: squash(inner.replace(/`/g, '')) });
          }
          scanInline(inner, line, { codes: out.codes, links: [] });
          i = end + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    if ((c === 'h' || c === 'w') && (text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i))) {
      BARE_URL.lastIndex = i;
      const m = BARE_URL.exec(text);
      if (m && m.index === i) {
        out.links.push({ url: bareUrl(m[0]), line, text: m[0] });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
}

function matchBracket(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '`') {
      let run = 1;
      while (text[k + run] === '`') run++;
      const end = text.indexOf('`'.repeat(run), k + run);
      if (end > 0) k = end + run - 1;
      else k += run - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return k;
  }
  return -1;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}
