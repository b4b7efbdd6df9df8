/**
 * String-literal quoting for every snippet language. Each helper returns a
 * complete literal (quotes included) that evaluates to exactly the input, so a
 * value (URL, header, body) is always data and never code. Pure, browser-safe.
 *
 * "Special" characters — controls (C0, DEL, C1), invisible and bidirectional
 * format characters, U+2028/U+2029, lone surrogates — are always written as
 * escapes, in every language, so nothing hides in (or acts on) a pasted
 * snippet: the only raw control characters a literal may hold are the line
 * feeds and tabs of a multi-line text, and the shell forms hold no tab either.
 * Where a language's plain literal has no escapes (shell, PHP and Ruby single
 * quotes), a value with special characters switches to a form that has them.
 *
 * A lone surrogate cannot be encoded in UTF-8: every HTTP client sends U+FFFD
 * for it, so every literal writes an escaped U+FFFD instead and all targets
 * send the same bytes. Other non-ASCII text (Zoë, 日本, 🚀) is kept as is:
 * every target reads UTF-8.
 */

/**
 * A special character: a control (`Cc`), an invisible or bidirectional format
 * character (`Cf`: soft hyphen, zero-width characters and joiners, LRM/RLM/ALM,
 * embeddings, overrides and isolates, BOM, tag characters…), a line or
 * paragraph separator (`Zl`, `Zp`), or a lone surrogate (`Cs`).
 */
const SPECIAL_SOURCE = String.raw`[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}`;
let specials: RegExp | undefined;
/** The special characters' pattern, compiled on first use (see `escaper`). */
const specialsPattern = (): RegExp => (specials ??= new RegExp(SPECIAL_SOURCE, 'gu'));

const REPLACEMENT = '\ufffd';

/** A lone surrogate (a one-unit match in the surrogate range). */
function isLoneSurrogate(char: string): boolean {
  return char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff;
}

/** `value` with each lone surrogate replaced by U+FFFD: the text a UTF-8 client actually sends. */
export function wellFormed(value: string): string {
  return /[\ud800-\udfff]/.test(value) ? value.replace(/\p{Cs}/gu, REPLACEMENT) : value;
}

/** True when `value` holds no special character other than the `allowed` ones (line feed by default). */
export function isPlain(value: string, allowed = '\n'): boolean {
  for (const [char] of value.matchAll(specialsPattern())) if (!allowed.includes(char)) return false;
  return true;
}

/** The length of `value` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(value.charAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** `\uXXXX` for a BMP code point; an astral one (a tag character) is written by `astral`. */
function u4(char: string, astral: (code: number) => string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? astral(code) : `\\u${hex(code, 4)}`;
}

/** `\UXXXXXXXX` (Go, Python, C#). */
const bigU = (code: number): string => `\\U${hex(code, 8)}`;

/** `\u{X}` (JavaScript, PHP 7+, Ruby). */
const uBraces = (char: string): string => `\\u{${hex(char.codePointAt(0) ?? 0, 1)}}`;

/**
 * An escaping function: `table` maps the characters that have a short escape
 * (or must be escaped, like the quote), `special` writes each remaining special
 * character, one code point at a time (a lone surrogate is handed over as U+FFFD).
 */
function escaper(table: Record<string, string>, special: (char: string) => string): (value: string) => string {
  // Built on first use: a page loads every target, and compiling a dozen Unicode-property
  // patterns at once was most of this module's start-up cost, before any snippet is needed.
  let pattern: RegExp | undefined;
  return (value) => {
    pattern ??= new RegExp(
      `[${Object.keys(table)
        .map((key) => key.replace(/[\\\]^-]/g, '\\$&'))
        .join('')}]|${SPECIAL_SOURCE}`,
      'gu',
    );
    return value.replace(pattern, (char) => table[char] ?? special(isLoneSurrogate(char) ? REPLACEMENT : char));
  };
}

const C_STYLE: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * POSIX shell single quotes, where only `'` needs care (`'\''`) and nothing is
 * expanded. Exact for any value, but it keeps special characters raw: use it
 * only for plain text (`isPlain`), else `shellWord` or `shellPrintf`.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `\ooo` octal escapes of the UTF-8 bytes of one code point. */
function octalBytes(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const bytes =
    code < 0x80 ? [code]
    : code < 0x800 ? [0xc0 | (code >> 6), 0x80 | (code & 0x3f)]
    : code < 0x10000 ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
    : [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return bytes.map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
}

const printfFormat = escaper({ '%': '%%', '\\': '\\\\', "'": `'\\''`, '\n': '\n' }, octalBytes);
/** The same, with `!` as `\041`: inside double quotes an interactive bash would expand it from history. */
const printfFormatNoBang = escaper({ '%': '%%', '\\': '\\\\', "'": `'\\''`, '\n': '\n', '!': '\\041' }, octalBytes);

function printf(format: string): string {
  return `printf '${format.startsWith('-') ? `\\055${format.slice(1)}` : format}'`;
}

/**
 * A `printf` command that writes exactly the UTF-8 bytes of `value`, NUL
 * included. The format is single-quoted, so the shell expands nothing; special
 * characters and tabs become three-digit octal escapes, which POSIX printf
 * defines (dash, bash and zsh alike; `$'…'` is not POSIX); `%` and `\` are
 * doubled; line feeds stay raw for readability; a leading `-` is escaped so it
 * is never read as an option. printf is a builtin of every common shell, so
 * the text never goes through execve and no argument-size limit applies.
 */
export function shellPrintf(value: string): string {
  return printf(printfFormat(value));
}

/**
 * One shell word that evaluates to `value`: single quotes for plain text, else
 * `"$(printf '…')"` (with `!` escaped too). An argument can hold neither a NUL
 * nor (through `$(…)`) trailing line feeds, so those are lost; no valid URL or
 * header holds them.
 */
export function shellWord(value: string): string {
  return isPlain(value) ? shellQuote(value) : `"$(${printf(printfFormatNoBang(value))})"`;
}

function jsEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2)}` : u4(char, () => uBraces(char));
}

const jsSingle = escaper({ ...C_STYLE, "'": "\\'" }, jsEscape);
const jsBackticks = escaper({ ...C_STYLE, '\n': '\n', '\t': '\t', '`': '\\`' }, jsEscape);

/** JavaScript single-quoted string literal. */
export function jsString(value: string): string {
  return `'${jsSingle(value)}'`;
}

/**
 * JavaScript template literal, for multi-line text: real newlines and tabs are kept;
 * `\`, the backtick and `${` are escaped so nothing is interpolated.
 */
export function jsTemplate(value: string): string {
  return `\`${jsBackticks(value).replace(/\$\{/g, '\\${')}\``;
}

/** A bare object key when `name` is an identifier, else a quoted one. */
export function jsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

/** Python's repr escapes, lowercase hex: `\x1b`, `\u2028`, `\U000e0001`. */
function pyEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const escape = code < 0x100 ? `\\x${hex(code, 2)}` : code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
  return escape.slice(0, 2) + escape.slice(2).toLowerCase();
}

const pyDouble = escaper({ ...C_STYLE, '"': '\\"' }, pyEscape);
const pySingle = escaper({ ...C_STYLE, "'": "\\'" }, pyEscape);
const pyTriple = escaper({ ...C_STYLE, '\n': '\n', '\t': '\t' }, pyEscape);

/**
 * Python string literal. Double quotes (black style) unless the value holds
 * more `"` than `'`, like a JSON document, which then reads better in single quotes.
 */
export function pyString(value: string): string {
  const count = (char: string) => value.split(char).length - 1;
  return count('"') > count("'") ? `'${pySingle(value)}'` : `"${pyDouble(value)}"`;
}

/**
 * Python triple-quoted literal (`'''`), for multi-line text: real newlines and
 * tabs are kept, `\` is escaped, and so is each `'` followed by another `'` or
 * ending the text, so no `'''` can close the literal early.
 */
export function pyTripleString(value: string): string {
  return `'''${pyTriple(value).replace(/'(?='|$)/g, "\\'")}'''`;
}

/** Single quotes where only `\` and `'` are escaped (both always, so no backslash depends on its neighbour). */
function singleQuoted(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

const phpDouble = escaper(
  { '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\n', '\t': '\\t', '\r': '\\r', '\v': '\\v', '\f': '\\f', '\x1b': '\\e' },
  (char) => (char.charCodeAt(0) < 0x80 ? `\\x${hex(char.charCodeAt(0), 2)}` : uBraces(char)),
);

/**
 * PHP string. Plain text (line feeds and tabs allowed) goes in single quotes,
 * where `$x` and `{$x}` are not interpolated. Text with special characters
 * goes in double quotes, where `\`, `"` and `$` are escaped (so nothing is
 * interpolated), tabs and specials become escapes (`\t`, `\e`, `\xNN` for
 * ASCII, `\u{…}`), and only line feeds stay raw.
 */
export function phpString(value: string): string {
  return isPlain(value, '\n\t') ? singleQuoted(value) : `"${phpDouble(value)}"`;
}

const rubyDouble = escaper({ '\\': '\\\\', '"': '\\"', '#': '\\#', '\n': '\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\e' }, uBraces);

/**
 * Ruby string. Plain text (line feeds and tabs allowed) goes in single quotes,
 * where `#{x}` is not interpolated. Text with special characters goes in
 * double quotes, where `\`, `"` and every `#` are escaped (so no `#{…}`, `#@x`
 * or `#$x` interpolates), tabs and specials become escapes (`\t`, `\e`,
 * `\u{…}`), and only line feeds stay raw.
 */
export function rubyString(value: string): string {
  return isPlain(value, '\n\t') ? singleQuoted(value) : `"${rubyDouble(value)}"`;
}

const goEscape = escaper({ ...C_STYLE, '"': '\\"', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' }, (char) => {
  const code = char.charCodeAt(0);
  return code < 0x80 ? `\\x${hex(code, 2).toLowerCase()}` : u4(char, bigU);
});

/** Go interpreted string literal (`"..."`), like `strconv.Quote` but keeping printable Unicode. */
export function goString(value: string): string {
  return `"${goEscape(value)}"`;
}

/**
 * Go raw string literal (backticks) when `value` can be one — no backtick, and
 * no special character but `\n` and `\t` (Go drops `\r` from raw strings) —
 * else the interpreted literal.
 */
export function goRawOrString(value: string): string {
  return !value.includes('`') && isPlain(value, '\n\t') ? `\`${value}\`` : goString(value);
}

/** An astral code point as its surrogate pair, two unicode escapes (Java has no `\U`). */
const surrogatePair = (code: number): string =>
  `\\u${hex(0xd800 + ((code - 0x10000) >> 10), 4)}\\u${hex(0xdc00 + (code & 0x3ff), 4)}`;

const javaEscape = escaper({ ...C_STYLE, '"': '\\"', '\b': '\\b', '\f': '\\f' }, (char) => u4(char, surrogatePair));

/**
 * Java string literal (no text block). Specials become `\uXXXX`; `\n`, `\r`, `"`
 * and `\` always use their short escapes, so no unicode escape can end the
 * literal (Java translates `\u000a` before lexing), and every user backslash is
 * doubled, so a `\u` in the value never becomes an escape.
 */
export function javaString(value: string): string {
  return `"${javaEscape(value)}"`;
}

const csharpEscape = escaper(
  { ...C_STYLE, '"': '\\"', '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' },
  (char) => u4(char, bigU),
);

/** C# regular string literal. Specials become `\uXXXX` (never the variable-length `\x`). */
export function csharpString(value: string): string {
  return `"${csharpEscape(value)}"`;
}

/** Splits text after each `\n`, keeping the newline on its line (`'a\nb'` -> `['a\n', 'b']`). */
export function splitLines(value: string): string[] {
  return value.match(/[^\n]*\n|[^\n]+$/g) ?? [''];
}
