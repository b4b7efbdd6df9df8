/**
 * WhatsApp template texts: placeholders are written `{{1}}`, `{{2}}`, ...
 * (spaces inside the braces allowed); the same number may appear more than
 * once and takes the same value. Pure.
 */

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** The distinct placeholders of a template text, by number: `["1", "2"]`. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort((a, b) => Number(a) - Number(b));
}

/** The text with its placeholders filled, in order, by `values`; a placeholder without a value stays as written. */
export function fillTemplate(text: string, values: readonly string[]): string {
  const names = placeholders(text);
  return text.replace(PLACEHOLDER, (whole, n: string) => values[names.indexOf(n)] ?? whole);
}
