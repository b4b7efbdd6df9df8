/**
 * The cURL target: one command for POSIX sh (dash), bash and zsh. Ordinary bodies are a
 * readable `--data-raw '…'`; a body with special characters, or one too large
 * for a command-line argument, is piped in from the `printf` builtin.
 */
import type { SnippetTarget } from '../types';
import { isPlain, shellPrintf, shellQuote, shellWord, utf8Length } from '../quote';

/**
 * The largest body written as a command-line argument. Linux refuses one
 * argument over 128 KiB ("Argument list too long"); larger bodies go through stdin.
 */
export const MAX_ARGUMENT_BODY_BYTES = 64 * 1024;

/**
 * True when the body is sent from stdin (`printf '…' | curl --data-binary @-`)
 * rather than as `--data-raw '…'`: when it holds a special character or a tab
 * (which single quotes would keep raw, see quote.ts) or is too large for an argument.
 */
export function bodyFromStdin(body: string): boolean {
  return !isPlain(body) || utf8Length(body) > MAX_ARGUMENT_BODY_BYTES;
}

/**
 * cURL command line. Every value is single-quoted, so the shell expands
 * nothing (a URL or header with special characters, which `buildRequest` never
 * makes, becomes `"$(printf '…')"`). An ordinary body is `--data-raw` (never `--data`,
 * which reads a file for a body starting with `@`); a body with special
 * characters or a large one is printed by the `printf` builtin with octal
 * escapes and piped to `--data-binary @-`, which sends its bytes unchanged.
 */
export const target: SnippetTarget<'curl'> = {
  id: 'curl',
  label: 'cURL',
  language: 'bash',
  convert(req) {
    const args = [`curl --request ${req.method}`];
    // Unfilled `{uuid}` path templates or brackets would otherwise be read as URL globs.
    if (/[[\]{}]/.test(req.url)) args.push('--globoff');
    args.push(`--url ${shellWord(req.url)}`);
    for (const [name, value] of req.headers) {
      // `Name:` would remove the header in curl; `Name;` sends it empty.
      args.push(`--header ${shellWord(value === '' ? `${name};` : `${name}: ${value}`)}`);
    }
    const stdin = req.body !== undefined && bodyFromStdin(req.body);
    if (req.body !== undefined) args.push(stdin ? '--data-binary @-' : `--data-raw ${shellQuote(req.body)}`);
    args.push(`--write-out ${shellQuote('\\n%{http_code}\\n')}`);
    const command = args.join(' \\\n  ');
    return stdin && req.body !== undefined ? `${shellPrintf(req.body)} |\n${command}` : command;
  },
};
