/**
 * The remark plugin resolves <RequestTabs> against the spec at build time, in the page's
 * language: a translated page's panel gets that locale's strings (i18n/<locale>/openapi.json).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { translatedLocaleCodes } from '../src/config/locales';
import { loadSpec } from '../src/lib/api/load';
import { localeStrings } from '../src/lib/api/localeStrings';
import { localizedOperation } from '../src/lib/api/localize';
import remarkRequestTabs, { pageLocale, resolveTag } from './remark-request-tabs';

describe('remark-request-tabs', () => {
  it('adds the operation from the spec to the tag as written in the pages', async () => {
    const out = String(await compile(`<RequestTabs endpoint='contacts_api' request="get_contacts"/>`, { remarkPlugins: [remarkRequestTabs] }));
    expect(out).toMatch(/endpoint: "contacts_api"/);
    expect(out).toMatch(/operation: \{/);
    expect(out).toMatch(/"include_field_types"/);
  });

  it('fails the build with the file and line for an unknown request', async () => {
    await expect(
      compile({ value: `\n\n<RequestTabs endpoint='contacts_api' request="get_contactz"/>`, path: 'x.mdx' }, { remarkPlugins: [remarkRequestTabs] }),
    ).rejects.toThrow(/x\.mdx:3: No operation "get_contactz"/);
  });

  it('requires literal props', async () => {
    await expect(compile(`<RequestTabs endpoint={x} request="get_contacts"/>`, { remarkPlugins: [remarkRequestTabs] })).rejects.toThrow(
      /literal string props/,
    );
  });

  it('imports the component for a page that uses the tag without importing it, once', async () => {
    const out = String(await compile(`# GET /contacts\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n`, { remarkPlugins: [remarkRequestTabs] }));
    expect(out.match(/from "@site\/src\/components\/Requests\/RequestTabs"/g)).toHaveLength(1);
    // The page's own binding is used, not a lookup in the MDX components map.
    expect(out).not.toMatch(/_missingMdxReference\("RequestTabs"/);
  });

  it('keeps the seeds\' own import line and adds none', async () => {
    const page = `import RequestTabs from "@site/src/components/Requests/RequestTabs";\n\n<RequestTabs endpoint='contacts_api' request="get_contacts"/>\n`;
    const out = String(await compile(page, { remarkPlugins: [remarkRequestTabs] }));
    expect(out.match(/from "@site\/src\/components\/Requests\/RequestTabs"/g)).toHaveLength(1);
  });

  it('adds no import to a page without the tag', async () => {
    const out = String(await compile(`# Guide\n\nText.\n`, { remarkPlugins: [remarkRequestTabs] }));
    expect(out).not.toMatch(/RequestTabs/);
  });
});

describe('what remark-request-tabs embeds', () => {
  it('is only what the browser reads: no response body, status or locale, no schema description', async () => {
    const out = String(await compile(`<RequestTabs endpoint='messages_api' request="post_messages"/>`, { remarkPlugins: [remarkRequestTabs] }));
    const full = localizedOperation(loadSpec(), {}, 'en', 'messages_api', 'post_messages');
    // A response example's body (the message id the API answers) and the body schema's prose.
    const answered = JSON.stringify(full.examples[0]!.value);
    expect(answered.length).toBeGreaterThan(20);
    expect(out.replace(/\s/g, '')).not.toContain(answered.replace(/\s/g, ''));
    expect(out).not.toMatch(/successStatus|"?locale"?:/);
    expect(full.body?.schema.description).toBeTruthy();
    expect(out).not.toContain(JSON.stringify(full.body!.schema.description));
    // What the selector, the snippets and Try it read is there.
    expect(out).toContain(JSON.stringify(full.examples[1]!.summary));
    expect(out).toMatch(/"?exampleRequest"?:/);
  });
});

describe('remark-request-tabs in a translated locale', () => {
  const italianPage = 'i18n/it/docusaurus-plugin-content-docs/current/api/reference/contacts_api/get_contact_messages.mdx';

  it('knows a page\'s locale from its file path', () => {
    expect(pageLocale(italianPage)).toBe('it');
    expect(pageLocale('/work/site/i18n/pt/docusaurus-plugin-content-docs/current/api/x.mdx')).toBe('pt');
    expect(pageLocale('docs/api/reference/contacts_api/get_contacts.mdx')).toBe('en');
    expect(pageLocale(undefined)).toBe('en');
  });

  it('hands the panel the locale\'s hints on a translated page, the English ones on an English page', async () => {
    const tag = `<RequestTabs endpoint='contacts_api' request="get_contact_messages"/>`;
    const italian = localeStrings('it').spec['/components/parameters/Page/description']!.translation;
    expect(italian).not.toBe('Result page, starting at 1.');
    const it = String(await compile({ value: tag, path: italianPage }, { remarkPlugins: [remarkRequestTabs] }));
    expect(it).toContain(JSON.stringify(italian));
    expect(it).not.toContain('Result page, starting at 1.');
    const en = String(await compile({ value: tag, path: 'docs/api/reference/contacts_api/get_contact_messages.mdx' }, { remarkPlugins: [remarkRequestTabs] }));
    expect(en).toContain('"Result page, starting at 1."');
  });

  it('every translated locale\'s model is the English one but for its strings', () => {
    const english = resolveTag('messages_api', 'post_messages');
    for (const locale of translatedLocaleCodes()) {
      const local = resolveTag('messages_api', 'post_messages', locale);
      expect(local.params.map((p) => p.name)).toEqual(english.params.map((p) => p.name));
      expect(local.examples.map((e) => [e.name, e.request])).toEqual(english.examples.map((e) => [e.name, e.request]));
      expect(local.body?.schema).toEqual(english.body?.schema);
      expect(local.body?.example).toEqual(english.body?.example);
      expect(local.summary).not.toBe(english.summary);
    }
  });
});
