/**
 * Adds the site's extra Prism languages (themeConfig.prism.additionalLanguages)
 * to prism-react-renderer's Prism, like Docusaurus's own module (ejected from
 * @docusaurus/theme-classic 3.10), with one change: in the browser it waits
 * until Prism itself is first used.
 *
 * Registering a language walks every grammar Prism knows (`insertBefore`), and
 * doing it for six languages was a large part of the main bundle's start-up on
 * every page. The browser does not need them at load: code blocks and snippets
 * keep the HTML the server highlighted (KeepServerHtml), and the browser's
 * prism-react-renderer is evaluated only when code first renders in the browser
 * (plugins/lazy-prism). They are registered right then, before that first code
 * is highlighted (`whenEvaluated`). On the server they are registered at once,
 * as the static HTML needs them.
 */
import siteConfig from '@generated/docusaurus.config';
import type * as PrismNamespace from 'prismjs';
import { whenEvaluated } from '@site/plugins/lazy-prism/client';

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
  // PrismObject forwards to the package (plugins/lazy-prism): touching it now would evaluate the package.
  whenEvaluated(() => register(PrismObject));
}
