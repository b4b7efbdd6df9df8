/** Ctrl/⌘+K always opens search; `/` only where it is not text. */
import { describe, expect, it } from 'vitest';
import { isTextEntry, opensSearch, type KeyPress } from './shortcut';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const body = { tagName: 'BODY' };
const textField = { tagName: 'INPUT', type: 'text' };
const editor = { tagName: 'TEXTAREA' };

describe('opensSearch', () => {
  it('opens on Ctrl+K and ⌘+K, even in a field', () => {
    expect(opensSearch(key('k', { ctrlKey: true }), body)).toBe(true);
    expect(opensSearch(key('K', { metaKey: true }), textField)).toBe(true);
    expect(opensSearch(key('k', { ctrlKey: true }), editor)).toBe(true);
  });
  it('opens on / outside text fields only', () => {
    expect(opensSearch(key('/'), body)).toBe(true);
    expect(opensSearch(key('/'), null)).toBe(true);
    expect(opensSearch(key('/'), { tagName: 'BUTTON' })).toBe(true);
    expect(opensSearch(key('/'), { tagName: 'INPUT', type: 'checkbox' })).toBe(true);
    expect(opensSearch(key('/'), textField)).toBe(false);
    expect(opensSearch(key('/'), editor)).toBe(false);
    expect(opensSearch(key('/'), { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(opensSearch(key('/'), { tagName: 'DIV', role: 'textbox' })).toBe(false);
  });
  it('ignores other keys, modified slashes, composition and handled events', () => {
    expect(opensSearch(key('k'), body)).toBe(false);
    expect(opensSearch(key('k', { ctrlKey: true, altKey: true }), body)).toBe(false);
    expect(opensSearch(key('k', { ctrlKey: true, shiftKey: true }), body)).toBe(false);
    expect(opensSearch(key('/', { ctrlKey: true }), body)).toBe(false);
    expect(opensSearch(key('/', { isComposing: true }), body)).toBe(false);
    expect(opensSearch(key('k', { ctrlKey: true, defaultPrevented: true }), body)).toBe(false);
  });
});

describe('isTextEntry', () => {
  it('knows inputs where / is text', () => {
    for (const type of ['text', 'search', 'url', 'email', 'password', 'number']) expect(isTextEntry({ tagName: 'input', type })).toBe(true);
    expect(isTextEntry({ tagName: 'SELECT' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTextEntry({ tagName: 'A' })).toBe(false);
  });
});
