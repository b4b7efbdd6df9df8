/** File-system side of the CLIs: read a Docusaurus tree into the maps the core works on. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIfExists, readPages } from '../../../src/lib/i18n/files';
import { codeJsonFile, DOCS_DIR, glossaryFile, manifestFile, sidebarFile, snapshotFile, SOURCE_LOCALE, translatedDir } from '../../../src/lib/i18n/paths';
import { translatedLocaleCodes } from '../../../src/config/locales';
import type { SiteLocaleInput } from '../core/site';
import { loadSpec } from '../../../src/lib/api/load';
import type { OpenApiDocument } from '../../../src/lib/api/model';
import { stringsFile } from '../../../src/lib/api/stringsFile';
import { SPEC_FILE } from '../../../src/lib/i18n/editLinks';

/** The repository root (three levels above tools/i18n/cli). */
export function defaultRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
}

/** Locale folders under i18n/ other than the source locale. */
export function discoverLocales(root: string): string[] {
  const dir = join(root, 'i18n');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== SOURCE_LOCALE)
    .map((e) => e.name)
    .sort();
}

export interface LoadedSite {
  root: string;
  sourcePages: Map<string, string>;
  locales: SiteLocaleInput[];
  sourceCodeJsonText: string | null;
  snapshot: (hash: string) => string | undefined;
  /** openapi/openapi.yaml of the site, parsed; undefined when it has none (then openapi.json is not checked). */
  spec?: OpenApiDocument;
}

export function loadSite(root: string, locales: readonly string[]): LoadedSite {
  if (!existsSync(join(root, DOCS_DIR)) || !statSync(join(root, DOCS_DIR)).isDirectory()) {
    throw new Error(`${join(root, DOCS_DIR)} not found: --root must point at a Docusaurus site`);
  }
  return {
    root,
    sourcePages: readPages(join(root, DOCS_DIR)),
    locales: locales.map((locale) => ({
      locale,
      pages: readPages(join(root, translatedDir(locale))),
      manifestText: readIfExists(join(root, manifestFile(locale))),
      codeJsonText: readIfExists(join(root, codeJsonFile(locale))),
      glossaryText: readIfExists(join(root, glossaryFile(locale))),
      sidebarText: readIfExists(join(root, sidebarFile(locale))),
      apiStringsText: readIfExists(join(root, stringsFile(locale))),
    })),
    sourceCodeJsonText: readIfExists(join(root, codeJsonFile(SOURCE_LOCALE))),
    snapshot: (hash) => readIfExists(join(root, snapshotFile(hash))) ?? undefined,
    ...(existsSync(join(root, SPEC_FILE)) ? { spec: loadSpec(join(root, SPEC_FILE)) } : {}),
  };
}

/**
 * The locales the CLIs work on when --locales is not given: for this repository, the
 * translated locales of the site config (src/config/site.ts), in its order; for another
 * --root, its locale folders.
 */
export function defaultLocales(root: string, configured: readonly string[] = translatedLocaleCodes()): string[] {
  return resolve(root) === defaultRoot() ? [...configured] : discoverLocales(root);
}

/** Resolve --root and --locales; unknown locales are an error. */
export function resolveLocales(root: string, requested: readonly string[] | undefined, configured: readonly string[] = translatedLocaleCodes()): string[] {
  const defaults = defaultLocales(root, configured);
  if (!requested) return defaults;
  const found = [...new Set([...defaults, ...discoverLocales(root)])];
  const unknown = requested.filter((l) => !found.includes(l));
  if (unknown.length) throw new Error(`no locale folder i18n/${unknown.join(', i18n/')} under ${root} (found: ${found.join(', ') || 'none'})`);
  return [...requested];
}

export function today(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
