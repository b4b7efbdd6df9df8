/** Query normalisation, endpoint parsing and the pages the box pins above the engine's results. */
import { describe, expect, it } from 'vitest';
import { endpointScore, fold, MAX_QUERY, mergeResults, normalizeQuery, parseEndpointQuery, pinnedPages } from './query';
import type { SearchPage } from './types';

describe('normalizeQuery', () => {
  it('refuses what is too short to search', () => {
    expect(normalizeQuery('')).toBe('');
    expect(normalizeQuery('   ')).toBe('');
    expect(normalizeQuery('a')).toBe('');
    expect(normalizeQuery(' é ')).toBe('');
  });
  it('collapses white space and drops control characters', () => {
    expect(normalizeQuery('  GET \t /contacts\n')).toBe('GET /contacts');
    expect(normalizeQuery('team\u0000_uuid')).toBe('team _uuid');
  });
  it('bounds the length without cutting an emoji in two', () => {
    expect(normalizeQuery('x'.repeat(500))).toHaveLength(MAX_QUERY);
    const emoji = '😀'.repeat(300);
    const out = normalizeQuery(emoji);
    expect(Array.from(out)).toHaveLength(MAX_QUERY);
    expect(out).toBe('😀'.repeat(MAX_QUERY));
  });
  it('keeps characters that are special elsewhere as plain text', () => {
    for (const q of ['<script>', '.*', '""', '\\\\', '%%', '😀😀']) expect(normalizeQuery(q)).toBe(q);
  });
});

describe('fold', () => {
  it('ignores case and accents', () => {
    expect(fold('Página')).toBe('pagina');
    expect(fold('Parâmetros ÇÃO')).toBe('parametros cao');
  });
});

describe('parseEndpointQuery', () => {
  it('reads a method and a path', () => {
    expect(parseEndpointQuery('GET /contacts')).toEqual({ method: 'GET', segments: ['contacts'] });
    expect(parseEndpointQuery('post messages send')).toEqual({ method: 'POST', segments: ['messages', 'send'] });
    expect(parseEndpointQuery('/contacts/phone')).toEqual({ segments: ['contacts', 'phone'] });
  });
  it('turns placeholders into wildcards and drops a pasted origin, /v1 and the query string', () => {
    expect(parseEndpointQuery('PATCH /contacts/:uuid')).toEqual({ method: 'PATCH', segments: ['contacts', '*'] });
    expect(parseEndpointQuery('https://api.callbell.eu/v1/contacts/{uuid}?x=1')).toEqual({ segments: ['contacts', '*'] });
  });
  it('is undefined for words that do not look like an endpoint', () => {
    expect(parseEndpointQuery('contacts')).toBeUndefined();
    expect(parseEndpointQuery('get')).toBeUndefined();
    expect(parseEndpointQuery('getting started')).toBeUndefined();
    expect(parseEndpointQuery('/<script>')).toBeUndefined();
  });
});

describe('endpointScore', () => {
  const q = (text: string) => parseEndpointQuery(text)!;
  it('prefers every segment in place, then the literal segments alone, then a value for a parameter', () => {
    expect(endpointScore(q('GET /contacts'), 'GET', '/contacts')).toBe(100);
    expect(endpointScore(q('GET /contacts/:uuid'), 'GET', '/contacts/{uuid}')).toBe(100);
    expect(endpointScore(q('/contacts/phone'), 'GET', '/contacts/phone/{phone_number}')).toBe(80);
    expect(endpointScore(q('GET /contacts'), 'GET', '/contacts/{uuid}')).toBe(80);
    expect(endpointScore(q('/contacts/phone'), 'GET', '/contacts/{uuid}')).toBe(60);
  });
  it('is 0 for another method or other segments', () => {
    expect(endpointScore(q('POST /contacts'), 'GET', '/contacts')).toBe(0);
    expect(endpointScore(q('/teams'), 'GET', '/contacts')).toBe(0);
  });
});

const PAGES: SearchPage[] = [
  { url: '/it/api/errors', title: 'Errori', codes: ['invalid_parameter', 'rate_limited', 'unauthorized'] },
  { url: '/it/api/rate_limits', title: 'Limiti di frequenza', codes: ['rate_limited'] },
  { url: '/it/api/reference/contacts_api/get_contacts', title: 'GET /contacts', label: 'Elenca i contatti', method: 'GET', path: '/contacts' },
  { url: '/it/api/reference/contacts_api/post_contacts', title: 'POST /contacts', label: 'Crea un contatto', method: 'POST', path: '/contacts' },
  { url: '/it/api/reference/contacts_api/get_contact', title: 'GET /contacts/:uuid', label: 'Recupera un contatto', method: 'GET', path: '/contacts/{uuid}' },
  { url: '/it/api/reference/contacts_api/patch_contacts', title: 'PATCH /contacts/:uuid', method: 'PATCH', path: '/contacts/{uuid}' },
  { url: '/it/api/reference/contacts_api/get_contact_by_phone', title: 'GET /contacts/phone/:phone_number', method: 'GET', path: '/contacts/phone/{phone_number}' },
  { url: '/it/api/reference/messages_api/post_messages', title: 'POST /messages/send', label: 'Invia un messaggio', method: 'POST', path: '/messages/send' },
  { url: '/it/api/reference/object_types/contact', title: 'Contact' },
  { url: '/it/api/reference/object_types/message_contact_card', title: 'MessageContactCard' },
];
const urls = (query: string) => pinnedPages(query, PAGES).map((p) => p.url.replace('/it/api/reference/', ''));

describe('pinnedPages', () => {
  it('pins the endpoint a method and path name', () => {
    expect(urls('GET /contacts')).toEqual(['contacts_api/get_contacts']);
    expect(urls('get /contacts')).toEqual(['contacts_api/get_contacts']);
    expect(urls('/contacts/phone')).toEqual(['contacts_api/get_contact_by_phone']);
    expect(urls('post messages send')).toEqual(['messages_api/post_messages']);
    expect(urls('/contacts/{uuid}')).toEqual(['contacts_api/get_contact', 'contacts_api/patch_contacts']);
  });
  it('pins a page whose title or translated sidebar label is the query, ignoring case and accents', () => {
    expect(urls('Elenca i contatti')).toEqual(['contacts_api/get_contacts']);
    expect(urls('elenca  i CONTATTI')).toEqual(['contacts_api/get_contacts']);
    expect(urls('Contact')).toEqual(['object_types/contact']);
  });
  it('pins the guides that explain an error code, the one explaining most first', () => {
    expect(urls('rate_limited')).toEqual(['/it/api/errors', '/it/api/rate_limits']);
  });
  it('pins nothing for an ordinary word or hostile input', () => {
    for (const q of ['contatti', 'team_uuid', '<script>', '.*', '"', '\\', '%', '😀', '']) expect(urls(q)).toEqual([]);
  });
});

describe('mergeResults', () => {
  it('lists pinned pages first, once, up to the limit', () => {
    const merged = mergeResults([{ page: 'b' }], [{ page: 'a' }, { page: 'b' }, { page: 'c' }, { page: 'd' }], 3);
    expect(merged.map((m) => m.page)).toEqual(['b', 'a', 'c']);
  });
});
