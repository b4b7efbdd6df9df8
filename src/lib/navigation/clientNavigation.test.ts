import { describe, expect, it } from 'vitest';
import { isClientNavigationClick, routedPath, sitePath, type ClickLike } from './clientNavigation';

const plain: ClickLike = { button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false, defaultPrevented: false };

describe('isClientNavigationClick', () => {
  it('takes a plain primary click on a same-tab link', () => {
    expect(isClientNavigationClick(plain)).toBe(true);
    expect(isClientNavigationClick(plain, '_self')).toBe(true);
    expect(isClientNavigationClick(plain, '')).toBe(true);
  });

  it('leaves modified clicks to the browser (new tab, new window, download)', () => {
    for (const key of ['metaKey', 'altKey', 'ctrlKey', 'shiftKey'] as const) {
      expect(isClientNavigationClick({ ...plain, [key]: true })).toBe(false);
    }
  });

  it('leaves other buttons, handled clicks and other targets to the browser', () => {
    expect(isClientNavigationClick({ ...plain, button: 1 })).toBe(false);
    expect(isClientNavigationClick({ ...plain, defaultPrevented: true })).toBe(false);
    expect(isClientNavigationClick(plain, '_blank')).toBe(false);
  });
});

describe('routedPath', () => {
  const here = 'https://docs.example.test/it/api/reference/messages_api/post_messages?tab=curl#body';

  it('routes a plain click on a link to another page of the site, keeping its query and fragment', () => {
    expect(routedPath(plain, { href: 'https://docs.example.test/it/api/reference/object_types/contact' }, here)).toBe('/it/api/reference/object_types/contact');
    expect(routedPath(plain, { href: '/it/api/pagination?page=2#cursor' }, here)).toBe('/it/api/pagination?page=2#cursor');
    expect(routedPath(plain, { href: '../object_types/contact', target: '_self' }, here)).toBe('/it/api/reference/object_types/contact');
  });

  it('leaves the click to the browser for another origin, a download, another target or a modified click', () => {
    expect(routedPath(plain, { href: 'https://elsewhere.test/it/api/pagination' }, here)).toBeNull();
    expect(routedPath(plain, { href: 'http://docs.example.test/it/api/pagination' }, here)).toBeNull();
    expect(routedPath(plain, { href: '/it/api/pagination', download: true }, here)).toBeNull();
    expect(routedPath(plain, { href: '/it/api/pagination', target: '_blank' }, here)).toBeNull();
    expect(routedPath({ ...plain, ctrlKey: true }, { href: '/it/api/pagination' }, here)).toBeNull();
    expect(routedPath({ ...plain, defaultPrevented: true }, { href: '/it/api/pagination' }, here)).toBeNull();
  });

  it("leaves a fragment of the page being read to the browser's own scrolling", () => {
    expect(routedPath(plain, { href: '#response' }, here)).toBeNull();
    // An empty fragment (`href="#"`, "back to the top") is the browser's too.
    expect(routedPath(plain, { href: '#' }, here)).toBeNull();
    expect(routedPath(plain, { href: '/it/api/reference/messages_api/post_messages?tab=curl#response' }, here)).toBeNull();
    // The same page with another query is another view: the router opens it.
    expect(routedPath(plain, { href: '/it/api/reference/messages_api/post_messages#response' }, here)).toBe('/it/api/reference/messages_api/post_messages#response');
  });

  it('returns null for an address it cannot read', () => {
    expect(routedPath(plain, { href: 'http://[bad' }, here)).toBeNull();
    expect(routedPath(plain, { href: '/x' }, 'not a url')).toBeNull();
  });
});

describe('sitePath', () => {
  it('gives the path, query and fragment of a same-origin address, null otherwise', () => {
    expect(sitePath('/es/api/webhooks?x=1#events', 'https://docs.example.test/it/')).toBe('/es/api/webhooks?x=1#events');
    expect(sitePath('contact', 'https://docs.example.test/it/api/reference/object_types/')).toBe('/it/api/reference/object_types/contact');
    expect(sitePath('https://other.test/it/', 'https://docs.example.test/it/')).toBeNull();
    expect(sitePath('mailto:team@example.test', 'https://docs.example.test/it/')).toBeNull();
  });
});
