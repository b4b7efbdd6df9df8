/**
 * npm run i18n:check -- [--root DIR] [--locales it,es] [--format text|json]
 *                       [--no-language] [--markdown-format mdx|detect] [--no-classic-heading-ids]
 * Prints `file:line: rule: message` for every problem; exit 1 when an error is found.
 */
import { resolve } from 'node:path';
import { loadNgramDetector } from '../core/ngrams';
import { checkSite, hasErrors } from '../core/site';
import type { Finding } from '../core/types';
import { checkKnown, listFlag, parseArgs, stringFlag, UsageError } from './args';
import { defaultRoot, loadSite, resolveLocales } from './site';

const USAGE = 'usage: i18n:check [--root DIR] [--locales it,es] [--format text|json] [--no-language] [--markdown-format mdx|detect] [--no-classic-heading-ids]';

function formatText(findings: readonly Finding[]): string {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${f.file}:${f.line}: ${f.rule}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`);
    if (f.diff) for (const l of f.diff.replace(/\n$/, '').split('\n')) out.push(`    ${l}`);
  }
  return out.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  let args;
  try {
    args = parseArgs(argv, ['root', 'locales', 'locale', 'format', 'markdown-format']);
    checkKnown(args, ['root', 'locales', 'locale', 'format', 'markdown-format', 'no-language', 'no-classic-heading-ids', 'help']);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.flags.has('help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const format = stringFlag(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json`);
    const mdFormat = stringFlag(args, 'markdown-format') ?? 'mdx';
    if (mdFormat !== 'mdx' && mdFormat !== 'detect') throw new UsageError('--markdown-format must be mdx or detect');
    const root = resolve(stringFlag(args, 'root') ?? defaultRoot());
    const locales = resolveLocales(root, listFlag(args, 'locales', 'locale'));
    const language = !args.flags.has('no-language');
    const detector = language ? loadNgramDetector() : undefined;
    const site = loadSite(root, locales);
    const findings = checkSite({
      ...site,
      ...(detector ? { detector: await detector } : {}),
      markdownFormat: mdFormat,
      language,
      classicHeadingIds: !args.flags.has('no-classic-heading-ids'),
    });
    if (format === 'json') process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
    else if (findings.length) process.stdout.write(formatText(findings) + '\n');
    const errors = findings.filter((f) => f.severity === 'error').length;
    const pages = site.locales.reduce((n, l) => n + l.pages.size, 0);
    process.stderr.write(
      `i18n:check: ${errors} error(s), ${findings.length - errors} warning(s); ${pages} translated page(s) in ${locales.join(', ') || 'no locale'} against ${site.sourcePages.size} English page(s) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
    );
    return hasErrors(findings) ? 1 : 0;
  } catch (e) {
    process.stderr.write(`i18n:check: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(USAGE + '\n');
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
