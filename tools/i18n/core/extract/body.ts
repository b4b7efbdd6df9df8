/**
 * Prepare the text the Markdown parser reads: lines keep their numbers, but the parts that are
 * read line by line (front matter, fenced code content, ESM blocks, simple table rows) are
 * blanked, and classic `{#id}` heading ids are escaped. Each step mutates `body`, a copy of the
 * page lines.
 */
import type { Fence } from '../../../../src/lib/markdown/fences';

/** A copy of the page lines with the front matter (and stray text before it) blanked. */
export function bodyWithoutFrontMatter(lines: readonly string[], lastLine: number): string[] {
  const body = lines.slice();
  for (let i = 0; i < lastLine && i < body.length; i++) body[i] = '';
  return body;
}

/** Blank the content lines of fenced code blocks (not Markdown). */
export function blankFences(body: string[], fences: readonly Fence[]): void {
  for (const f of fences) for (let k = f.open + 1; k < f.close; k++) body[k] = '';
}

/** 1-based flags of the lines in front matter or fenced code (fence lines included). */
export function frontMatterAndFenceLines(length: number, lastLine: number, fences: readonly Fence[]): Uint8Array {
  const out = new Uint8Array(length + 2);
  for (let i = 1; i <= lastLine; i++) out[i] = 1;
  for (const f of fences) for (let k = f.open; k <= f.close; k++) out[k + 1] = 1;
  return out;
}

/** `## Title {#id}` would be an MDX expression: escape the brace as Docusaurus' mdx1Compat does. */
export function escapeClassicHeadingIds(body: string[]): void {
  for (let i = 0; i < body.length; i++) {
    const l = body[i] as string;
    if (l.includes('{#') && /^ {0,3}#{1,6}[ \t].*\{#[^}]*\}[ \t]*$/.test(l)) body[i] = l.replace(/\{#(?=[^{]*$)/, '\\{#');
  }
}
