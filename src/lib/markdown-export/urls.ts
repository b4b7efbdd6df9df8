/**
 * Where the Markdown form of a doc page lives. Pure and browser-safe: the "Copy page"
 * control, the `<link rel="alternate">` tag, the build plugin (plugins/markdown-export)
 * and the MCP server all ask this module, so they agree.
 *
 * A page's Markdown is at its URL plus `.md`; a URL ending in `/` (an index doc's
 * permalink, `/api/reference/contacts_api/`) maps to `index.md` in that folder.
 * Index docs are also served without the slash (`trailingSlash: false`), so their
 * Markdown is written a second time at the slash-less URL plus `.md`.
 */

/** The extension of every Markdown page. */
export const MARKDOWN_EXTENSION = '.md';

/** `/it/api/errors` -> `/it/api/errors.md`; `/api/reference/contacts_api/` -> `/api/reference/contacts_api/index.md`. */
export function markdownPath(permalink: string): string {
  const path = permalink.split(/[?#]/)[0] ?? '';
  return path.endsWith('/') ? `${path}index${MARKDOWN_EXTENSION}` : `${path}${MARKDOWN_EXTENSION}`;
}

/**
 * Every URL path the Markdown of a page is served at: `markdownPath(permalink)` first, then,
 * for a permalink with a trailing slash (other than the site root), the slash-less URL plus `.md`.
 */
export function markdownPaths(permalink: string): string[] {
  const main = markdownPath(permalink);
  const bare = permalink.replace(/\/+$/, '');
  return permalink.endsWith('/') && bare !== '' ? [main, `${bare}${MARKDOWN_EXTENSION}`] : [main];
}

/** The site's origin and base URL joined with a root-relative path: `https://x.dev` + `/it/api.md`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The file, relative to a locale's build folder, of a URL path under that locale's base URL (`/it/api.md` -> `api.md`). */
export function outputFile(baseUrl: string, urlPath: string): string {
  const relative = urlPath.startsWith(baseUrl) ? urlPath.slice(baseUrl.length) : urlPath.replace(/^\/+/, '');
  if (relative === '' || relative.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`Not a page path under ${baseUrl}: ${urlPath}`);
  }
  return relative;
}
