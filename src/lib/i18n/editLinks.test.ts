/** "Edit this page": which file each page comes from, the edit URL config value, and the spec's pages. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { operationModels } from '../api/model';
import { OBJECT_TYPES, webhookEventNames } from '../docs/paths';
import { docsEditUrl, editFile, editUrlOf, parseEditUrl, SPEC_FILE, specRenderedPages } from './editLinks';

const ROOT = path.resolve(__dirname, '../../..');
// tools/pages HANDWRITTEN (src/ does not import tools/; docusaurus.config.ts passes the real set)
const HANDWRITTEN = new Set(['api/reference/contacts_api/get_contacts', 'api/reference/object_types/contact']);
const base = { defaultLocale: 'en', translated: false, renderedFromSpec: false };

describe('editFile', () => {
  it('a translated page: its translation file', () => {
    expect(editFile({ ...base, locale: 'it', docPath: 'api/changelog.mdx', translated: true })).toBe('i18n/it/docusaurus-plugin-content-docs/current/api/changelog.mdx');
  });

  it('a translated page rendered from the spec: the locale\'s strings, which `npm run pages:render` renders it from', () => {
    expect(editFile({ ...base, locale: 'pt', docPath: 'api/reference/messages_api/post_messages.mdx', translated: true, renderedFromSpec: true })).toBe('i18n/pt/openapi.json');
  });

  it('a hand-written English page: docs/', () => {
    expect(editFile({ ...base, locale: 'en', docPath: 'api/authentication.mdx' })).toBe('docs/api/authentication.mdx');
  });

  it('a page rendered from the spec: the spec', () => {
    expect(editFile({ ...base, locale: 'en', docPath: 'api/reference/messages_api/post_messages.mdx', renderedFromSpec: true })).toBe(SPEC_FILE);
  });

  it('a page a locale has not translated (served in English): the English source', () => {
    expect(editFile({ ...base, locale: 'es', docPath: 'api/pagination.mdx' })).toBe('docs/api/pagination.mdx');
    expect(editFile({ ...base, locale: 'es', docPath: 'api/reference/teams_api/get_team.mdx', renderedFromSpec: true })).toBe(SPEC_FILE);
  });
});

describe('the EDIT_URL config value', () => {
  it('is optional: unset or blank means no links', () => {
    expect(parseEditUrl(undefined)).toBeUndefined();
    expect(parseEditUrl('  ')).toBeUndefined();
    expect(docsEditUrl({ editUrl: undefined, defaultLocale: 'en', isTranslated: () => true, isRenderedFromSpec: () => false })).toBeUndefined();
  });

  it('is an http(s) URL, given a trailing slash', () => {
    expect(parseEditUrl('https://github.com/callbell/portal/edit/main')).toBe('https://github.com/callbell/portal/edit/main/');
    expect(parseEditUrl('https://gitlab.example/group/portal/-/edit/main/')).toBe('https://gitlab.example/group/portal/-/edit/main/');
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['github.com/callbell/portal', 'javascript:alert(1)', 'ftp://host/x/', 'https://host/edit/main/?x=1']) {
      expect(() => parseEditUrl(bad), bad).toThrow(/EDIT_URL/);
    }
  });

  it('appends the file path, each segment encoded', () => {
    expect(editUrlOf('https://h/edit/main/', 'docs/api/a b#c.mdx')).toBe('https://h/edit/main/docs/api/a%20b%23c.mdx');
  });
});

describe('docsEditUrl', () => {
  const translated = new Set(['it:api/changelog.mdx', 'it:api/reference/messages_api/post_messages.mdx']);
  const editUrl = docsEditUrl({
    editUrl: 'https://github.com/callbell/portal/edit/main/',
    defaultLocale: 'en',
    isTranslated: (locale, docPath) => translated.has(`${locale}:${docPath}`),
    isRenderedFromSpec: (page) => page === 'api/reference/messages_api/post_messages',
  })!;

  it('links each page to the file it comes from', () => {
    const u = (locale: string, docPath: string): string => editUrl({ locale, docPath });
    expect(u('en', 'api/changelog.mdx')).toBe('https://github.com/callbell/portal/edit/main/docs/api/changelog.mdx');
    expect(u('en', 'api/reference/messages_api/post_messages.mdx')).toBe('https://github.com/callbell/portal/edit/main/openapi/openapi.yaml');
    expect(u('it', 'api/changelog.mdx')).toBe('https://github.com/callbell/portal/edit/main/i18n/it/docusaurus-plugin-content-docs/current/api/changelog.mdx');
    expect(u('it', 'api/reference/messages_api/post_messages.mdx')).toBe('https://github.com/callbell/portal/edit/main/i18n/it/openapi.json');
    expect(u('es', 'api/changelog.mdx')).toBe('https://github.com/callbell/portal/edit/main/docs/api/changelog.mdx');
    expect(u('es', 'api/reference/messages_api/post_messages.mdx')).toBe('https://github.com/callbell/portal/edit/main/openapi/openapi.yaml');
  });
});

describe('specRenderedPages', () => {
  const doc = loadSpec();
  const pages = specRenderedPages(doc, HANDWRITTEN);

  it('is every endpoint, object type and webhook event page of the spec but the hand-written ones, each an English page', () => {
    expect(pages.size).toBe(operationModels(doc).length + OBJECT_TYPES.length + webhookEventNames(doc).length - HANDWRITTEN.size);
    for (const p of pages) expect(existsSync(path.join(ROOT, 'docs', `${p}.mdx`)), p).toBe(true);
    expect(pages).toContain('api/reference/messages_api/post_messages');
    expect(pages).toContain('api/reference/object_types/template');
    expect(pages).toContain('api/reference/webhooks/message_events/message_created');
  });

  it('leaves out the hand-written pages, overviews and guides', () => {
    for (const p of [...HANDWRITTEN, 'api/reference/messages_api/index', 'api/reference/decisions', 'api/authentication']) expect(pages).not.toContain(p);
  });
});
