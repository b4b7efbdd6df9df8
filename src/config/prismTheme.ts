/**
 * Light code theme with WCAG AA contrast on its background (GitHub Primer's
 * accessible palette). The stock "github" theme fails axe's color-contrast rule.
 */
import type { PrismTheme } from 'prism-react-renderer';

export const accessibleLight: PrismTheme = {
  plain: { color: '#1f2328', backgroundColor: '#f6f8fa' },
  styles: [
    { types: ['comment', 'prolog', 'doctype', 'cdata'], style: { color: '#57606a', fontStyle: 'italic' } },
    { types: ['string', 'attr-value', 'template-string', 'char', 'regex', 'url'], style: { color: '#0a3069' } },
    { types: ['property', 'tag', 'selector', 'attr-name', 'keyword', 'important', 'atrule'], style: { color: '#a40e26' } },
    { types: ['function', 'class-name', 'builtin'], style: { color: '#6639ba' } },
    { types: ['number', 'boolean', 'constant', 'symbol'], style: { color: '#0550ae' } },
    { types: ['variable', 'parameter', 'namespace'], style: { color: '#953800' } },
    { types: ['punctuation', 'operator'], style: { color: '#1f2328' } },
    { types: ['deleted'], style: { color: '#82071e' } },
    { types: ['inserted'], style: { color: '#116329' } },
  ],
};
