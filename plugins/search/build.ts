/**
 * Builds one locale's search bundle with Pagefind's Node API: every page's HTML
 * (prepared by src/lib/search/html.ts) goes in, the files of the bundle come out
 * in memory, and `writeBundle` puts them in `<locale build>/pagefind/` with the
 * pages manifest. Pagefind's own UI bundles are not written: the site has its own box.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXCLUDED, prepareHtml } from '../../src/lib/search/html';
import { MANIFEST_FILE } from '../../src/lib/search/node';
import type { SearchManifest } from '../../src/lib/search/types';

export interface IndexedPage {
  url: string;
  html: string;
  label?: string;
  keywords: readonly string[];
}

export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/**
 * Files Pagefind writes that this site never loads: its ready-made UIs. (The wasm files
 * stay: `wasm.unknown` serves a locale whose language Pagefind has no stemmer for.)
 */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui)\.(js|css)|pagefind-highlight\.js)$/;

type PagefindNode = typeof import('pagefind');

/**
 * Pagefind's Node API is an ES module whose package exports no CommonJS entry, which
 * Docusaurus's config loader (jiti) cannot resolve by name: it is imported by file URL.
 */
async function loadPagefind(): Promise<PagefindNode> {
  for (let dir = typeof __dirname === 'string' ? __dirname : process.cwd(); ; dir = path.dirname(dir)) {
    const entry = path.join(dir, 'node_modules', 'pagefind', 'lib', 'index.js');
    if (existsSync(entry)) return (await import(pathToFileURL(entry).href)) as PagefindNode;
    if (path.dirname(dir) === dir) throw new Error('The pagefind package is not installed: run npm install');
  }
}

/** Indexes the pages in `language` (ISO 639-1, for stemming) and returns the bundle's files. */
export async function buildBundle(language: string, pages: readonly IndexedPage[]): Promise<BundleFile[]> {
  const pagefind = await loadPagefind();
  try {
    const created = await pagefind.createIndex({ forceLanguage: language, excludeSelectors: [...EXCLUDED] });
    const index = created.index;
    if (!index) throw new Error(`Pagefind: ${created.errors.join('; ')}`);
    for (const page of pages) {
      const content = prepareHtml(page.html, { ...(page.label ? { label: page.label } : {}), keywords: page.keywords });
      const added = await index.addHTMLFile({ url: page.url, content });
      if (added.errors.length || !added.file) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
    }
    const result = await index.getFiles();
    if (result.errors.length) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
    return result.files.filter((f) => !UNUSED.test(f.path)).map((f) => ({ path: f.path, content: f.content }));
  } finally {
    // The indexer is a child process: stop it, or the build would never exit.
    await pagefind.close();
  }
}

/** Replaces `dir` with the bundle and its manifest. */
export async function writeBundle(dir: string, files: readonly BundleFile[], manifest: SearchManifest): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  let bytes = 0;
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (!target.startsWith(dir + path.sep)) throw new Error(`Pagefind file outside the bundle: ${file.path}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    bytes += file.content.length;
  }
  const text = JSON.stringify(manifest);
  await writeFile(path.join(dir, MANIFEST_FILE), text);
  return bytes + Buffer.byteLength(text);
}
