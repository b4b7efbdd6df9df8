/**
 * Reading the doc pages from the files as the docs plugin does (URLs, titles, the
 * translation or the English fallback), and converting all of them in every locale.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../config/site';
import { markdownFacts } from './check';
import { LinkResolver, pageMarkdown } from './page';
import { docPermalink, readDocPages, readLocaleSite, readPageSource } from './sources';

describe('docPermalink', () => {
  it('follows slugs, index files and folder-named files', () => {
    expect(docPermalink('api/introduction.mdx', { slug: '/api' }, '/it/')).toBe('/it/api');
    expect(docPermalink('api/reference/contacts_api/index.mdx', {}, '/')).toBe('/api/reference/contacts_api/');
    expect(docPermalink('api/guides/guides.md', {}, '/')).toBe('/api/guides/');
    expect(docPermalink('api/errors.mdx', {}, '/es/')).toBe('/es/api/errors');
    expect(docPermalink('api/x.mdx', { slug: 'y' }, '/')).toBe('/api/y');
  });
});

describe.each(LOCALES.map((l) => l.code))('the %s pages', (locale) => {
  const site = readLocaleSite(locale, { productionUrl: 'https://api.example.test/v1', env: {} });

  it('lists every English page once, from the translation when there is one', () => {
    const english = readDocPages('en');
    expect(site.pages.length).toBe(english.length);
    expect(new Set(site.pages.map((p) => p.permalink)).size).toBe(site.pages.length);
    const errors = site.pages.find((p) => p.permalink.endsWith('/api/errors'))!;
    expect(errors.source.startsWith(locale === 'en' ? 'docs/' : `i18n/${locale}/`)).toBe(true);
  });

  it('converts every page to Markdown without MDX, with doc links to absolute .md URLs', () => {
    const links = new LinkResolver(site);
    for (const page of site.pages) {
      const md = pageMarkdown(site, page, readPageSource(page), links);
      const facts = markdownFacts(md);
      expect(facts.leftovers, page.source).toEqual([]);
      for (const url of facts.links.filter((u) => u.startsWith(site.siteUrl))) {
        const path = new URL(url).pathname;
        if (path.endsWith('.md')) continue;
        // A site link that is not Markdown must not be a doc page.
        expect(links.pageAt(path), `${page.source}: ${url}`).toBeUndefined();
      }
    }
  }, 60_000);
});
