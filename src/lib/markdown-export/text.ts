/** Plain text inside Markdown: escapes what would turn it into syntax. Pure. */

/**
 * Escapes backslashes, backticks, `*`, brackets, angle brackets and pipes, and an `_`
 * at the edge of a word (one inside a word, `team_uuid`, is plain text already).
 */
export function plainText(text: string): string {
  return text.replace(/[\\`*[\]<>|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => `\\${c}`);
}
