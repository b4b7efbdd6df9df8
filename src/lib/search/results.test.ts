/** Pagefind answers turned into result lines: excerpts stay text, the best section is chosen. */
import { describe, expect, it } from 'vitest';
import { bestSection, decodeEntities, parseExcerpt, pinnedHit, readableUrl, toHit, type PagefindResultData } from './results';

describe('parseExcerpt', () => {
  it('splits on <mark> and merges neighbours', () => {
    expect(parseExcerpt('Elenca i <mark>contatti</mark> del tuo <mark>account</mark>.')).toEqual([
      { text: 'Elenca i ', match: false },
      { text: 'contatti', match: true },
      { text: ' del tuo ', match: false },
      { text: 'account', match: true },
      { text: '.', match: false },
    ]);
  });
  it('decodes entities to text and drops any other tag, so nothing becomes markup', () => {
    expect(parseExcerpt('a &lt;script&gt;alert(1)&lt;/script&gt; <b>b</b> <mark>&amp;</mark>')).toEqual([
      { text: 'a <script>alert(1)</script> b ', match: false },
      { text: '&', match: true },
    ]);
  });
  it('handles an empty or unbalanced excerpt', () => {
    expect(parseExcerpt('')).toEqual([]);
    expect(parseExcerpt('<mark>open')).toEqual([{ text: 'open', match: true }]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('&quot;&#39;&#x2F;&apos;&bogus;&#0;')).toBe('"\'/\'&bogus;&#0;');
  });
});

const data: PagefindResultData = {
  url: '/it/api/reference/contacts_api/get_contacts',
  excerpt: 'GET /contacts. Elenca i <mark>contatti</mark>',
  meta: { title: 'GET /contacts' },
  sub_results: [
    { title: 'GET /contacts', url: '/it/api/reference/contacts_api/get_contacts', excerpt: 'Elenca i <mark>contatti</mark>', locations: [3] },
    {
      title: 'Parametri facoltativi',
      url: '/it/api/reference/contacts_api/get_contacts#parametri-facoltativi',
      excerpt: '<mark>team_uuid</mark> string',
      weighted_locations: [
        { weight: 1, balanced_score: 40, location: 10 },
        { weight: 1, balanced_score: 40, location: 12 },
      ],
    },
  ],
};

describe('toHit', () => {
  it('points at the section that matched best and names it', () => {
    const hit = toHit(data, { url: data.url, title: 'GET /contacts', label: 'Elenca i contatti' });
    expect(hit).toEqual({
      page: data.url,
      url: '/it/api/reference/contacts_api/get_contacts#parametri-facoltativi',
      title: 'GET /contacts',
      label: 'Elenca i contatti',
      section: 'Parametri facoltativi',
      excerpt: [
        { text: 'team_uuid', match: true },
        { text: ' string', match: false },
      ],
    });
  });
  it('falls back to the page when there are no sections', () => {
    const hit = toHit({ ...data, sub_results: [] }, undefined);
    expect(hit.url).toBe(data.url);
    expect(hit.title).toBe('GET /contacts');
    expect(hit.section).toBeUndefined();
  });
  it('does not call the top of the page a section', () => {
    expect(bestSection([data.sub_results![0]!])?.title).toBe('GET /contacts');
    expect(toHit({ ...data, sub_results: [data.sub_results![0]!] }, undefined).section).toBeUndefined();
  });
});

describe('readableUrl', () => {
  it('decodes a percent-encoded anchor and leaves a malformed one as it is', () => {
    expect(readableUrl('/it/api/webhooks#controlli-di-integrit%C3%A0')).toBe('/it/api/webhooks#controlli-di-integrità');
    expect(readableUrl('/a#%E0%A4%A')).toBe('/a#%E0%A4%A');
    expect(readableUrl('/a')).toBe('/a');
  });
});

describe('pinnedHit', () => {
  it('uses the description as the excerpt', () => {
    expect(pinnedHit({ url: '/a', title: 'A', description: 'About A' })).toEqual({ page: '/a', url: '/a', title: 'A', excerpt: [{ text: 'About A', match: false }] });
  });
});
