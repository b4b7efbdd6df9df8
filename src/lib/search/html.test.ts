/** A built page prepared for Pagefind: content marked, metadata added, nothing injectable. */
import { describe, expect, it } from 'vitest';
import { mentions, prepareHtml } from './html';

const PAGE = '<html lang="it"><body><nav>Navbar rate_limited</nav><article><nav class="theme-doc-breadcrumbs">x</nav><div class="theme-doc-markdown markdown"><header><h1>GET /contacts</h1></header><p>Testo con <code>rate_limited</code>.</p><pre><code>"invalid_body"</code></pre></div></article><footer>f</footer></body></html>';

describe('prepareHtml', () => {
  it('marks the Markdown content as the body and adds the label and keywords as metadata', () => {
    const out = prepareHtml(PAGE, { label: 'Elenca i contatti', keywords: ['GET /contacts', 'team_uuid'] });
    expect(out).toContain('<div class="theme-doc-markdown markdown" data-pagefind-body><span hidden data-pagefind-meta="label:Elenca i contatti"></span><span hidden data-pagefind-meta="keywords:GET /contacts team_uuid"></span><header>');
    expect(out.replace(/ data-pagefind-body|<span hidden[^>]*><\/span>/g, '')).toBe(PAGE);
  });
  it('separates table cells and list items the minified HTML runs together', () => {
    const out = prepareHtml('<article><table><tr><td><code>team_uuid</code><td>string</table><ul><li>a<li>b</ul></article>', { keywords: [] });
    expect(out).toBe('<article data-pagefind-body><table> <tr> <td><code>team_uuid</code> <td>string</table><ul> <li>a <li>b</ul></article>');
  });
  it('escapes quotes and markup and drops the commas Pagefind would split on', () => {
    const out = prepareHtml(PAGE, { label: 'a, "b" <script>', keywords: [] });
    expect(out).toContain('data-pagefind-meta="label:a &quot;b&quot; &lt;script&gt;"');
    expect(out).not.toContain('keywords:');
  });
  it('falls back to <article>, and fails loudly on a page without doc content', () => {
    expect(prepareHtml('<article><h1>x</h1></article>', { keywords: ['k'] })).toBe('<article data-pagefind-body><span hidden data-pagefind-meta="keywords:k"></span><h1>x</h1></article>');
    expect(() => prepareHtml('<html><body>nothing</body></html>', { keywords: [] })).toThrow(/No doc content/);
  });
});

describe('mentions', () => {
  it('finds whole words in the content, outside code blocks and outside the page chrome', () => {
    expect(mentions(PAGE, ['rate_limited', 'invalid_body', 'limited', 'GET'])).toEqual(['rate_limited', 'GET']);
  });
});
