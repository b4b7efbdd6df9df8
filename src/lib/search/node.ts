/**
 * Reads a built search index from Node (tests, the bench, a future MCP `search_docs`
 * tool): `openSearchIndex('build/it/pagefind')` loads that locale's Pagefind bundle and
 * its pages.json, and `search(query)` answers exactly as the search box does.
 * Pagefind's browser module reads its files with `fetch`; `file:` URLs are served
 * from disk here, every other URL goes to the real `fetch`.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PagefindApi } from './results';
import { pagefindOptions, searchIndex, RESULT_LIMIT } from './search';
import type { SearchHit, SearchManifest } from './types';

/** The file, next to Pagefind's, that lists the locale's pages (see plugins/search). */
export const MANIFEST_FILE = 'pages.json';
/** The folder of each locale's bundle, under the locale's build folder. */
export const BUNDLE_DIR = 'pagefind';

/** `build/` for the default locale, `build/<locale>/` for the others (Docusaurus i18n layout). */
export function localeBuildDir(buildDir: string, locale: string, defaultLocale: string): string {
  return locale === defaultLocale ? buildDir : path.join(buildDir, locale);
}

let fileFetchInstalled = false;
let opened = 0;

function installFileFetch(): void {
  if (fileFetchInstalled) return;
  fileFetchInstalled = true;
  const real = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return real(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

export interface NodeSearchIndex {
  manifest: SearchManifest;
  search(query: string, limit?: number): Promise<SearchHit[]>;
}

/** Opens the bundle in `dir` (a locale's `pagefind/` folder). Each folder gets its own Pagefind instance. */
export async function openSearchIndex(dir: string): Promise<NodeSearchIndex> {
  const root = path.resolve(dir);
  const entry = path.join(root, 'pagefind.js');
  if (!existsSync(entry)) throw new Error(`No search index in ${root}: build the site first (npm run build)`);
  const manifest = JSON.parse(readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as SearchManifest;
  installFileFetch();
  // Pagefind's module, copied as .mjs (an ES module whatever loader runs: Node, vitest,
  // Playwright) under a name of its own, so each bundle gets its own module instance.
  // Once imported, the copy is not needed any more.
  const copy = path.join(tmpdir(), `callbell-search-pagefind-${process.pid}-${++opened}.mjs`);
  writeFileSync(copy, readFileSync(entry));
  let api: PagefindApi;
  try {
    api = (await import(/* @vite-ignore */ pathToFileURL(copy).href)) as PagefindApi;
  } finally {
    rmSync(copy, { force: true });
  }
  await api.options(pagefindOptions(`${pathToFileURL(root).href}/`));
  await api.init();
  return {
    manifest,
    search: (query, limit = RESULT_LIMIT) => searchIndex(api, manifest.pages, query, limit),
  };
}
