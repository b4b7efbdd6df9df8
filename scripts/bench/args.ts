/**
 * The command line of `npm run bench`, pure (./args.test.ts):
 *   --only <section>[,<section>]   run only these sections (repeatable): bundle, search, lighthouse, budgets
 *   --build-dir <dir>              measure this existing build of every locale instead of building one
 *                                  (search, lighthouse, budgets; bundle always makes its own two builds)
 *   --lighthouse-full              Lighthouse on every page in every locale, median of 3 runs
 *                                  (default: a quick pass, each page once)
 * With no --only, every section but `budgets` runs (`npm test` checks the budgets; this
 * section prints the figures to set them from).
 */
import { parseArgs } from 'node:util';

export const SECTIONS = ['bundle', 'search', 'lighthouse', 'budgets'] as const;
export type Section = (typeof SECTIONS)[number];

export const DEFAULT_SECTIONS: readonly Section[] = ['bundle', 'search', 'lighthouse'];

export interface BenchOptions {
  sections: Section[];
  /** An existing build of every locale; undefined: the bench builds one. */
  buildDir?: string;
  lighthouseFull: boolean;
}

export const USAGE = `Usage: npm run bench -- [--only ${SECTIONS.join('|')}[,…]] [--build-dir <dir>] [--lighthouse-full]`;

/** Parses the arguments after `npm run bench --`; throws a message with the usage on anything unknown. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const values = (() => {
    try {
      return parseArgs({
        args: [...argv],
        options: {
          only: { type: 'string', multiple: true },
          'build-dir': { type: 'string' },
          'lighthouse-full': { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${USAGE}`);
    }
  })();
  const asked = (values.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  for (const name of asked) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`Unknown section "${name}" (${SECTIONS.join(', ')})\n${USAGE}`);
  }
  // Sections run in their fixed order, each once, whatever the order asked.
  const sections = asked.length ? SECTIONS.filter((s) => asked.includes(s)) : [...DEFAULT_SECTIONS];
  const buildDir = values['build-dir'];
  if (buildDir !== undefined && !buildDir.trim()) throw new Error(`--build-dir needs a folder\n${USAGE}`);
  return { sections, buildDir, lighthouseFull: values['lighthouse-full'] ?? false };
}
