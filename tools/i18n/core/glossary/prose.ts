/**
 * The text of a page in which glossary terms are looked for: the page with everything that is not
 * prose blanked out (replaced by spaces, line breaks kept, so an offset is still at its line and
 * column). Blanked: front matter other than the `title`, `description` and `sidebar_label` values,
 * fenced code, `import`/`export` lines, inline code, link and image targets, URLs, JSX and HTML
 * tags, comments, `{...}` expressions and heading ids, admonition keywords, and `METHOD /path`
 * endpoints. Pure.
 */

/** Front-matter keys whose values are prose. */
const PROSE_KEYS = /^(title|description|sidebar_label)\s*:/;

/** Spaces for every character but line breaks. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** Replace every match of `re` (global) by spaces. */
function blankAll(text: string, re: RegExp): string {
  return text.replace(re, blank);
}

/** Blank the front matter (except prose values), fenced code and ESM lines, line by line. */
function blankBlocks(lines: string[]): void {
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      for (; i <= end; i++) {
        const l = lines[i] as string;
        const m = PROSE_KEYS.exec(l);
        lines[i] = m ? blank(m[0]) + l.slice(m[0].length) : blank(l);
      }
    }
  }
  let fence: { char: string; size: number } | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i] as string;
    const open = /^\s*(?:>\s*)*(`{3,}|~{3,})/.exec(l);
    if (fence) {
      lines[i] = blank(l);
      if (open && open[1]![0] === fence.char && open[1]!.length >= fence.size && l.trim().replace(/^(?:>\s*)*/, '').replace(/[`~]/g, '') === '') fence = null;
      continue;
    }
    if (open) {
      fence = { char: open[1]![0] as string, size: open[1]!.length };
      lines[i] = blank(l);
      continue;
    }
    if (/^(import|export)\s/.test(l)) lines[i] = blank(l);
  }
}

/** Inline syntax that is never prose, in the order it must be blanked. */
const INLINE: readonly RegExp[] = [
  // comments: MDX `{/* ... */}` and HTML `<!-- ... -->`
  /\{\/\*[\s\S]*?\*\/\}/g,
  /<!--[\s\S]*?-->/g,
  // code spans, with any number of backticks
  /(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?[^`]\1(?!`)/g,
  // link and image targets `](...)`, reference definitions `[x]: url`
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
  /^\s*\[[^\]]+\]:\s*\S+.*$/gm,
  // autolinks and bare URLs
  /<(?:https?|mailto):[^>\s]*>/g,
  /\b(?:https?:\/\/|www\.)[^\s)\]>`"']+/g,
  // JSX and HTML tags (attributes included), expressions and heading ids
  /<\/?[A-Za-z][^<>]*>/g,
  /\{[^{}\n]*\}/g,
  // admonition keywords and titles' brackets stay prose: only the `:::keyword` is blanked
  /:{3,}[A-Za-z-]*/g,
  // endpoints (`GET /templates/:uuid`) and paths (`/api/reference/...`)
  /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*/g,
  /(?<![\p{L}\p{N}])\/[\w:.{}/-]+/gu,
];

/** The prose of a Markdown/MDX page, every other character blanked (offsets and lines kept). */
export function pageProse(text: string): string {
  const lines = text.split('\n');
  blankBlocks(lines);
  return inlineProse(lines.join('\n'));
}

/** The prose of a Markdown fragment (a spec description, a UI string): code spans, links targets, tags and URLs blanked. */
export function inlineProse(text: string): string {
  let out = text;
  for (const re of INLINE) out = blankAll(out, re);
  return out;
}
