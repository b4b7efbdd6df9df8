/**
 * quiet-load: every file it replaces still exists where Docusaurus has it, and each
 * replacement exports the same names as the original (what Docusaurus imports from it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import quietLoad, { replacements } from './index';

/** The names an ES module's source exports (`export function x`, `export const x`, `export default`). */
function exportNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)) names.add(match[1]!);
  if (/^export default /m.test(source)) names.add('default');
  return [...names].sort();
}

describe('quiet-load replacements', () => {
  const entries = Object.entries(replacements());

  it('replaces browserContext, prefetch and useWindowSize', () => {
    expect(entries.map(([from]) => from.split('/').slice(-1)[0]).sort()).toEqual(['browserContext', 'prefetch', 'useWindowSize']);
  });

  for (const [original, replacement] of entries) {
    const name = original.split('/').slice(-1)[0];
    it(`${name}: Docusaurus's file is where the alias expects it, and the replacement exports the same names`, () => {
      expect(existsSync(`${original}.js`), `${original}.js is gone: Docusaurus has moved it`).toBe(true);
      expect(exportNames(readFileSync(replacement, 'utf8'))).toEqual(exportNames(readFileSync(`${original}.js`, 'utf8')));
    });
  }

  it('aliases them in the browser bundle only', () => {
    const plugin = quietLoad();
    const configure = plugin.configureWebpack as unknown as (config: unknown, isServer: boolean) => { resolve?: { alias?: object } };
    expect(configure({}, true)).toEqual({});
    expect(Object.keys(configure({}, false).resolve?.alias ?? {})).toHaveLength(3);
  });
});
