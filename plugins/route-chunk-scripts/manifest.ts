/**
 * Pure part of the route-chunk-scripts plugin (./index.ts).
 *
 * Docusaurus puts in each page's HTML the scripts that the client manifest
 * (react-loadable-ssr-addon) lists for the modules the page rendered. The
 * modules are reported by the names in `.docusaurus/registry.js`
 * ("@theme/DocItem", "@site/docs/….mdx"), while the manifest files its chunks
 * under their chunk names ("17896441"), so no name matches and every page gets
 * only the entry scripts. The browser then discovers the page's own chunks only
 * after main.js has run, one round trip later, and main.js spends its task
 * creating their script elements.
 *
 * `registryModules` reads the registry's chunk name → module name pairs;
 * `withModuleOrigins` files each chunk's origins under its module name too.
 */

export interface ClientManifest {
  entrypoints: string[];
  origins: Record<string, Array<string | number>>;
  assets: Record<string, unknown>;
}

// One registry entry: "17896441": [() => import(/* webpackChunkName: "17896441" */ "@theme/DocItem"), "@theme/DocItem", require.resolveWeak(…)],
const ENTRY = /^\s*("(?:[^"\\]|\\.)*"): \[\(\) => import\(\/\* webpackChunkName: "(?:[^"\\]|\\.)*" \*\/ (?:"(?:[^"\\]|\\.)*")\), ("(?:[^"\\]|\\.)*"), require\.resolveWeak\(/;

/** Chunk name → the module name Docusaurus reports when a page renders that chunk, from registry.js's text. */
export function registryModules(registrySource: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const line of registrySource.split('\n')) {
    const match = ENTRY.exec(line);
    if (match) pairs.set(JSON.parse(match[1]!) as string, JSON.parse(match[2]!) as string);
  }
  return pairs;
}

/**
 * The manifest with each registry chunk's origins also under its module name.
 * Throws when the registry names no chunk the manifest knows: Docusaurus has
 * changed one of the two formats, and pages would silently lose their scripts.
 */
export function withModuleOrigins(manifest: ClientManifest, modules: ReadonlyMap<string, string>): ClientManifest {
  const origins = { ...manifest.origins };
  let matched = 0;
  for (const [chunkName, moduleName] of modules) {
    const chunkOrigins = manifest.origins[chunkName];
    if (!chunkOrigins) continue;
    matched++;
    const known = origins[moduleName] ?? [];
    origins[moduleName] = [...known, ...chunkOrigins.filter((id) => !known.includes(id))];
  }
  if (matched === 0) {
    throw new Error(
      `route-chunk-scripts: none of the ${modules.size} chunks of .docusaurus/registry.js is in the client manifest; ` +
        'has Docusaurus changed the format of one of them?',
    );
  }
  return { ...manifest, origins };
}
