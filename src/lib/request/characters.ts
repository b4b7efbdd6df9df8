/**
 * Characters a "try it" field may not hold raw: C0 controls (the body editor
 * keeps its tabs and line feeds, a one-line field keeps none), DEL, C1 controls,
 * and lone UTF-16 surrogates. Raw, they can end bracketed paste or eat a quote
 * in a copied shell command, vanish (NUL) or break URL encoding (`URIError`),
 * so the panel refuses them at the field and names the first one. Pure.
 */

export type UnsafeCharacterKind = 'control' | 'surrogate';

export interface UnsafeCharacter {
  kind: UnsafeCharacterKind;
  /** The code point (a lone surrogate's own value), e.g. 0x1b. */
  codePoint: number;
  /** 1-based, counted in characters (code points) from the start of the text. */
  position: number;
  /** 1-based line and column (in characters); line is always 1 for one-line fields. */
  line: number;
  column: number;
}

export interface CharacterRules {
  /** The body editor: tab and line feed are layout, not controls. */
  multiline: boolean;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;

function isControl(codePoint: number, rules: CharacterRules): boolean {
  if (codePoint < 0x20) return !(rules.multiline && (codePoint === TAB || codePoint === LINE_FEED));
  return codePoint >= 0x7f && codePoint <= 0x9f;
}

/** The first character of `text` that may not be sent raw, or undefined when there is none. */
export function findUnsafeCharacter(text: string, rules: CharacterRules): UnsafeCharacter | undefined {
  let position = 0;
  let line = 1;
  let column = 0;
  // for…of walks code points: a valid pair comes out whole, a lone surrogate on its own.
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    position++;
    column++;
    const kind: UnsafeCharacterKind | undefined = isControl(codePoint, rules)
      ? 'control'
      : codePoint >= 0xd800 && codePoint <= 0xdfff
        ? 'surrogate'
        : undefined;
    if (kind) return { kind, codePoint, position, line, column };
    if (codePoint === LINE_FEED) {
      line++;
      column = 0;
    }
  }
  return undefined;
}

/** `U+001B`: how messages name a character that cannot be shown. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `\u001b`: the JSON escape that writes the character safely inside a string. */
export function jsonEscape(codePoint: number): string {
  return `\\u${codePoint.toString(16).padStart(4, '0')}`;
}
