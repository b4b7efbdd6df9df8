/** Where a doc's source file is, from the docs plugin's `@site/…` path. */
import { describe, expect, it } from 'vitest';
import { sourceOf } from './index';

describe('sourceOf', () => {
  it('gives the file and its docs folder, English or translated', () => {
    expect(sourceOf({ source: '@site/docs/api/errors.mdx' })).toEqual({ source: 'docs/api/errors.mdx', contentDir: 'docs' });
    expect(sourceOf({ source: '@site/i18n/it/docusaurus-plugin-content-docs/current/api/errors.mdx' })).toEqual({
      source: 'i18n/it/docusaurus-plugin-content-docs/current/api/errors.mdx',
      contentDir: 'i18n/it/docusaurus-plugin-content-docs/current',
    });
  });
});
