/**
 * The index contents, in every locale of the site config (src/config/site.ts): each endpoint page,
 * indexed by the real builder (spec keywords, sidebar label, Pagefind with the
 * locale's stemming) and read back through the Node reader, is found by its method
 * and path (first), its operationId, its translated sidebar label (first) and each
 * of its parameter names. Pages are built from the docs sources (title, label,
 * description), so no Docusaurus build is needed; e2e/search.spec.ts checks the real build.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../../src/lib/api/load';
import { DEFAULT_LOCALE, LOCALES } from '../../src/config/site';
import { displayPath, SpecKeywords } from '../../src/lib/search/keywords';
import { openSearchIndex } from '../../src/lib/search/node';
import { buildBundle, writeBundle, type IndexedPage } from './build';

const ROOT = path.resolve(__dirname, '../..');
const spec = new SpecKeywords(loadSpec());
const OUT = mkdtempSync(path.join(tmpdir(), 'search-index-test-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => path.join(e.parentPath, e.name));
}

function frontMatter(file: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  return m ? (parse(m[1]!) as Record<string, string>) : {};
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe.each(LOCALES.map((l) => ({ locale: l.code, htmlLang: l.htmlLang })))('the $locale index', ({ locale, htmlLang }) => {
  const docsDir = locale === DEFAULT_LOCALE ? path.join(ROOT, 'docs') : path.join(ROOT, 'i18n', locale, 'docusaurus-plugin-content-docs/current');
  const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
  const language = htmlLang.split('-')[0]!.toLowerCase();
  const endpoints = mdxFiles(docsDir)
    .map((file) => ({ file, fm: frontMatter(file) }))
    .map(({ file, fm }) => ({ url: `${prefix}/${path.relative(docsDir, file).replace(/\.mdx$/, '')}`, title: fm.title ?? '', label: fm.sidebar_label, description: fm.description }))
    .map((doc) => ({ doc, op: spec.operationFor(doc.title) }))
    .filter((e): e is typeof e & { op: NonNullable<typeof e.op> } => e.op !== undefined);

  it('has one page per operation of the spec', () => {
    expect(endpoints.map((e) => e.op.request).sort()).toEqual(spec.operations.map((op) => op.request).sort());
  });

  it('finds every endpoint page by method and path, operationId, sidebar label and parameter names', async () => {
    const pages: IndexedPage[] = endpoints.map(({ doc }) => {
      const { page, keywords } = spec.extras({ permalink: doc.url, title: doc.title, ...(doc.label ? { sidebarLabel: doc.label } : {}), ...(doc.description ? { description: doc.description } : {}) });
      const html = `<html lang="${language}"><body><article><div class="theme-doc-markdown markdown"><header><h1>${escape(doc.title)}</h1></header><p>${escape(doc.description ?? '')}</p></div></article></body></html>`;
      return { url: page.url, html, ...(page.label ? { label: page.label } : {}), keywords };
    });
    const dir = path.join(OUT, locale, 'pagefind');
    await writeBundle(dir, await buildBundle(language, pages), { locale, language, pages: endpoints.map(({ doc }) => spec.extras({ permalink: doc.url, title: doc.title, ...(doc.label ? { sidebarLabel: doc.label } : {}) }).page) });
    const index = await openSearchIndex(dir);
    const all = 1000;
    const labels = endpoints.map((e) => e.doc.label);
    for (const { doc, op } of endpoints) {
      const byPath = await index.search(`${op.method} ${displayPath(op.path)}`);
      expect(byPath[0]?.page, `${locale}: ${op.method} ${op.path}`).toBe(doc.url);
      expect((await index.search(`${op.method} ${op.path}`))[0]?.page, `${locale}: ${op.method} ${op.path} (template)`).toBe(doc.url);
      expect((await index.search(op.request, all)).map((h) => h.page), `${locale}: ${op.request}`).toContain(doc.url);
      if (doc.label && labels.filter((l) => l === doc.label).length === 1) {
        expect((await index.search(doc.label))[0]?.page, `${locale}: label "${doc.label}"`).toBe(doc.url);
      }
      for (const param of op.params) {
        expect((await index.search(param.name, all)).map((h) => h.page), `${locale}: parameter ${param.name} of ${op.request}`).toContain(doc.url);
      }
    }
  }, 120_000);
});
