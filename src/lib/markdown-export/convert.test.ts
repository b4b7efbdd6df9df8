/**
 * The MDX -> Markdown conversion on small pages: what is dropped (front matter, imports,
 * expressions), what is rewritten (RequestTabs, links, JSX, admonitions, magic comments)
 * and that everything else keeps the author's spelling.
 */
import { describe, expect, it } from 'vitest';
import { pageToMarkdown, type ConvertOptions } from './convert';
import { markdownFacts } from './check';

const options: ConvertOptions = {
  title: 'Errors',
  description: 'The one error shape.',
  requestTabs: (endpoint, request) => `\`\`\`bash\ncurl ${endpoint}/${request}\n\`\`\``,
  resolveLink: (url) => (url.startsWith('/api/') ? `https://x.dev${url.replace(/(#|$)/, '.md$1')}` : url),
};

const convert = (source: string, extra: Partial<ConvertOptions> = {}) => pageToMarkdown(source, { ...options, ...extra });

describe('pageToMarkdown', () => {
  it('drops front matter, imports and MDX comments, keeps the first heading as the title and adds the description', () => {
    const md = convert(`---\ntitle: Errors\ndescription: x\n---\n\nimport RequestTabs from "@site/src/components/Requests/RequestTabs"\n\n# Errors\n\n## Codes {/* #codes */}\n\nText.\n`);
    expect(md).toBe('# Errors\n\n> The one error shape.\n\n## Codes\n\nText.\n');
  });

  it('writes the title when the page has no first-level heading', () => {
    expect(convert('Just text.\n', { title: 'A *page*', description: '' })).toBe('# A \\*page\\*\n\nJust text.\n');
  });

  it('replaces RequestTabs with what the callback gives, wherever it stands', () => {
    const md = convert(`# T\n\n## Example Request\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n\nAfter.\n`);
    expect(md).toContain('## Example Request\n\n```bash\ncurl contacts_api/get_contacts\n```\n\nAfter.');
    expect(md).not.toContain('RequestTabs');
  });

  it('fails on a RequestTabs without literal props', () => {
    expect(() => convert('<RequestTabs endpoint={x} request="y"/>\n')).toThrow(/literal string props/);
  });

  it('resolves inline links and definitions, keeping text, titles and anchors', () => {
    const md = convert(`# T\n\nSee [the \`errors\` page](/api/errors#codes "Errors") and [ref][e] or [ext](https://example.com).\n\n[e]: /api/format\n`);
    expect(md).toContain('[the `errors` page](https://x.dev/api/errors.md#codes "Errors")');
    expect(md).toContain('[ext](https://example.com)');
    expect(md).toContain('[e]: https://x.dev/api/format.md');
  });

  it('keeps tables and code blocks exactly as written', () => {
    const table = '| A | B |\n| :- | -: |\n| `x\\|y` | [l](/api/a) |';
    const code = '```json title=response.json\n{\n  "a": "<b>"\n}\n```';
    const md = convert(`# T\n\n${table}\n\n${code}\n`);
    expect(md).toContain('| A | B |\n| :- | -: |\n| `x\\|y` | [l](https://x.dev/api/a.md) |');
    expect(md).toContain(code);
    expect(markdownFacts(md).tables).toEqual([[['A', 'B'], ['x|y', 'l']]]);
  });

  it('turns JSX into Markdown: links, line breaks, formatting, details; unknown components give their children', () => {
    const md = convert(
      `# T\n\nA <a href="/api/errors">link</a>, a<br/>break, <strong>bold</strong> and <code>x</code>.\n\n<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>\n\n<Custom prop="1">\n\nInside.\n\n</Custom>\n`,
    );
    expect(md).toContain('A [link](https://x.dev/api/errors.md), a<br>break, **bold** and `x`.');
    expect(md).toContain('**More**\n\nHidden text.');
    expect(md).toContain('Inside.');
    expect(markdownFacts(md).leftovers).toEqual([]);
  });

  it('turns admonitions into block quotes led by their (translated) title; other directives stay as written', () => {
    const md = convert(`# T\n\n:::warning\n\nDo **not** share [keys](/api/authentication).\n\n:::\n\n:::tip[Custom title]\nShort.\n:::\n\nAt 10:30 a:b.\n`, {
      admonitionTitles: { warning: 'Attenzione' },
    });
    expect(md).toContain('> **Attenzione:** Do **not** share [keys](https://x.dev/api/authentication.md).');
    expect(md).toContain('> **Custom title:** Short.');
    expect(md).toContain('At 10:30 a:b.');
  });

  it('removes Docusaurus magic comment lines from code blocks only', () => {
    const md = convert('# T\n\n```js\n// highlight-next-line\nconst a = 1;\n# highlight-start\n```\n\n// highlight-next-line in text\n');
    expect(md).toContain('```js\nconst a = 1;\n```');
    expect(md).toContain('// highlight-next-line in text');
  });

  it('leaves no MDX behind on a page that uses every construct', () => {
    const md = convert(
      `---\ntitle: X\n---\nimport A from "./a"\nexport const meta = 1;\n\n# X {/* #x */}\n\n{/* a comment */}\n\n<RequestTabs endpoint='a' request="b"/>\n\n<A>text</A>\n`,
    );
    expect(markdownFacts(md).leftovers).toEqual([]);
    expect(md).not.toMatch(/import|export|\{\/\*|<A/);
  });
});
