/** route-chunk-scripts: the registry's chunk → module pairs, and the manifest completed with them. */
import { describe, expect, it } from 'vitest';
import routeChunkScripts from './index';
import { registryModules, withModuleOrigins, type ClientManifest } from './manifest';

// The shape Docusaurus 3.10 writes to .docusaurus/registry.js.
const REGISTRY = `export default {
  "17896441": [() => import(/* webpackChunkName: "17896441" */ "@theme/DocItem"), "@theme/DocItem", require.resolveWeak("@theme/DocItem")],
  "f85012ca": [() => import(/* webpackChunkName: "f85012ca" */ "@site/docs/api/reference/contacts_api/get_contacts.mdx"), "@site/docs/api/reference/contacts_api/get_contacts.mdx", require.resolveWeak("@site/docs/api/reference/contacts_api/get_contacts.mdx")],
  "0b1c2d3e": [() => import(/* webpackChunkName: "0b1c2d3e" */ "@site/docs/a \\"quoted\\" name.mdx"), "@site/docs/a \\"quoted\\" name.mdx", require.resolveWeak("@site/docs/a \\"quoted\\" name.mdx")],
};
`;

const MANIFEST: ClientManifest = {
  entrypoints: ['main'],
  origins: { main: ['main'], '17896441': ['3013', '106'], f85012ca: ['4014', 'f85012ca'] },
  assets: {},
};

describe('registryModules', () => {
  it('reads every chunk name and the module name Docusaurus reports for it, JSON escapes included', () => {
    expect([...registryModules(REGISTRY)]).toEqual([
      ['17896441', '@theme/DocItem'],
      ['f85012ca', '@site/docs/api/reference/contacts_api/get_contacts.mdx'],
      ['0b1c2d3e', '@site/docs/a "quoted" name.mdx'],
    ]);
  });

  it('finds nothing in text of another shape', () => {
    expect(registryModules('export default {\n  "x": ["@theme/DocItem"],\n};\n').size).toBe(0);
  });
});

describe('withModuleOrigins', () => {
  it("files each chunk's origins under its module name too, and keeps the rest as it was", () => {
    const out = withModuleOrigins(MANIFEST, registryModules(REGISTRY));
    expect(out.origins['@theme/DocItem']).toEqual(['3013', '106']);
    expect(out.origins['@site/docs/api/reference/contacts_api/get_contacts.mdx']).toEqual(['4014', 'f85012ca']);
    expect(out.origins['17896441']).toEqual(['3013', '106']);
    expect(out.origins.main).toEqual(['main']);
    expect(out.entrypoints).toEqual(['main']);
    // A registry chunk the manifest does not know adds nothing.
    expect(out.origins['@site/docs/a "quoted" name.mdx']).toBeUndefined();
    // The input is left alone.
    expect(MANIFEST.origins['@theme/DocItem']).toBeUndefined();
  });

  it('merges with origins already filed under that name, without duplicates', () => {
    const manifest = { ...MANIFEST, origins: { ...MANIFEST.origins, '@theme/DocItem': ['106', '9'] } };
    expect(withModuleOrigins(manifest, registryModules(REGISTRY)).origins['@theme/DocItem']).toEqual(['106', '9', '3013']);
  });

  it('fails loudly when no registry chunk is in the manifest (a format has changed)', () => {
    expect(() => withModuleOrigins(MANIFEST, new Map([['deadbeef', '@theme/Nothing']]))).toThrow(/none of the 1 chunks/);
    expect(() => withModuleOrigins(MANIFEST, new Map())).toThrow(/registry/);
  });
});

describe('the plugin', () => {
  const configure = (mode: string, isServer: boolean) =>
    (routeChunkScripts({ generatedFilesDir: '/nowhere' }).configureWebpack as unknown as (config: unknown, isServer: boolean) => { plugins?: unknown[] })(
      { mode },
      isServer,
    );

  it('completes the manifest of the production browser build only', () => {
    expect(configure('production', false).plugins).toHaveLength(1);
    expect(configure('production', true)).toEqual({});
  });

  it('leaves the dev server alone: its manifest has no page chunks and renders no HTML (npm start)', () => {
    expect(configure('development', false)).toEqual({});
  });
});
