import type { SnippetTarget } from '../types';
import { shellQuote } from '../quote';

/** cURL command line; every value single-quoted, so the shell expands nothing. */
export const target: SnippetTarget<'curl'> = {
  id: 'curl',
  label: 'cURL',
  language: 'bash',
  convert(req) {
    const args = [`curl --request ${req.method}`];
    // Unfilled `{uuid}` path templates or brackets would otherwise be read as URL globs.
    if (/[[\]{}]/.test(req.url)) args.push('--globoff');
    args.push(`--url ${shellQuote(req.url)}`);
    for (const [name, value] of req.headers) {
      // `Name:` would remove the header in curl; `Name;` sends it empty.
      args.push(`--header ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
    }
    if (req.body !== undefined) args.push(`--data ${shellQuote(req.body)}`);
    args.push(`--write-out ${shellQuote('\\n%{http_code}\\n')}`);
    return args.join(' \\\n  ');
  },
};
