/** The spec-dependency plugin: pages with RequestTabs depend on the spec, others do not. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_PATH } from '../../src/lib/api/load';
import specDependency, { localeStringsFiles } from './index';

const require = createRequire(import.meta.url);

interface LoaderThis {
  getOptions(): { files: string[]; marker: string | string[]; localeFiles?: Record<string, string> };
  addDependency(file: string): void;
  resourcePath?: string;
}
const loader = require('./loader.cjs') as (this: LoaderThis, source: string) => string;

const STRINGS = { it: '/site/i18n/it/openapi.json', pt: '/site/i18n/pt/openapi.json' };

function run(source: string, resourcePath = '/site/docs/api/x.mdx'): { out: string; deps: string[] } {
  const deps: string[] = [];
  const ctx: LoaderThis = {
    getOptions: () => ({ files: [SPEC_PATH], localeFiles: STRINGS, marker: ['<RequestTabs', '<FieldTree'] }),
    addDependency: (f) => deps.push(f),
    resourcePath,
  };
  return { out: loader.call(ctx, source), deps };
}

describe('spec-dependency loader', () => {
  it('declares the spec as a dependency of a page that uses RequestTabs, and passes the source through', () => {
    const page = `# GET /contacts\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n`;
    expect(run(page)).toEqual({ out: page, deps: [SPEC_PATH] });
  });

  it('does the same for a page with a field tree only (webhook and object pages)', () => {
    expect(run(`# Contact\n\n<FieldTree object="Contact"/>\n`).deps).toEqual([SPEC_PATH]);
  });

  it("adds a translated page's locale strings, and only that locale's", () => {
    const page = `<FieldTree object="Contact"/>\n`;
    expect(run(page, '/site/i18n/it/docusaurus-plugin-content-docs/current/api/x.mdx').deps).toEqual([SPEC_PATH, STRINGS.it]);
    expect(run(page, '/site/i18n/es/docusaurus-plugin-content-docs/current/api/x.mdx').deps).toEqual([SPEC_PATH]);
    expect(run('# Guide\n', '/site/i18n/it/docusaurus-plugin-content-docs/current/api/y.mdx').deps).toEqual([]);
  });

  it('watches every translated locale of the site config', () => {
    const files = localeStringsFiles();
    expect(Object.keys(files).sort()).toEqual(['es', 'it', 'pt']);
    expect(files.it).toBe(path.join(path.dirname(path.dirname(SPEC_PATH)), 'i18n', 'it', 'openapi.json'));
    expect(specDependency().getPathsToWatch?.()).toEqual([SPEC_PATH, ...Object.values(files)]);
  });

  it('leaves other pages alone', () => {
    expect(run('# Guide\n\nNo tabs here.\n').deps).toEqual([]);
  });

  it('is registered for MDX files only, before the MDX loader', () => {
    const config = specDependency().configureWebpack?.({} as never, false, {} as never, {} as never) as {
      module: { rules: Array<{ test: (r: string) => boolean; enforce: string; use: Array<{ loader: string; options: { files: string[] } }> }> };
    };
    const rule = config.module.rules[0]!;
    expect(rule.enforce).toBe('pre');
    expect(rule.test('/site/docs/api/x.mdx')).toBe(true);
    expect(rule.test('/site/docs/api/x.md')).toBe(true);
    expect(rule.test('/site/src/x.tsx')).toBe(false);
    expect(path.basename(rule.use[0]!.loader)).toBe('loader.cjs');
    expect(rule.use[0]!.options.files).toEqual([SPEC_PATH]);
  });
});
