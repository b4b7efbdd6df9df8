import { describe, expect, it } from 'vitest';
import { loadSpec } from '../api/load';
import { findOperation } from '../api/model';
import type { Environment } from '../api/types';
import { decodeShare, encodeShare, needsSendConfirmation, stripShare, WRITING_METHODS } from './share';

const op = findOperation(loadSpec(), 'contacts_api', 'get_contacts');
const environments: Environment[] = [
  { id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' },
  { id: 'production', label: 'Production', baseUrl: 'https://api.callbell.eu/v1' },
];

describe('share links', () => {
  it('round-trips parameters, suggests the environment without applying it, and never holds a key', () => {
    const query = encodeShare(op, 'production', { query: { tags: 'a,b', page: 2, source: '' } });
    expect(query).toBe('try.request=get_contacts&try.env=production&try.query.page=2&try.query.tags=a%2Cb');
    expect(decodeShare(op, `?${query}`, environments)).toEqual({
      suggestedEnvironment: 'production',
      values: { path: {}, query: { page: '2', tags: 'a,b' } },
    });
  });

  it('hands control characters over as they are, for the panel to flag like typed ones', () => {
    const post = findOperation(loadSpec(), 'contacts_api', 'post_contacts');
    const body = '{"name": "\u001b[201~", "identifier": "1\'\u007f;touch /tmp/pwned", "source": "whatsapp"}';
    const query = encodeShare(post, 'sandbox', { body });
    expect([...query].every((char) => char >= ' ' && char <= '~')).toBe(true);
    expect(decodeShare(post, `?${query}`, environments)?.values.body).toBe(body);
    expect(decodeShare(op, `?try.request=get_contacts&try.query.tags=a%0D%0Ab`, environments)?.values.query).toEqual({ tags: 'a\r\nb' });
  });

  it('drops bodies over 16 KiB', () => {
    const post = findOperation(loadSpec(), 'contacts_api', 'post_contacts');
    const big = `"${'x'.repeat(16_384)}"`;
    expect(encodeShare(post, 'sandbox', { body: big })).not.toContain('try.body');
    expect(decodeShare(post, `?try.request=post_contacts&try.body=${big}`, environments)?.values.body).toBeUndefined();
  });

  it('ignores links for other requests, unknown environments and unknown fields', () => {
    expect(decodeShare(op, '?try.request=other', environments)).toBeUndefined();
    const decoded = decodeShare(op, '?try.request=get_contacts&try.env=https://evil.example&try.key=secret&try.query.nope=1', environments);
    expect(decoded).toEqual({ values: { path: {}, query: {} } });
  });

  it('asks before a link-filled writing request leaves the sandbox, once', () => {
    for (const method of WRITING_METHODS) {
      expect(needsSendConfirmation({ method, environment: 'production', fromShareLink: true }), method).toBe(true);
      // Typed or already confirmed values, and the sandbox, go straight out.
      expect(needsSendConfirmation({ method, environment: 'production', fromShareLink: false }), method).toBe(false);
      expect(needsSendConfirmation({ method, environment: 'sandbox', fromShareLink: true }), method).toBe(false);
    }
    expect(needsSendConfirmation({ method: 'GET', environment: 'production', fromShareLink: true })).toBe(false);
    expect(needsSendConfirmation({ method: 'DELETE', environment: 'staging', fromShareLink: true })).toBe(true);
  });

  it('names the chosen documented example; a link with the name alone brings its values', () => {
    const send = findOperation(loadSpec(), 'messages_api', 'post_messages');
    const edited = '{"to": "+31612345678", "from": "whatsapp", "type": "image", "content": {"url": "https://example.com/other.png"}}';
    const query = encodeShare(send, 'sandbox', { body: edited }, 'image');
    expect(query).toMatch(/^try\.request=post_messages&try\.env=sandbox&try\.example=image&/);
    // Values written out win: the example only says which one they started from.
    expect(decodeShare(send, `?${query}`, environments)).toEqual({ suggestedEnvironment: 'sandbox', example: 'image', values: { path: {}, query: {}, body: edited } });
    const named = decodeShare(send, '?try.request=post_messages&try.example=video', environments);
    expect(named?.example).toBe('video');
    expect(JSON.parse(named!.values.body!)).toMatchObject({ type: 'video', content: { url: 'https://example.com/my_video.mp4' } });
    // An unknown name is dropped like any unknown field.
    expect(decodeShare(send, '?try.request=post_messages&try.example=__proto__', environments)).toEqual({ values: { path: {}, query: {} } });
  });

  it('strips its own parameters only', () => {
    expect(stripShare('?a=1&try.env=sandbox&try.query.page=2')).toBe('?a=1');
    expect(stripShare('?try.env=sandbox')).toBe('');
    expect(stripShare('?try.example=image&x=1')).toBe('?x=1');
  });
});
