/**
 * Docusaurus plugin: main.js (the browser's entry bundle: React, the router,
 * the theme) starts with V8's explicit compile hint `//# allFunctionsCalledOnLoad`.
 *
 * Without it, V8 compiles each function of the bundle lazily, on the main
 * thread, the first time it is called: while main.js is evaluated, most of the
 * time went to compiling its module factories (11 to 15 ms of the 20 to 25 ms
 * task on a phone viewport here). With it, Chromium (136 and later) compiles
 * the whole file eagerly while it streams the download, off the main thread,
 * and the evaluation task shrinks to about half (Lighthouse's main.js task:
 * 15 to 24 ms → 10 to 14 ms). Nearly every function of main.js runs during a
 * page's load and hydration, which is what the hint is for; other browsers
 * ignore the comment. Page chunks are small and lazy chunks run later: they
 * keep V8's default.
 *
 * The comment is added after minification (which would strip it) and before
 * the content hashes are computed, so a file's name still follows its content.
 */
import type { Plugin } from '@docusaurus/types';
import type { Compilation, Compiler } from 'webpack';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const NAME = 'compile-hints';
/** The chunk that gets the hint: Docusaurus's client entry. */
const ENTRY_CHUNK = 'main';

/** The entry chunk's JavaScript files. */
export function hintedFiles(namedChunks: ReadonlyMap<string, { files: Iterable<string> }>): string[] {
  const chunk = namedChunks.get(ENTRY_CHUNK);
  if (!chunk) throw new Error(`${NAME}: no "${ENTRY_CHUNK}" chunk in the client build; has Docusaurus renamed its entry?`);
  return [...chunk.files].filter((file) => file.endsWith('.js'));
}

/** The bundler plugin (webpack's API, which Rspack implements: `compiler.webpack` is the bundler's own module). */
export class CompileHintPlugin {
  apply(compiler: Compiler): void {
    const { Compilation: CompilationClass, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation: Compilation) => {
      // After the minifier (OPTIMIZE_SIZE), which drops comments; before the real content hash.
      compilation.hooks.processAssets.tap({ name: NAME, stage: CompilationClass.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
        for (const file of hintedFiles(compilation.namedChunks)) {
          compilation.updateAsset(file, (source) => new sources.ConcatSource(`${COMPILE_HINT}\n`, source));
        }
      });
    });
  }
}

export default function compileHints(): Plugin<void> {
  return {
    name: NAME,
    configureWebpack(_config, isServer) {
      return isServer ? {} : { plugins: [new CompileHintPlugin()] };
    },
  };
}
