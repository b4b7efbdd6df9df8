import type { SnippetTarget } from '../types';
import { jsKey, jsString, jsTemplate } from '../quote';

/** Literal for a body: a template literal when it spans lines, else a plain string. */
export function jsBody(body: string): string {
  return body.includes('\n') ? jsTemplate(body) : jsString(body);
}

/** `headers: { ... },` lines at `indent`, or nothing when there is no header. */
export function jsHeaders(headers: Array<[string, string]>, indent: string): string[] {
  if (headers.length === 0) return [];
  return [
    `${indent}headers: {`,
    ...headers.map(([name, value]) => `${indent}  ${jsKey(name)}: ${jsString(value)},`),
    `${indent}},`,
  ];
}

/** Browser `fetch` with top-level await (ES module or browser console). */
export const target: SnippetTarget<'javascript'> = {
  id: 'javascript',
  label: 'JavaScript',
  language: 'javascript',
  convert(req) {
    const lines: string[] = [];
    if (req.body !== undefined) lines.push(`const body = ${jsBody(req.body)};`, '');
    lines.push(
      `const response = await fetch(${jsString(req.url)}, {`,
      `  method: ${jsString(req.method)},`,
      ...jsHeaders(req.headers, '  '),
    );
    if (req.body !== undefined) lines.push('  body,');
    lines.push('});', '', 'console.log(response.status, await response.text());');
    return lines.join('\n');
  },
};
