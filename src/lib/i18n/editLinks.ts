/**
 * "Edit this page" links: the repository file a page comes from, and its edit URL. A translated
 * page comes from its translation file under `i18n/<locale>/`, or, when it is rendered from the
 * spec, from the locale's strings `i18n/<locale>/openapi.json`; an English page (or a page a
 * locale has not translated, which Docusaurus serves in English) from `docs/`, unless it is
 * rendered from the spec (`npm run pages:render`), then from `openapi/openapi.yaml`. The edit URL
 * is a config value (`EDIT_URL`, e.g. `https://github.com/<org>/<repo>/edit/main/`) to which the
 * file's path is appended; with none, there are no links. Pure: the caller says which files
 * exist and which pages are rendered.
 */
import { operationModels, type OpenApiDocument } from '../api/model';
import { endpointDocPath, OBJECT_TYPES, objectDocPath, webhookDocPath, webhookEventNames } from '../docs/paths';
import { stringsFile } from '../api/stringsFile';
import { sourceFile, translatedFile } from './paths';

/** The spec, relative to the repository root. */
export const SPEC_FILE = 'openapi/openapi.yaml';

/**
 * The English reference pages rendered from the spec (endpoints, object types, webhook events),
 * as doc paths without extension, but the hand-written ones (tools/pages `HANDWRITTEN`).
 */
export function specRenderedPages(doc: OpenApiDocument, handwritten: ReadonlySet<string>): Set<string> {
  const all = [
    ...operationModels(doc).map((op) => endpointDocPath(op)),
    ...OBJECT_TYPES.map((name) => objectDocPath(name)),
    ...webhookEventNames(doc).map((event) => webhookDocPath(event)),
  ];
  return new Set(all.filter((p) => !handwritten.has(p)));
}

export interface EditFileInput {
  /** Locale of the page being built. */
  locale: string;
  defaultLocale: string;
  /** Path of the page relative to docs/, with its extension. */
  docPath: string;
  /** The locale has a translation file of the page. */
  translated: boolean;
  /** The English page is rendered from the spec. */
  renderedFromSpec: boolean;
}

/** The repository file to edit to change what a page shows. */
export function editFile(input: EditFileInput): string {
  if (input.locale !== input.defaultLocale && input.translated) return input.renderedFromSpec ? stringsFile(input.locale) : translatedFile(input.locale, input.docPath);
  if (input.renderedFromSpec) return SPEC_FILE;
  return sourceFile(input.docPath);
}

/**
 * The edit URL config value, checked: undefined when not set (no links), else an http(s) URL
 * ending with `/`. Anything else throws, naming the variable, so a build fails loudly.
 */
export function parseEditUrl(value: string | undefined, name = 'EDIT_URL'): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`${name} must be an http(s) URL to which a file path is appended, e.g. https://github.com/<org>/<repo>/edit/main/ (got ${JSON.stringify(v)})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL (got ${JSON.stringify(v)})`);
  if (url.search || url.hash) throw new Error(`${name} must not have a query or a fragment: the file path is appended to it (got ${JSON.stringify(v)})`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** `base` (from parseEditUrl) + the file path, each segment URL-encoded. */
export function editUrlOf(base: string, file: string): string {
  return base + file.split('/').map(encodeURIComponent).join('/');
}

export interface DocsEditUrlOptions {
  /** The config value (`process.env.EDIT_URL`); unset: no links. */
  editUrl: string | undefined;
  defaultLocale: string;
  /** Whether `i18n/<locale>/docusaurus-plugin-content-docs/current/<docPath>` exists. */
  isTranslated: (locale: string, docPath: string) => boolean;
  /** Whether the English page (doc path without extension) is rendered from the spec. */
  isRenderedFromSpec: (page: string) => boolean;
}

/** What the docs plugin passes to an `editUrl` function (the fields used here). */
export interface EditUrlParams {
  locale: string;
  docPath: string;
}

/** The docs plugin's `editUrl` option: a function giving each page's edit URL, or undefined (no links) without a base URL. */
export function docsEditUrl(options: DocsEditUrlOptions): ((params: EditUrlParams) => string) | undefined {
  const base = parseEditUrl(options.editUrl);
  if (base === undefined) return undefined;
  return ({ locale, docPath }) =>
    editUrlOf(
      base,
      editFile({
        locale,
        defaultLocale: options.defaultLocale,
        docPath,
        translated: locale !== options.defaultLocale && options.isTranslated(locale, docPath),
        renderedFromSpec: options.isRenderedFromSpec(docPath.replace(/\.mdx?$/i, '')),
      }),
    );
}
