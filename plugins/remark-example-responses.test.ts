import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import remarkExampleResponses, { responseExampleCount } from './remark-example-responses';
import { loadSpec } from '../src/lib/api/load';

/** Stands in for Docusaurus's heading plugin, which runs before the site's remark plugins. */
function headingIds() {
  return (tree: Root) => {
    visit(tree, 'heading', (h: Heading) => {
      let text = '';
      visit(h, (n) => {
        if (n.type === 'text' || n.type === 'inlineCode') text += n.value;
      });
      const id = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      h.data = { ...h.data, hProperties: { id } };
    });
  };
}

const fence = '```json title=response.json\n{}\n```';

function page(examples: string[]): string {
  return ['# GET /channels', '', `<RequestTabs endpoint='channels_api' request="get_channels"/>`, '', ...examples.flatMap((h) => [`## ${h}`, '', 'Text.', '', fence, '']), '## Errors', ''].join('\n');
}

describe('remark-example-responses', () => {
  it('hands RequestTabs the id of the heading above each response example, in order', async () => {
    expect(responseExampleCount(loadSpec(), 'channels_api', 'get_channels')).toBe(2);
    const out = String(await compile(page(['Risposta di esempio', 'Risposta di esempio: tutti i canali']), { remarkPlugins: [headingIds, remarkExampleResponses] }));
    expect(out).toMatch(/responseAnchors: \["risposta-di-esempio", "risposta-di-esempio-tutti-i-canali"\]/);
  });

  it('fails the build when the page shows another number of response examples than the spec has', async () => {
    await expect(
      compile({ value: page(['Example Response']), path: 'x.mdx' }, { remarkPlugins: [headingIds, remarkExampleResponses] }),
    ).rejects.toThrow(/x\.mdx:3: the page shows 1 response example\(s\).*documents 2/);
  });

  it('leaves other pages alone', async () => {
    const out = String(await compile(`# Guide\n\n${fence}\n`, { remarkPlugins: [headingIds, remarkExampleResponses] }));
    expect(out).not.toMatch(/responseAnchors/);
  });
});
