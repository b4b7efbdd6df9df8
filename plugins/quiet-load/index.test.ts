/**
 * quiet-load: every file it replaces still exists where Docusaurus has it, and each
 * replacement exports the same names as the original (what Docusaurus imports from it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import quietLoad, { entryModules, replacements } from './index';

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

  it('aliases them and replaces the entry in the browser bundle only', () => {
    const plugin = quietLoad();
    const configure = plugin.configureWebpack as unknown as (
      config: unknown,
      isServer: boolean,
    ) => { entry?: string; mergeStrategy?: object; resolve?: { alias?: Record<string, string> } };
    expect(configure({ entry: docusaurusEntry }, true)).toEqual({});
    const browser = configure({ entry: docusaurusEntry }, false);
    expect(Object.keys(browser.resolve?.alias ?? {})).toHaveLength(6);
    expect(browser.entry).toBe(path.join(__dirname, 'client/entry.ts'));
    expect(browser.mergeStrategy).toEqual({ entry: 'replace' });
  });
});

// What Docusaurus's browser build configures as its entry (core/lib/webpack/client.js).
const docusaurusEntry = path.join(path.dirname(require.resolve('@docusaurus/core/package.json')), 'lib/client/clientEntry.js');

describe('the split entry', () => {
  it("imports React DOM, Docusaurus's client entry and App, which exist where the aliases point", () => {
    const aliases = entryModules(docusaurusEntry);
    for (const file of Object.values(aliases)) expect(existsSync(file), file).toBe(true);
    expect(aliases['@quiet-load/docusaurus-client-entry$']).toBe(docusaurusEntry);
    expect(existsSync(aliases['@quiet-load/docusaurus-app$']!)).toBe(true);
    const entry = readFileSync(path.join(__dirname, 'client/entry.ts'), 'utf8');
    for (const alias of Object.keys(aliases)) expect(entry).toContain(`'${alias.replace(/\$$/, '')}'`);
  });

  it('is still the module that starts the app: it sets window.docusaurus and hydrates', () => {
    // What the split defers to its last task; if Docusaurus moved the start elsewhere, the split would no longer cover it.
    const source = readFileSync(docusaurusEntry, 'utf8');
    expect(source).toMatch(/window\.docusaurus = /);
    expect(source).toMatch(/hydrateRoot\(/);
  });

  it('fails the build when Docusaurus configures another entry', () => {
    expect(() => entryModules(['./a.js', './b.js'])).toThrow(/not its clientEntry\.js/);
    expect(() => entryModules('/somewhere/else/index.js')).toThrow(/not its clientEntry\.js/);
    expect(() => entryModules('/nowhere/clientEntry.js')).toThrow(/no App\.js beside/);
  });
});
