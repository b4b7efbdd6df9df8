/**
 * Node-only loader of the locales' API strings, `i18n/<locale>/openapi.json` (./stringsFile.ts),
 * for the build: the remark plugin (the Try it panel's model), the API downloads and the page
 * renderer. A file is re-read only when it changed (mtime or size), so the dev server picks up a
 * translator's edit; a malformed file throws, naming the file and line (the build fails loudly).
 * A locale without the file has no translations: everything stays English.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { localizeSpec, type LocalizedSpec } from './localize';
import type { OpenApiDocument } from './model';
import { emptyStringsFile, parseStringsFile, stringsFile, type StringsFile } from './stringsFile';

/** The repository root (as ./load.ts finds it). */
const ROOT = typeof __dirname === 'string' ? path.resolve(__dirname, '../../..') : process.cwd();

const cache = new Map<string, { mtimeMs: number; size: number; file: StringsFile }>();

/** The absolute path of a locale's file under `root`. */
export function stringsFilePath(locale: string, root: string = ROOT): string {
  return path.join(root, stringsFile(locale));
}

/** A locale's strings; empty for English and for a locale without the file. */
export function localeStrings(locale: string, root: string = ROOT): StringsFile {
  if (locale === 'en') return emptyStringsFile();
  const file = stringsFilePath(locale, root);
  if (!existsSync(file)) return emptyStringsFile();
  const { mtimeMs, size } = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.file;
  const parsed = parseStringsFile(readFileSync(file, 'utf8'));
  if (parsed.problems.length) {
    throw new Error(parsed.problems.map((p) => `${stringsFile(locale)}:${p.line}: ${p.message}`).join('\n'));
  }
  cache.set(file, { mtimeMs, size, file: parsed.file });
  return parsed.file;
}

/** The spec in a locale (downloads: no language marks). */
export function loadLocalizedSpec(doc: OpenApiDocument, locale: string, root: string = ROOT): LocalizedSpec {
  return localizeSpec(doc, localeStrings(locale, root).spec);
}
