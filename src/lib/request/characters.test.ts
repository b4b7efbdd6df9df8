import { describe, expect, it } from 'vitest';
import { codePointLabel, findUnsafeCharacter, jsonEscape } from './characters';

const line = { multiline: false };
const body = { multiline: true };

describe('findUnsafeCharacter', () => {
  it('accepts printable text, emoji pairs and accents', () => {
    expect(findUnsafeCharacter('', line)).toBeUndefined();
    expect(findUnsafeCharacter("Mario Rossi 'VIP' & co ~ é ñ 日本 👍🏽", line)).toBeUndefined();
    expect(findUnsafeCharacter('{\n\t"a": "b"\n}', body)).toBeUndefined();
  });

  it('finds every C0 control, DEL and every C1 control', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    ];
    expect(controls).toHaveLength(65);
    for (const codePoint of controls) {
      const found = findUnsafeCharacter(`ab${String.fromCharCode(codePoint)}c`, line);
      expect(found, codePointLabel(codePoint)).toEqual({ kind: 'control', codePoint, position: 3, line: 1, column: 3 });
    }
  });

  it('lets the body keep tabs and line feeds, but not CR, ESC or DEL', () => {
    expect(findUnsafeCharacter('a\tb', line)?.codePoint).toBe(0x09);
    expect(findUnsafeCharacter('a\nb', line)?.codePoint).toBe(0x0a);
    expect(findUnsafeCharacter('{\r\n}', body)).toMatchObject({ codePoint: 0x0d, line: 1, column: 2 });
    expect(findUnsafeCharacter('{\n  "a": "\u001b[201~"\n}', body)).toEqual({ kind: 'control', codePoint: 0x1b, position: 11, line: 2, column: 9 });
    expect(findUnsafeCharacter('{"a": "x\'\u007f;touch /tmp/pwned"}', body)).toMatchObject({ codePoint: 0x7f, column: 10 });
  });

  it('finds lone surrogates, high or low, and counts positions in characters', () => {
    expect(findUnsafeCharacter('👍\ud83d', line)).toEqual({ kind: 'surrogate', codePoint: 0xd83d, position: 2, line: 1, column: 2 });
    expect(findUnsafeCharacter('\udc4dx', line)).toMatchObject({ kind: 'surrogate', codePoint: 0xdc4d, position: 1 });
    expect(findUnsafeCharacter('\ud83d\ud83d\udc4d', line)).toMatchObject({ codePoint: 0xd83d, position: 1 });
    expect(findUnsafeCharacter('é\n\ud800', body)).toMatchObject({ line: 2, column: 1, position: 3 });
  });

  it('names characters for messages', () => {
    expect(codePointLabel(0x1b)).toBe('U+001B');
    expect(codePointLabel(0x9f)).toBe('U+009F');
    expect(jsonEscape(0x7f)).toBe('\\u007f');
    expect(JSON.parse(`"${jsonEscape(0x1b)}"`)).toBe('\u001b');
  });
});
