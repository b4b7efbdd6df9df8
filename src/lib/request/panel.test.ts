import { describe, expect, it } from 'vitest';
import type { Outcome } from './send';
import { clampTimeoutSeconds, fieldIssue, isSendShortcut, retryDelaySeconds, secondsLeft, shareUrl, withoutField } from './panel';
import type { ValidationIssue } from './validate';

const issue = (field: string, code: ValidationIssue['code']): ValidationIssue => ({ field, code, params: {} });

function response(status: number, headers: Array<[string, string]> = []): Outcome {
  return { kind: 'response', status, statusText: '', headers, body: '', contentType: 'application/json', durationMs: 1, size: 0 };
}

describe('field issues', () => {
  it('shows a live issue before the last send attempt\'s', () => {
    const live = [issue('body', 'controlCharacter')];
    const sent = [issue('body', 'jsonSyntax'), issue('query.page', 'minimum')];
    expect(fieldIssue(live, sent, 'body')?.code).toBe('controlCharacter');
    expect(fieldIssue(live, sent, 'query.page')?.code).toBe('minimum');
    expect(fieldIssue(live, sent, 'apiKey')).toBeUndefined();
  });

  it('drops one field\'s issues and keeps the same array when it has none', () => {
    const issues = [issue('body', 'jsonSyntax'), issue('query.page', 'minimum')];
    expect(withoutField(issues, 'body')).toEqual([issue('query.page', 'minimum')]);
    expect(withoutField(issues, 'apiKey')).toBe(issues);
  });
});

describe('rate limit wait', () => {
  it('waits Retry-After seconds after a 429, 1 s without the header, and not after other answers', () => {
    expect(retryDelaySeconds(response(429, [['retry-after', '3']]))).toBe(3);
    expect(retryDelaySeconds(response(429))).toBe(1);
    expect(retryDelaySeconds(response(200, [['retry-after', '3']]))).toBeUndefined();
    expect(retryDelaySeconds({ kind: 'error', type: 'network', durationMs: 1 })).toBeUndefined();
  });

  it('counts whole seconds up, and never below zero', () => {
    expect(secondsLeft(10_000, 7_001)).toBe(3);
    expect(secondsLeft(10_000, 9_999)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(0, 10_000)).toBe(0);
  });
});

describe('timeout field', () => {
  it('stays between 1 and 300 seconds', () => {
    expect(clampTimeoutSeconds('30')).toBe(30);
    expect(clampTimeoutSeconds('0')).toBe(1);
    expect(clampTimeoutSeconds('')).toBe(1);
    expect(clampTimeoutSeconds('abc')).toBe(1);
    expect(clampTimeoutSeconds('-5')).toBe(1);
    expect(clampTimeoutSeconds('1e9')).toBe(300);
  });
});

describe('send shortcut and share URL', () => {
  it('sends on Ctrl+Enter or ⌘+Enter only', () => {
    expect(isSendShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSendShortcut({ key: 'a', ctrlKey: true, metaKey: false })).toBe(false);
  });

  it('puts the share query on the same page, keeping the anchor and dropping any other query', () => {
    const location = { origin: 'http://localhost:3000', pathname: '/it/api/reference/contacts_api/get_contacts', hash: '#risposta' };
    expect(shareUrl(location, 'try.request=get_contacts&try.env=sandbox')).toBe(
      'http://localhost:3000/it/api/reference/contacts_api/get_contacts?try.request=get_contacts&try.env=sandbox#risposta',
    );
  });
});
