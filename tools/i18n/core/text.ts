/** How the translation checker quotes text in its messages: squashed, truncated, in backticks. */

/** Collapse runs of whitespace and trim. */
export function squash(text: string): string {
  // most texts are already squashed: check before building a new string
  return /\s\s|[\t\n\r\f\v\u00a0]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export function truncate(text: string, max = 60): string {
  const t = squash(text);
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Render a value in backticks for messages. */
export function code(text: string): string {
  const t = truncate(text, 70);
  // already a code span (e.g. a table cell `team_uuid`): do not double the backticks
  return /^`[^`]+`$/.test(t) ? t : '`' + t + '`';
}
