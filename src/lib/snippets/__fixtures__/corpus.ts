/**
 * The hostile-value corpus of the snippet tests: values that attack a pasted
 * snippet (bracketed-paste end, quote + DEL, `;cmd`, `$(…)`, backticks, `%`,
 * `\`, CR/LF, NUL, bidi overrides, lone surrogates, U+2028, `@file`, huge
 * values, …), each put where a user or a share link can put it — the path, the
 * query, the API key, a body key, a body value or the whole body — and turned
 * into a NormalizedRequest by the real `buildRequest`, as the panel does.
 */
import type { NormalizedRequest, OperationModel, ParamModel } from '../../api/types';
import { buildRequest } from '../../request/build';

/**
 * A raw character no snippet may contain, in any language: a control (C0 but
 * line feed and tab, DEL, C1), an invisible or bidirectional format character,
 * U+2028/U+2029, or a lone surrogate.
 */
export const RAW_SPECIAL = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
/** The same, tab included: what a shell snippet may not contain (a pasted tab triggers completion). */
export const RAW_SPECIAL_OR_TAB = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** The base URL of the corpus requests (the tests point them at a local server). */
export const CORPUS_BASE_URL = 'https://api.callbell.eu/v1';

const param = (name: string, location: ParamModel['in'], type: string): ParamModel => ({
  name,
  in: location,
  required: location === 'path',
  description: '',
  schema: { type },
  explode: false,
});

/** A writing operation with every kind of input: a path parameter, a query string, a key, a JSON body. */
export const CORPUS_OPERATION: OperationModel = {
  group: 'contacts_api',
  request: 'patch_contact',
  method: 'PATCH',
  path: '/contacts/{uuid}',
  summary: 'Update a contact',
  params: [param('uuid', 'path', 'string'), param('q', 'query', 'string'), param('tags', 'query', 'array')],
  body: { required: true, schema: { type: 'object' }, example: { name: 'Zoë' } },
  auth: true,
  exampleRequest: {},
  successStatus: 200,
  examples: [],
};

/** Values that attack a pasted snippet or its quoting; each goes to the path, the query, a body key and a body value. */
export const HOSTILE_VALUES: ReadonlyArray<readonly [label: string, value: string]> = [
  ['bracketed-paste end', '\x1b[201~; touch pwned'],
  ['quote + DEL', "'\x7f; touch pwned"],
  ['double quote + DEL', '"\x7f\x7f; touch pwned #'],
  ['semicolon command', '; touch pwned'],
  ['command substitution', '$(touch pwned)'],
  ['backticks', '`touch pwned`'],
  ['shell variables', '${HOME} $HOME ~ !! !$'],
  ['percent and printf', '100% %s %d %% %n %b %{http_code}'],
  ['backslashes', 'back\\slash \\ \\n \\x41 \\u0041 \\0 \\c \\'],
  ['CR/LF', 'line1\r\nline2\rline3\n'],
  ['NUL', 'nul\0byte\0'],
  ['C0 controls', '\x01\x02\x03\x04\x07\x08\x0b\x0c\x0e\x1f'],
  ['C1 controls', '\x80\x85\x9b[31m\x9f'],
  ['emoji and ZWJ', 'Zoë 日本 🚀 👩‍👩‍👧 é'],
  ['RTL override and isolates', '\u202eevil\u202c \u2066iso\u2069 \u200e\u200f\u061c'],
  ['invisible characters', 'a\u200bb\u200cc\u200dd\u2060e\ufefff\xadg'],
  ['tag characters', 'tag\u{E0041}\u{E0042}\u{E007F}'],
  ['U+2028/U+2029', 'line\u2028sep\u2029para'],
  ['lone high surrogate', '\ud800 lone high'],
  ['lone low surrogate', 'lone low \udc00'],
  ['mixed surrogates', '\udbff\ud83d\ude80\udc00'],
  ['@file', '@/etc/passwd'],
  ['@stdin', '@-'],
  ['option-like', '-n -e --help'],
  ['shell quote trick', "'\\''"],
  ['quotes of every language', `''' """ \`\`\` ?> </script> */ //`],
  ['interpolation', '#{x} {$x} ${x} #@x #$x'],
  ['escape lookalikes', '\\u{1F680} \\U0001F680 \\x1b \\e \\055'],
  ['URL-significant', 'a&b=c#d e+f/g?h;i'],
  ['tabs', 'tab\there\tand\ttabs'],
  ['trailing backslash', 'C:\\path\\'],
  ['long mixed value', 'Zoë/日本 🚀 \x1b \u202e & = '.repeat(300)],
];

/** API keys a share link or a paste could carry: only printable ASCII without spaces may be printed. */
export const HOSTILE_KEYS: ReadonlyArray<readonly [label: string, value: string, usable: boolean]> = [
  ['CR/LF header injection', 'cb_key\r\nX-Injected: 1', false],
  ['LF header injection', 'cb_key\nX-Injected: 1', false],
  ['request smuggling', 'k\r\nContent-Length: 0\r\n\r\nGET /admin HTTP/1.1\r\nX: y', false],
  ['space', 'cb key', false],
  ['tab', 'cb\tkey', false],
  ['NUL', 'cb\0key', false],
  ['ESC', 'cb_key\x1b[201~', false],
  ['DEL', "cb_key'\x7f", false],
  ['non-ASCII', 'cb_ключ', false],
  ['U+2028', 'cb\u2028key', false],
  ['RTL override', 'cb\u202ekey', false],
  ['lone surrogate', 'cb\ud800key', false],
  ['command substitution, no space', '$(id)', true],
  ['backticks, no space', '`id`;id', true],
  ['quotes and backslash', `a'b"c\\d`, true],
  ['printf and interpolation', '%s%n#{x}{$x}\\x41', true],
  ['surrounding spaces (trimmed)', '  cb_test_key  ', true],
  ['long key', `cb_${'A1b2'.repeat(128)}`, true],
];

export type Location = 'path' | 'query' | 'key' | 'body key' | 'body value' | 'body';

export interface CorpusCase {
  /** Unique, readable: `<location>: <label>`. */
  name: string;
  location: Location;
  /** The value as typed (before any normalisation). */
  value: string;
  /** The request the panel builds from it. */
  request: NormalizedRequest;
}

/** A whole-body value of about `bytes` bytes: JSON lines packed with hostile characters. */
function hugeHostileBody(bytes: number): string {
  const line = `    "Zoë 日本 🚀 \x1b[201~ '\x7f; $(touch pwned) \u2028 \0 %s \\\\ \t \u202e end",\n`;
  return `{\n  "items": [\n${line.repeat(Math.ceil(bytes / Buffer.byteLength(line)))}    "last"\n  ]\n}\n`;
}

/** A plain (printable) JSON body of about `bytes` bytes. */
function hugePlainBody(bytes: number): string {
  const line = `    {"name": "Zoë O'Brien", "phone": "+393331234567", "note": "$HOME \`id\` 100%"},\n`;
  return `{\n  "contacts": [\n${line.repeat(Math.ceil(bytes / Buffer.byteLength(line)))}    {}\n  ]\n}`;
}

/** Whole bodies: `@file` and stdin tricks, and bodies too big for a command line or a Java constant. */
export const HOSTILE_BODIES: ReadonlyArray<readonly [label: string, value: string]> = [
  ['@file (relative, planted)', '@secret.txt'],
  ['@file (absolute)', '@/etc/passwd'],
  ['@stdin', '@-'],
  ['starts with a dash', '-{"a": 1}'],
  ['valid JSON with DEL after a quote', '{"name": "x\'\x7f; touch pwned"}'],
  ['~300 KiB hostile JSON', hugeHostileBody(300 * 1024)],
  ['~200 KiB plain JSON', hugePlainBody(200 * 1024)],
  ['70,000-byte one-line string', `"${'日本'.repeat(11_700)}"`],
];

function build(location: Location, value: string): NormalizedRequest {
  const op = CORPUS_OPERATION;
  const base = { baseUrl: CORPUS_BASE_URL };
  const path = { uuid: '4d5ce2e5' };
  const body = '{\n  "name": "Zoë"\n}';
  switch (location) {
    case 'path':
      return buildRequest(op, { path: { uuid: value }, body }, base);
    case 'query':
      return buildRequest(op, { path, query: { q: value, tags: `sales,${value}` }, body }, base);
    case 'key':
      return buildRequest(op, { path, body }, { ...base, apiKey: value });
    case 'body key':
      return buildRequest(op, { path, body: JSON.stringify({ [value]: 'x' }, null, 2) }, base);
    case 'body value':
      // Typed as is, not JSON-escaped: the raw characters reach the body text.
      return buildRequest(op, { path, body: `{\n  "name": "${value}"\n}` }, base);
    case 'body':
      return buildRequest(op, { path, body: value }, base);
  }
}

function corpusCase(location: Location, label: string, value: string): CorpusCase {
  return { name: `${location}: ${label}`, location, value, request: build(location, value) };
}

/** Every hostile value in every place it can go. */
export const corpus: CorpusCase[] = [
  ...(['path', 'query', 'body key', 'body value'] as const).flatMap((location) =>
    HOSTILE_VALUES.map(([label, value]) => corpusCase(location, label, value)),
  ),
  // A URL over Java's 65,535-byte constant limit, still under Linux's 128 KiB per argument.
  corpusCase('query', 'URL over 65,535 bytes', 'Zoë 日本 & = '.repeat(900)),
  ...HOSTILE_KEYS.map(([label, value]) => corpusCase('key', label, value)),
  ...HOSTILE_BODIES.map(([label, value]) => corpusCase('body', label, value)),
];
