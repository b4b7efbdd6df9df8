/** Path conventions of a Docusaurus i18n tree (POSIX, relative to the site root). */
export const SOURCE_LOCALE = 'en';
export const DOCS_DIR = 'docs';
export const SNAPSHOT_DIR = 'i18n/.source-snapshots';

export function sourceFile(docPath: string): string {
  return `${DOCS_DIR}/${docPath}`;
}
export function translatedFile(locale: string, docPath: string): string {
  return `i18n/${locale}/docusaurus-plugin-content-docs/current/${docPath}`;
}
export function translatedDir(locale: string): string {
  return `i18n/${locale}/docusaurus-plugin-content-docs/current`;
}
export function manifestFile(locale: string): string {
  return `i18n/${locale}/translation-sync.json`;
}
export function codeJsonFile(locale: string): string {
  return `i18n/${locale}/code.json`;
}
/** The translated sidebar labels (and other strings of the docs plugin) of a locale. */
export function sidebarFile(locale: string): string {
  return `i18n/${locale}/docusaurus-plugin-content-docs/current.json`;
}
export function glossaryFile(locale: string): string {
  return `i18n/${locale}/glossary.json`;
}
export function snapshotFile(hash: string): string {
  return `${SNAPSHOT_DIR}/${hash}.md`;
}
export function isPageFile(path: string): boolean {
  return /\.mdx?$/i.test(path);
}

/**
 * Turn a user-supplied path into a doc path relative to docs/: accepts
 * `api/x.mdx`, `docs/api/x.mdx`, `./docs/api/x.mdx` and translated paths
 * `i18n/it/docusaurus-plugin-content-docs/current/api/x.mdx`.
 */
export function toDocPath(input: string): string {
  let p = input.replace(/\\/g, '/').replace(/^\.\//, '');
  const m = /^i18n\/[^/]+\/docusaurus-plugin-content-docs\/current\/(.*)$/.exec(p);
  if (m && m[1] !== undefined) return m[1];
  if (p.startsWith(`${DOCS_DIR}/`)) p = p.slice(DOCS_DIR.length + 1);
  return p;
}
