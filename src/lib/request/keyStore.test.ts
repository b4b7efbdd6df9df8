import { describe, expect, it } from 'vitest';
import { forgetKey, loadKey, maskKey, saveKey, type KeyStorage } from './keyStore';

function memory(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('keyStore', () => {
  it('keeps the key in the tab by default and on the device only when asked', () => {
    const storage: KeyStorage = { session: memory(), local: memory() };
    saveKey('sandbox', { key: 'k1', remember: false }, storage);
    expect(storage.local?.getItem('callbell.apiKey.sandbox')).toBeNull();
    expect(loadKey('sandbox', storage)).toEqual({ key: 'k1', remember: false });
    saveKey('sandbox', { key: 'k1', remember: true }, storage);
    expect(storage.session?.getItem('callbell.apiKey.sandbox')).toBeNull();
    expect(loadKey('sandbox', storage)).toEqual({ key: 'k1', remember: true });
    expect(loadKey('production', storage)).toEqual({ key: '', remember: false });
    forgetKey('sandbox', storage);
    expect(loadKey('sandbox', storage)).toEqual({ key: '', remember: false });
  });

  it('survives storage that throws', () => {
    const broken = memory();
    broken.getItem = () => {
      throw new Error('denied');
    };
    broken.setItem = broken.getItem;
    const storage: KeyStorage = { session: broken, local: broken };
    expect(() => saveKey('sandbox', { key: 'x', remember: true }, storage)).not.toThrow();
    expect(loadKey('sandbox', storage)).toEqual({ key: '', remember: false });
  });

  it('masks all but the last four characters', () => {
    expect(maskKey('test_gshuPaZoeEG6ovbc8M79w0QyM')).toBe('••••••••0QyM');
    expect(maskKey('abc')).toBe('••••');
  });
});
