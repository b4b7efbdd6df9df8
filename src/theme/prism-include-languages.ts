/**
 * Adds the site's extra Prism languages (themeConfig.prism.additionalLanguages)
 * to prism-react-renderer's Prism, like Docusaurus's own module (ejected from
 * @docusaurus/theme-classic 3.10), with one change: in the browser it waits
 * until the page is idle.
 *
 * Registering a language walks every grammar Prism knows (`insertBefore`), and
 * doing it for six languages was a large part of the main bundle's start-up on
 * every page. The browser does not need them at load: code blocks and snippets
 * keep the HTML the server highlighted (KeepServerHtml). They are needed only
 * when code renders in the browser (after a client-side navigation, or when a
 * snippet changes), by which time the page has been idle. On the server they
 * are registered at once, as the static HTML needs them.
 */
import siteConfig from '@generated/docusaurus.config';
import type * as PrismNamespace from 'prismjs';

type PrismObject = typeof PrismNamespace;

function register(PrismObject: PrismObject): void {
  const { additionalLanguages } = (siteConfig.themeConfig as { prism: { additionalLanguages: string[] } }).prism;
  // Prism components extend the Prism on `globalThis`: mount prism-react-renderer's instance there meanwhile.
  const global = globalThis as { Prism?: PrismObject };
  const before = global.Prism;
  global.Prism = PrismObject;
  for (const lang of additionalLanguages) {
    if (lang === 'php') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('prismjs/components/prism-markup-templating.js');
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(`prismjs/components/prism-${lang}`);
  }
  delete global.Prism;
  if (before !== undefined) global.Prism = before;
}

export default function prismIncludeLanguages(PrismObject: PrismObject): void {
  if (typeof window === 'undefined') {
    register(PrismObject);
    return;
  }
  const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
  idle(() => register(PrismObject), { timeout: 2000 });
}
