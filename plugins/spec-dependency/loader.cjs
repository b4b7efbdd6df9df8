// @ts-check
/**
 * Webpack/Rspack loader for MDX pages: passes the source through unchanged and,
 * when the page holds one of the marker tags (`<RequestTabs`, `<FieldTree`), declares the files it was resolved
 * from (openapi/openapi.yaml) as dependencies of the page. The dev server then
 * recompiles those pages when the spec changes, and a persistent cache keys
 * them on the spec too. Plain CommonJS: bundlers require loaders directly.
 */

/**
 * @this {{ getOptions(): { files: string[]; marker: string | string[] }; addDependency(file: string): void }}
 * @param {string} source
 * @returns {string}
 */
module.exports = function specDependencyLoader(source) {
  const { files, marker } = this.getOptions();
  const markers = Array.isArray(marker) ? marker : [marker];
  if (markers.some((m) => source.includes(m))) for (const file of files) this.addDependency(file);
  return source;
};
