import { createElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type * as Package from 'prism-react-renderer';
import type { RenderProps } from 'prism-react-renderer';
import * as lazy from './client';
import lazyPrism, { LAZY_PRISM_CLIENT } from './index';

// (react-dom ships no types here.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderToStaticMarkup } = require('react-dom/server') as { renderToStaticMarkup: (element: ReactElement) => string };

// The package file the client module loads (the same instance, not the CommonJS build Node would pick).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('prism-react-renderer/dist/index.mjs') as typeof Package;

const render = ({ tokens, getTokenProps }: RenderProps): ReactNode =>
  createElement('code', null, ...tokens.flat().map((token, key) => createElement('span', { key, ...getTokenProps({ token }) })));

describe('lazy prism-react-renderer', () => {
  it('evaluates the package on first use only, then runs the callbacks waiting for it, and then is the package', () => {
    expect(lazy.isLoaded()).toBe(false);
    const languages: string[][] = [];
    lazy.whenEvaluated((module) => languages.push(Object.keys(module.Prism.languages)));
    expect(languages).toEqual([]);
    expect(Object.keys(lazy)).toEqual(expect.arrayContaining(Object.keys(pkg).filter((key) => key !== 'default')));
    expect(lazy.Prism.languages.json).toBeDefined();
    expect(lazy.isLoaded()).toBe(true);
    expect(languages).toHaveLength(1);
    expect(lazy.Prism.languages.json).toBe(pkg.Prism.languages.json);
    expect(Object.keys(lazy.Prism.languages)).toEqual(Object.keys(pkg.Prism.languages));
    expect(lazy.themes.dracula).toEqual(pkg.themes.dracula);
  });

  it('runs whenEvaluated callbacks with the package, at once once it is evaluated', () => {
    const seen: unknown[] = [];
    lazy.whenEvaluated((module) => seen.push(module.Prism));
    expect(seen).toEqual([pkg.Prism]);
  });

  it('forwards writes: a language added through it is the package Prism\'s', () => {
    lazy.Prism.languages.lazyTest = { word: /\w+/ };
    expect('lazyTest' in lazy.Prism.languages).toBe(true);
    expect(pkg.Prism.languages.lazyTest).toBe(lazy.Prism.languages.lazyTest);
    delete lazy.Prism.languages.lazyTest;
    expect(pkg.Prism.languages.lazyTest).toBeUndefined();
  });

  it('highlights exactly as the package does', () => {
    const props = { code: '{"name": "Ada", "n": 1, "ok": true}', language: 'json', theme: pkg.themes.dracula, children: render };
    expect(renderToStaticMarkup(createElement(lazy.Highlight, props))).toBe(renderToStaticMarkup(createElement(pkg.Highlight, props)));
  });

  it('replaces the package in the browser bundle only', () => {
    const plugin = lazyPrism();
    const configure = (isServer: boolean) => plugin.configureWebpack!({} as never, isServer, {} as never, {} as never);
    expect(configure(false)).toEqual({ resolve: { alias: { 'prism-react-renderer$': LAZY_PRISM_CLIENT } } });
    expect(configure(true)).toEqual({});
  });
});
