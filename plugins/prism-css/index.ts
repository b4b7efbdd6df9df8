/**
 * Docusaurus plugin: writes the stylesheet of the site's Prism themes
 * (src/lib/highlight/prismCss.ts) into the generated files and adds it as a
 * client module, so it lands in the main CSS bundle. Code blocks
 * (src/theme/CodeBlock) and snippets (SnippetBlock) then highlight with class
 * names only, and their server HTML is right in light and dark mode alike.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { PrismTheme } from 'prism-react-renderer';
import { prismThemeCss } from '../../src/lib/highlight/prismCss';

interface PrismConfig {
  theme?: PrismTheme;
  darkTheme?: PrismTheme;
}

export default function prismCss(context: LoadContext): Plugin<void> {
  const prism = (context.siteConfig.themeConfig as { prism?: PrismConfig }).prism ?? {};
  if (!prism.theme) throw new Error('prism-css: themeConfig.prism.theme is required');
  const file = path.join(context.generatedFilesDir, 'prism-css', 'prism-themes.css');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, prismThemeCss(prism.theme, prism.darkTheme ?? prism.theme));
  return {
    name: 'prism-css',
    getClientModules: () => [file],
  };
}
