import { describe, expect, it } from 'vitest';
import { isClientNavigationClick, type ClickLike } from './clientNavigation';

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
