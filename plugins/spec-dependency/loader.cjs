// @ts-check
/**
 * Webpack/Rspack loader for MDX pages: passes the source through unchanged and,
 * when the page holds one of the marker tags (`<RequestTabs`, `<FieldTree`), declares the files it was resolved
 * from as dependencies of the page: the spec (openapi/openapi.yaml) and, for a
 * translated page (`…/i18n/<locale>/…`), that locale's API strings
 * (`i18n/<locale>/openapi.json`). The dev server then recompiles those pages
 * when the spec or a translator's strings change, and a persistent cache keys
 * them on both. Plain CommonJS: bundlers require loaders directly.
 */

/**
 * @typedef {{ files: string[]; marker: string | string[]; localeFiles?: Record<string, string> }} Options
 * @this {{ getOptions(): Options; addDependency(file: string): void; resourcePath?: string }}
 * @param {string} source
 * @returns {string}
 */
module.exports = function specDependencyLoader(source) {
  const { files, marker, localeFiles = {} } = this.getOptions();
  const markers = Array.isArray(marker) ? marker : [marker];
  if (!markers.some((m) => source.includes(m))) return source;
  for (const file of files) this.addDependency(file);
  const locale = /[\\/]i18n[\\/]([^\\/]+)[\\/]/.exec(this.resourcePath ?? '')?.[1];
  const strings = locale === undefined ? undefined : localeFiles[locale];
  if (strings !== undefined) this.addDependency(strings);
  return source;
};
