/**
 * One test per extractor of parsePage (core/extract/ and the shared Markdown readers in
 * src/lib/markdown): each fact is read from a small page, with the lines the rules report at.
 */
import { describe, expect, it } from 'vitest';
import { findFences } from '../../../src/lib/markdown/fences';
import { firstColumns, scanTables, tableRows } from '../../../src/lib/markdown/tables';
import { extractAdmonitions } from '../core/extract/admonitions';
import { extractBlocks } from '../core/extract/blocks';
import { blankFences, escapeClassicHeadingIds } from '../core/extract/body';
import { extractCodeBlocks } from '../core/extract/codeBlocks';
import { extractImports, normalizeStatement, takeEsmBlocks } from '../core/extract/esm';
import { assignSections, extractHeadings, findEndpoint } from '../core/extract/headings';
import { takeTableInline } from '../core/extract/inline';
import { extractInlineCodes } from '../core/extract/inlineCode';
import { extractJsx } from '../core/extract/jsx';
import { extractLinks } from '../core/extract/links';
import { extractProse } from '../core/extract/prose';
import { parseBody, plainMdxBody } from '../core/extract/tree';
import { parseFrontMatter } from '../core/frontmatter';
import { parsePage } from '../core/markdown';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';

const lines = (...ls: string[]): string[] => ls;

describe('extractors', () => {
  it('fences: closed by a fence of the same character at least as long; an unclosed one ends the scan', () => {
    const page = lines('````md', '```', 'inner', '```', '````', '~~~', 'x', '```not closed');
    expect(findFences(page)).toEqual([{ open: 0, close: 4, indent: 0 }]);
    expect(findFences(lines('  ```js', 'a', '  ```', '``` inline ` tick', '```'))).toEqual([{ open: 0, close: 2, indent: 2 }]);
    const body = lines('```', 'code', '```');
    blankFences(body, findFences(body));
    expect(body).toEqual(['```', '', '```']);
  });

  it('tables: broken ones too, with escaped pipes in one cell; code fences hold no table', () => {
    const page = lines('| Name | Type |', '| --- | --- |', '| `a` | string \\| null |', '| `b` |', '', '| x | y |', '| z | w |', '```', '| no | table |', '| no | table |', '```');
    const fenced = new Uint8Array(page.length + 2);
    for (let k = 8; k <= 11; k++) fenced[k] = 1;
    const [t1, t2, ...rest] = scanTables(page, fenced);
    expect(rest).toEqual([]);
    expect(t1).toMatchObject({ startLine: 1, endLine: 4, columns: 2, delimiter: { line: 2 }, rows: [{ cells: ['`a`', 'string \\| null'], line: 3 }, { cells: ['`b`'], line: 4 }] });
    expect(t2).toMatchObject({ startLine: 6, endLine: 7, rows: [{ cells: ['z', 'w'], line: 7 }] });
    expect(t2?.delimiter).toBeUndefined();
    expect(firstColumns(page.join('\n'))).toEqual([['a', 'b'], ['z']]);
    expect(tableRows(page.join('\n'))[0]).toEqual([['`a`', 'string \\| null'], ['`b`']]);
  });

  it('front matter: keys with their lines, and stray text before it when asked', () => {
    const fm = parseFrontMatter(lines('note', '---', 'title: T', 'sidebar_position: 2', '---', '# T'), true);
    expect(fm).toMatchObject({ present: true, startLine: 2, endLine: 5, lastLine: 5, stray: { line: 1 } });
    expect(fm.keys.map((k) => [k.key, k.line, k.value])).toEqual([['title', 3, 'T'], ['sidebar_position', 4, 2]]);
  });

  it('ESM: trusted blocks are read line by line and blanked; the others are left to the parser', () => {
    const body = lines('', 'import A from "a";', 'import B from \'b\'', '', 'export const x = 1;', '', 'text');
    const blocks = takeEsmBlocks(body, 0, [], new Set([normalizeStatement('import A from "a";\nimport B from "b"')]));
    expect(blocks).toEqual([{ start: 2, end: 3, text: 'import A from "a";\nimport B from \'b\'' }]);
    expect(body.slice(1, 5)).toEqual(['', '', '', 'export const x = 1;']);
    const tree = parseBody(body, true);
    const { imports, esmBlocks } = extractImports(blocks, tree);
    expect(imports.map((i) => [i.line, i.normalized])).toEqual([[2, 'import A from "a"'], [3, 'import B from "b"'], [5, 'export const x = 1']]);
    expect(esmBlocks).toEqual(['import A from "a";import B from "b"', 'export const x = 1']);
  });

  it('tree: an MDX syntax error keeps its page line and the page is still read as CommonMark', () => {
    const tree = parseBody(lines('', '', '', 'Some <b>bold text', '', '# Title'), true);
    expect(tree.syntaxError?.line).toBe(4);
    expect(tree.nodes.some(({ node, line }) => node.type === 'heading' && line === 6)).toBe(true);
  });

  it('headings: slugs (explicit ids reserved), endpoints, and the section signature below each', () => {
    const body = lines('# GET /contacts', '', '## Risposta {#response}', '', '| a | b |', '| - | - |', '| c | d |', '', '## Altro {/* #other */}', '', '## Altro');
    escapeClassicHeadingIds(body);
    const tree = parseBody(body, true);
    const { headings, slugs } = extractHeadings(tree.nodes);
    expect(headings.map((h) => [h.depth, h.text, h.line, h.slug, h.explicitId ?? null, h.endpoint ?? null])).toEqual([
      [1, 'GET /contacts', 1, 'get-contacts', null, 'GET /contacts'],
      [2, 'Risposta', 3, 'response', 'response', null],
      [2, 'Altro', 9, 'other', 'other', null],
      [2, 'Altro', 11, 'altro', null, null],
    ]);
    expect([...slugs]).toEqual(['get-contacts', 'response', 'other', 'altro']);
    assignSections(headings, extractBlocks(tree, [], scanTables(body)));
    expect(headings.map((h) => h.section)).toEqual(['', 'table', '', '']);
    expect(findEndpoint('Call `DELETE /contacts/{uuid}` now')).toBe('DELETE /contacts/{uuid}');
  });

  it('code blocks: fenced content from the page lines (indent stripped); after a syntax error only fenced blocks', () => {
    const page = lines('Text', '', '  ```json title=a.json', '  {"a": 1}', '  ```', '', '    indented');
    const body = page.slice();
    const fences = findFences(body);
    blankFences(body, fences);
    const blocks = extractCodeBlocks(parseBody(body, false), page, fences);
    expect(blocks.map((b) => [b.lang, b.meta, b.value, b.line, b.contentLine, b.fenced])).toEqual([
      ['json', 'title=a.json', '{"a": 1}', 3, 4, true],
      ['', '', 'indented', 7, 7, false],
    ]);
    const broken = lines('<b>', '', '```sh', 'ls', '```', '', '    <Indented/>');
    const bBody = broken.slice();
    const bFences = findFences(bBody);
    blankFences(bBody, bFences);
    expect(extractCodeBlocks(parseBody(bBody, true), broken, bFences).map((b) => b.lang)).toEqual(['sh']);
  });

  it('inline code and links: parsed ones and those of the line-read table rows, in line order', () => {
    const page = lines('See `a` and [docs](/docs#x), https://example.com/path.', '', '| `b` | [t](/t) |', '| - | - |', '', 'Ref [here][r] and [bare](https://x.io) `c`.', '', '[r]: /ref');
    const body = page.slice();
    const tables = scanTables(page);
    const inline = takeTableInline(page, body, tables);
    expect(body[2]).toBe('');
    const tree = parseBody(body, true);
    expect(extractInlineCodes(tree.nodes, inline.codes).map((c) => [c.value, c.line])).toEqual([['a', 1], ['b', 3], ['c', 6]]);
    expect(extractLinks(tree.nodes, inline.links).map((l) => [l.url, l.line])).toEqual([
      ['/docs#x', 1], ['https://example.com/path', 1], ['/t', 3], ['https://x.io', 6], ['/ref', 8],
    ]);
  });

  it('JSX: components in order with literal, expression, boolean and spread props', () => {
    const tree = parseBody(lines('<Tabs groupId="x" lazy {...rest}>', '', 'a <b>c</b>', '', '</Tabs>', '', '<Api value={1 + 1} />'), true);
    expect(extractJsx(tree.nodes).map((j) => [j.name, j.line, j.attrs.map((a) => `${a.name}:${a.kind}:${a.value}`)])).toEqual([
      ['Tabs', 1, ['groupId:literal:x', 'lazy:boolean:true', '{...}:spread:...rest']],
      ['b', 3, []],
      ['Api', 7, ['value:expression:1 + 1']],
    ]);
  });

  it('admonitions: keywords and closing fences outside code, also in block quotes', () => {
    const page = lines(':::tip[Suggerimento]', 'x', ':::', '', '```', ':::note', '```', '', '> :::warning', '> y', '> :::');
    const body = page.slice();
    blankFences(body, findFences(body));
    expect(extractAdmonitions(page, 0, [], parseBody(body, true))).toEqual({
      admonitions: [{ keyword: 'tip', line: 1, colons: 3, closeLine: 3 }, { keyword: 'warning', line: 9, colons: 3, closeLine: 11 }],
      strayClosings: [],
    });
  });

  it('admonitions: nested as Docusaurus nests them (a `:::` closes the outermost admonition it can)', () => {
    const read = (...ls: string[]): ReturnType<typeof extractAdmonitions> => extractAdmonitions(ls, 0, [], parseBody(ls, true));
    // an outer admonition with more colons holds the inner one
    expect(read('::::note', 'a', ':::tip', 'b', ':::', '::::').admonitions).toEqual([
      { keyword: 'note', line: 1, colons: 4, closeLine: 6 },
      { keyword: 'tip', line: 3, colons: 3, closeLine: 5, parent: 0 },
    ]);
    // with as many colons, the inner `:::` closes the outer one; the last `:::` closes nothing
    expect(read(':::note', 'a', ':::tip', 'b', ':::', ':::')).toEqual({
      admonitions: [{ keyword: 'note', line: 1, colons: 3, closeLine: 5 }, { keyword: 'tip', line: 3, colons: 3, parent: 0 }],
      strayClosings: [6],
    });
    // never closed
    expect(read(':::info', 'a').admonitions).toEqual([{ keyword: 'info', line: 1, colons: 3 }]);
  });

  it('prose: each sentence at its line, headings, front-matter values; no code, markers or tables', () => {
    const page = parsePage([
      '---', 'description: Lists the contacts.', '---', '', '## Optional Parameters', '', ':::tip', 'Use `page` to go on. Pages start', 'at one! Then', 'more.', ':::', '',
      '| Name | Description |', '| - | - |', '| `page` | The page to show, from one. |',
    ].join('\n'), { mdx: true });
    // the `:::tip` marker line is not prose; each sentence starts at its own line
    expect(page.prose.map((p) => [p.kind, p.text, p.line])).toEqual([
      ['meta', 'Lists the contacts.', 2],
      ['heading', 'Optional Parameters', 5],
      ['sentence', 'Use to go on.', 8],
      ['sentence', 'Pages start at one!', 8],
      ['sentence', 'Then more.', 9],
    ]);
    const direct = extractProse(parseBody(lines('Plain text here.'), true).nodes, new Uint8Array(3), parseFrontMatter([], false));
    expect(direct).toEqual([{ text: 'Plain text here.', line: 1, kind: 'sentence' }]);
  });

  it('blocks: top-level signatures in line order, a line-read table replacing what the parser saw', () => {
    const page = parsePage(['import X from "x";', '', '# T', '', 'Text.', '', '| a |', '| - |', '| b |', '', '```js', 'x', '```', '', '<X/>'].join('\n'), { mdx: true });
    expect(page.blocks.map((b) => [b.sig, b.start, b.end])).toEqual([['esm', 1, 1], ['h1', 3, 3], ['prose', 5, 5], ['table', 7, 9], ['code:js', 11, 13], ['jsx:X', 15, 15]]);
    expect(page.headings[0]?.section).toBe('table,code:js,jsx:X');
  });
  it('a body with nothing MDX-specific is parsed by the cheaper parser, into the same tree as MDX gives', () => {
    const text = ['# Title', '', 'Some *text* with `code`, a [link](/x) and https://example.com.', '', '    indented, not code in MDX', '', '- item', '  1. sub', '', '> quote', '', '## End'].join('\n');
    expect(plainMdxBody(text)).toBe(true);
    expect(plainMdxBody('a <b>c</b>')).toBe(false);
    expect(plainMdxBody('a {x}')).toBe(false);
    expect(plainMdxBody('text\n\nimport X from "x"')).toBe(false);
    const strip = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === 'position' ? undefined : v)));
    const mdx = unified().use(remarkParse).use(remarkMdx).freeze();
    expect(strip(parseBody(text.split('\n'), true).root)).toEqual(strip(mdx.parse(text)));
  });
});
