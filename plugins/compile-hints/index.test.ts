/** compile-hints: which files get V8's compile hint. (That main.js starts with it: e2e/page-load.spec.ts.) */
import { describe, expect, it } from 'vitest';
import compileHints, { CompileHintPlugin, hintedFiles } from './index';

describe('hintedFiles', () => {
  it("takes the JavaScript files of Docusaurus's entry chunk only", () => {
    const chunks = new Map([
      ['main', { files: ['assets/js/main.1234.js', 'assets/css/styles.1234.css', 'assets/js/main.1234.js.LICENSE.txt'] }],
      ['runtime~main', { files: ['assets/js/runtime~main.5678.js'] }],
    ]);
    expect(hintedFiles(chunks)).toEqual(['assets/js/main.1234.js']);
  });

  it('fails the build when there is no entry chunk to hint', () => {
    expect(() => hintedFiles(new Map())).toThrow(/no "main" chunk/);
  });
});

describe('compileHints plugin', () => {
  it('adds its bundler plugin to the browser build only', () => {
    const configure = compileHints().configureWebpack as unknown as (config: unknown, isServer: boolean) => { plugins?: unknown[] };
    expect(configure({}, true)).toEqual({});
    expect(configure({}, false).plugins?.[0]).toBeInstanceOf(CompileHintPlugin);
  });
});
