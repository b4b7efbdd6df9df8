/** File-system side of the CLIs: read a Docusaurus tree into the maps the core works on. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIfExists, readPages } from '../../../src/lib/i18n/files';
import { codeJsonFile, DOCS_DIR, manifestFile, snapshotFile, SOURCE_LOCALE, translatedDir } from '../../../src/lib/i18n/paths';
import type { SiteLocaleInput } from '../core/site';

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
    })),
    sourceCodeJsonText: readIfExists(join(root, codeJsonFile(SOURCE_LOCALE))),
    snapshot: (hash) => readIfExists(join(root, snapshotFile(hash))) ?? undefined,
  };
}

/** Resolve --root and --locales; unknown locales are an error. */
export function resolveLocales(root: string, requested: readonly string[] | undefined): string[] {
  const found = discoverLocales(root);
  if (!requested) return found;
  const unknown = requested.filter((l) => !found.includes(l));
  if (unknown.length) throw new Error(`no locale folder i18n/${unknown.join(', i18n/')} under ${root} (found: ${found.join(', ') || 'none'})`);
  return [...requested];
}

export function today(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
