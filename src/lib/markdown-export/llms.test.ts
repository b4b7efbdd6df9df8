/** llms.txt and llms-full.txt: head, sections from the sidebar, one line per page. */
import { describe, expect, it } from 'vitest';
import { llmsFullTxt, llmsTxt, pageName, sectionsFromSidebars, type LlmsHead, type LlmsPage, type SidebarItem } from './llms';

function page(id: string, title: string, extra: Partial<LlmsPage> = {}): LlmsPage {
  return { id, title, permalink: `/it/${id}`, source: `${id}.mdx`, contentDir: 'docs', markdownUrl: `https://x.dev/it/${id}.md`, description: `About ${title}.`, ...extra };
}

const pages = [
  page('api/introduction', 'Introduzione'),
  page('api/errors', 'Errori'),
  page('api/reference/contacts_api/index', 'API Contatti', { sidebarLabel: 'Panoramica' }),
  page('api/reference/contacts_api/get_contacts', 'GET /contacts', { sidebarLabel: 'Elenca i contatti' }),
  page('api/hidden', 'Nascosta', { unlisted: true }),
  page('api/orphan', 'Orfana'),
];
const sidebar: SidebarItem[] = [
  { type: 'doc', id: 'api/introduction' },
  { type: 'category', label: 'Guide', items: [{ type: 'doc', id: 'api/errors' }] },
  {
    type: 'category',
    label: 'Riferimento API',
    items: [
      { type: 'category', label: 'API Contatti', link: { type: 'doc', id: 'api/reference/contacts_api/index' }, items: [{ type: 'doc', id: 'api/reference/contacts_api/get_contacts' }] },
      { type: 'link', href: 'https://example.com', label: 'x' },
    ],
  },
];
const head: LlmsHead = {
  title: 'Portale',
  summary: 'Il riassunto.',
  fullUrl: 'https://x.dev/it/llms-full.txt',
  languages: [
    { label: 'English', url: 'https://x.dev/llms.txt', current: false },
    { label: 'Italiano', url: 'https://x.dev/it/llms.txt', current: true },
  ],
};

describe('llms.txt', () => {
  const sections = sectionsFromSidebars([sidebar], pages);

  it('groups pages by sidebar category, the category page first, unlisted pages left out, pages no sidebar names at the top', () => {
    expect(sections.map((s) => [s.title, s.pages.map((p) => p.id)])).toEqual([
      [undefined, ['api/introduction', 'api/orphan']],
      ['Guide', ['api/errors']],
      ['Riferimento API › API Contatti', ['api/reference/contacts_api/index', 'api/reference/contacts_api/get_contacts']],
    ]);
  });

  it('is the llms.txt format: title, summary, links, then sections of "- [name](url): description"', () => {
    const text = llmsTxt(head, sections);
    expect(text.startsWith('# Portale\n\n> Il riassunto.\n\n[llms-full.txt](https://x.dev/it/llms-full.txt) · [English](https://x.dev/llms.txt) · Italiano\n\n- [Introduzione](https://x.dev/it/api/introduction.md): About Introduzione.\n')).toBe(true);
    expect(text).toContain('## Riferimento API › API Contatti\n\n- [Panoramica (API Contatti)](https://x.dev/it/api/reference/contacts_api/index.md): About API Contatti.\n- [Elenca i contatti (GET /contacts)]');
    expect(text).not.toContain('Nascosta');
  });

  it('llms-full.txt holds every listed page with its URL, in section order', () => {
    const full = llmsFullTxt(head, sections, (p) => `# ${p.title}\n\nBody of ${p.id}.\n`);
    const order = ['api/introduction', 'api/orphan', 'api/errors', 'api/reference/contacts_api/index', 'api/reference/contacts_api/get_contacts'];
    const at = order.map((id) => full.indexOf(`Body of ${id}.`));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(full).toContain('Body of api/errors.\n\nURL: <https://x.dev/it/api/errors.md>');
    expect(full).not.toContain('Nascosta');
  });

  it('names a page by label and title when they differ', () => {
    expect(pageName({ title: 'GET /contacts', sidebarLabel: 'List contacts' })).toBe('List contacts (GET /contacts)');
    expect(pageName({ title: 'Errors', sidebarLabel: 'Errors' })).toBe('Errors');
  });
});
