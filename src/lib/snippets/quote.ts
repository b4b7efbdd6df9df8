/**
 * String-literal quoting for every snippet language. Each helper returns a
 * complete literal (quotes included) that evaluates to exactly the input, so a
 * value (URL, header, body) is always data and never code. Pure, browser-safe.
 *
 * "Special" characters — C0/C1 controls, DEL, U+2028/U+2029, invisible and
 * bidirectional formatting characters, lone surrogates — are written as escapes
 * wherever the literal form allows it, so nothing hides in a pasted snippet.
 * Shell, PHP and Ruby single quotes have no such escapes: there these characters
 * stay raw, which is still exact and inert.
 * Other non-ASCII text (Zoë, 日本, 🚀) is kept as is: every target reads UTF-8.
 */

/** One code point (or lone surrogate) that must be written as an escape. */
const SPECIAL = /[\0-\x1f\x7f-\x9f\xad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|[\ud800-\udfff]/u;

function isSpecial(char: string): boolean {
  return SPECIAL.test(char);
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** `\uXXXX` for a BMP code point (or a lone surrogate). */
function u4(char: string): string {
  return `\\u${hex(char.charCodeAt(0), 4)}`;
}

/**
 * Escapes `value` code point by code point: `table` maps the characters that
 * have a short escape, `special` writes the remaining special characters.
 */
function escapeWith(value: string, table: Record<string, string>, special: (char: string) => string): string {
  let out = '';
  for (const char of value) {
    const mapped = table[char];
    if (mapped !== undefined) out += mapped;
    else if (isSpecial(char)) out += special(char);
    else out += char;
  }
  return out;
}

const C_STYLE: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** POSIX shell: single quotes, where only `'` needs care (`'\''`). Nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** JavaScript single-quoted string literal. */
export function jsString(value: string): string {
  const body = escapeWith(value, { ...C_STYLE, "'": "\\'" }, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : u4(char);
  });
  return `'${body}'`;
}

/**
 * JavaScript template literal, for multi-line text: real newlines and tabs are kept;
 * `\`, the backtick and `${` are escaped so nothing is interpolated.
 */
export function jsTemplate(value: string): string {
  const body = escapeWith(value, { ...C_STYLE, '\n': '\n', '\t': '\t', '`': '\\`' }, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : u4(char);
  }).replace(/\$\{/g, '\\${');
  return `\`${body}\``;
}

/** A bare object key when `name` is an identifier, else a quoted one. */
export function jsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

function pyEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2).toLowerCase()}` : u4(char).toLowerCase();
}

/**
 * Python string literal. Double quotes (black style) unless the value holds
 * more `"` than `'`, like a JSON document, which then reads better in single quotes.
 */
export function pyString(value: string): string {
  const count = (char: string) => value.split(char).length - 1;
  const quote = count('"') > count("'") ? "'" : '"';
  return quote + escapeWith(value, { ...C_STYLE, [quote]: `\\${quote}` }, pyEscape) + quote;
}

/**
 * Python triple-quoted literal (`'''`), for multi-line text: real newlines and
 * tabs are kept, `\` is escaped, and so is each `'` followed by another `'` or
 * ending the text, so no `'''` can close the literal early.
 */
export function pyTripleString(value: string): string {
  const body = escapeWith(value, { ...C_STYLE, '\n': '\n', '\t': '\t' }, pyEscape).replace(/'(?='|$)/g, "\\'");
  return `'''${body}'''`;
}

/**
 * PHP single-quoted string: only `\` and `'` are escaped (both always, so no
 * backslash depends on its neighbour). `$` and `{$x}` are not interpolated here.
 */
export function phpString(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/** Ruby single-quoted string: only `\` and `'` are escaped; `#{x}` is not interpolated. */
export function rubyString(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/** Go interpreted string literal (`"..."`), like `strconv.Quote` but keeping printable Unicode. */
export function goString(value: string): string {
  const table = { ...C_STYLE, '"': '\\"', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
  const body = escapeWith(value, table, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return `\\x${hex(code, 2).toLowerCase()}`;
    // A lone surrogate cannot live in a Go (UTF-8) string: U+FFFD is what any client sends for it.
    if (code >= 0xd800 && code <= 0xdfff) return '\\uFFFD';
    return u4(char);
  });
  return `"${body}"`;
}

/**
 * Go raw string literal (backticks) when `value` can be one — no backtick, and
 * no special character but `\n` and `\t` (Go drops `\r` from raw strings) —
 * else the interpreted literal.
 */
export function goRawOrString(value: string): string {
  const plain = !value.includes('`') && ![...value].some((char) => char !== '\n' && char !== '\t' && isSpecial(char));
  return plain ? `\`${value}\`` : goString(value);
}

/**
 * Java string literal (no text block). Specials become `\uXXXX`; `\n`, `\r`, `"`
 * and `\` always use their short escapes, so no unicode escape can end the
 * literal (Java translates `\u000a` before lexing), and every user backslash is
 * doubled, so a `\u` in the value never becomes an escape.
 */
export function javaString(value: string): string {
  const table = { ...C_STYLE, '"': '\\"', '\b': '\\b', '\f': '\\f' };
  return `"${escapeWith(value, table, u4)}"`;
}

/** C# regular string literal. Specials become `\uXXXX` (never the variable-length `\x`). */
export function csharpString(value: string): string {
  const table = { ...C_STYLE, '"': '\\"', '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
  return `"${escapeWith(value, table, u4)}"`;
}

/** Splits text after each `\n`, keeping the newline on its line (`'a\nb'` -> `['a\n', 'b']`). */
export function splitLines(value: string): string[] {
  return value.match(/[^\n]*\n|[^\n]+$/g) ?? [''];
}
