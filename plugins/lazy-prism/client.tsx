/**
 * prism-react-renderer for the browser, evaluated on first use rather than at
 * load (plugins/lazy-prism makes the client build import this module for the
 * package's name; the server build imports the package).
 *
 * Why: evaluating the package (Prism and the grammars it bundles) was some
 * 40 % of the main bundle's start-up on every page (about 20 of 50 ms of
 * main-thread CPU on the bench machine, four times that on Lighthouse's
 * phone), and a page needs none of it to load: code blocks and snippets keep
 * the HTML the server highlighted (src/components/KeepServerHtml). The package
 * is evaluated the first time something uses it: a `Highlight` renders (code
 * rendered in the browser after a client-side navigation, a snippet tab chosen
 * or changed) or something reads `Prism`. A page that only shows its server
 * HTML never evaluates it. `whenEvaluated` callbacks run right after the
 * evaluation, before that first use: src/theme/prism-include-languages.ts
 * registers the site's extra languages there, so the first code rendered in
 * the browser finds them.
 *
 * Same exports as the package: `Highlight` renders the package's component,
 * `Prism` and `themes` forward every access to the package's objects, and
 * `normalizeTokens` and `useTokenize` call the package's functions.
 */
import React from 'react';
import type * as Package from 'prism-react-renderer';

type PackageModule = typeof Package;

let loaded: PackageModule | undefined;
const callbacks: Array<(module: PackageModule) => void> = [];

function load(): PackageModule {
  if (loaded) return loaded;
  // The package's own file: a path the plugin's alias leaves alone.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require('prism-react-renderer/dist/index.mjs') as PackageModule;
  for (const callback of callbacks.splice(0)) callback(loaded);
  return loaded;
}

/** Runs `callback` with the package once it is evaluated (at once if it is already). */
export function whenEvaluated(callback: (module: PackageModule) => void): void {
  if (loaded) callback(loaded);
  else callbacks.push(callback);
}

/** Whether the package has been evaluated (for tests). */
export function isLoaded(): boolean {
  return loaded !== undefined;
}

/** An object that is the package's `pick(module)` for every access, evaluated on the first one. */
function forwarded<T extends object>(pick: (module: PackageModule) => T): T {
  const target = () => pick(load());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may not report a property as non-configurable when its own target lacks it.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

export const Prism: PackageModule['Prism'] = forwarded((module) => module.Prism);
export const themes: PackageModule['themes'] = forwarded((module) => module.themes);

export function Highlight(props: React.ComponentProps<PackageModule['Highlight']>): React.ReactNode {
  return React.createElement(load().Highlight, props);
}

export const normalizeTokens: PackageModule['normalizeTokens'] = (...args) => load().normalizeTokens(...args);

export const useTokenize: PackageModule['useTokenize'] = (...args) => load().useTokenize(...args);
