/**
 * Every quoting helper of quote.ts: readable output, no raw special character,
 * and exact round trips through the real parsers that are installed (sh and
 * bash, node, python3, php, ruby, javac) or a decoder of the language's rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  csharpString,
  goRawOrString,
  goString,
  isPlain,
  javaString,
  jsKey,
  jsString,
  jsTemplate,
  phpString,
  pyString,
  pyTripleString,
  rubyString,
  shellPrintf,
  shellQuote,
  shellWord,
  splitLines,
  utf8Length,
  wellFormed,
} from './quote';
import { RAW_SPECIAL, RAW_SPECIAL_OR_TAB } from './__fixtures__/corpus';

/** Values that break naive quoting in at least one language. */
const HOSTILE = [
  '',
  'plain',
  `it's`,
  `"double" and 'single'`,
  `'\\''`,
  '$HOME $(id) ${x} `id` #{x} {$x} %s %{http_code}',
  'back\\slash \\n \\u0041 \\x41 \\u{1F680} \\',
  '\\',
  "'",
  '"',
  '`',
  '${',
  '\\${',
  '$${x}',
  "'''",
  '"""',
  'line1\nline2\r\nline3\rend',
  '\n',
  'tab\there',
  '\u2028\u2029',
  '\x01\x07\x08\x0b\x0c\x1b\x7f\x85\xa0\xad',
  '\0 nul \0\0',
  '\x1b[201~ bracketed paste end',
  `'\x7f; touch pwned`,
  '\u202eevil\u202c \u200b \ufeff \u061c',
  '%d %s %% %b \\0101 \\c',
  '-n -e --help',
  'Zoë 日本 🚀 👩‍👩‍👧 é',
  'a&b=c#d e+f%20g%',
  'https://api.callbell.eu/v1/contacts?q=a%26b&tags=sales,lead',
  '?> </script> */ // -- ; | & > < !! !$ ^',
  '{\n  "name": "O\'Brien \\"q\\" $(rm -rf ~)",\n\t"x": "\u2028"\r\n}\n',
  '\\\\\\',
  '\\\'',
  '-n',
  '--',
];

/** Deterministic random strings over an alphabet of troublemakers. */
function fuzz(count: number): string[] {
  const alphabet = [
    ..."'\"`$\\{}#%&=+ \n\r\t!()*;|<>?~^[]@ab0-\0\x01\x1b\x7f\x85\u2028\u2029\u202eé日🚀",
    '\u{E0041}',
    '\ud800',
    '\udc00',
  ];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 24 }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

const SAMPLES = [...HOSTILE, ...fuzz(200)];

/** A lone surrogate cannot be encoded as UTF-8: every literal writes U+FFFD instead, what a client sends. */
const LONE_SURROGATE = '\ud800x\udc00 \ud83d\ude80 \udbff';
const LONE_SURROGATE_SENT = '\ufffdx\ufffd \ud83d\ude80 \ufffd';

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v',
};

/** The escapes each language defines (a `\'` is an error in a Go string; C# has no `\x` we could trust). */
const GO_ESCAPES = '\\"nrtabfvxuU';
const C_SHARP_ESCAPES = '\\"\'nrt0abfvuU';

/**
 * Decodes a double-quoted C-family literal (Go, C#, Java) the way their lexers
 * do for the escapes our helpers emit: short escapes, `\xNN` (a byte < 0x80),
 * `\uXXXX` and `\UXXXXXXXX`.
 */
function decodeEscaped(literal: string, allowed: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"'), literal).toBe(true);
  const inner = literal.slice(1, -1);
  expect(inner, 'an unescaped quote').not.toMatch(/(^|[^\\])(\\\\)*"/);
  return inner.replace(/\\(U[0-9A-Fa-f]{8}|u[0-9A-Fa-f]{4}|x[0-7][0-9a-fA-F]|.)/gsu, (_match, escape: string) => {
    if (escape.length > 1 && !allowed.includes(escape[0]!)) throw new Error(`unknown escape \\${escape} in ${literal}`);
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    const short = allowed.includes(escape) ? SHORT_ESCAPES[escape] : undefined;
    if (short === undefined) throw new Error(`unknown escape \\${escape} in ${literal}`);
    return short;
  });
}

function tryExec(file: string, args: string[]): boolean {
  try {
    execFileSync(file, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The bytes a UTF-8 client sends for `value` (a lone surrogate becomes U+FFFD). */
const utf8 = (value: string): Buffer => Buffer.from(value, 'utf8');

/** A marker printed after the i-th value of a batched run, to point at the first value that differs. */
const marker = (i: number): string => `\n<<${i}>>\n`;

/**
 * The shells a pasted snippet meets: `sh` (dash on Debian), `bash`, an
 * interactive bash reading the script as typed input (history expansion of
 * `!` on, like a paste into a terminal), and zsh (macOS's default) when installed.
 */
const SHELLS: Array<[label: string, file: string, args: (script: string) => string[], stdin: boolean]> = [
  ['sh', 'sh', (script) => [script], false],
  ['bash', 'bash', (script) => [script], false],
  ['interactive bash', 'bash', () => ['--norc', '--noprofile', '-i'], true],
];
if (tryExec('zsh', ['-c', ':'])) SHELLS.push(['zsh', 'zsh', (script) => ['-f', script], false]);

/**
 * Runs, in one process per shell of SHELLS, a script that prints every value
 * with `print(value)` followed by its marker, and expects exactly the bytes
 * `expected(value)` for each.
 */
function expectShellOutput(values: string[], print: (value: string) => string, expected: (value: string) => Buffer): void {
  // A first command, so that an unescaped `!!` would find an event to expand.
  const script = `: history\n${values.map((value, i) => `${print(value)}\nprintf '${marker(i).replace(/\n/g, '\\n')}'\n`).join('')}`;
  const want = Buffer.concat(values.flatMap((value, i) => [expected(value), utf8(marker(i))]));
  const dir = mkdtempSync(join(tmpdir(), 'snippet-sh-'));
  try {
    const file = join(dir, 'script.sh');
    writeFileSync(file, script);
    for (const [shell, bin, args, stdin] of SHELLS) {
      const got = execFileSync(bin, args(file), {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8', HOME: dir },
        input: stdin ? script : '',
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      if (!got.equals(want)) {
        const at = values.findIndex((value, i) => {
          const start = got.indexOf(i === 0 ? Buffer.alloc(0) : utf8(marker(i - 1)));
          const slice = got.subarray(start + (i === 0 ? 0 : utf8(marker(i - 1)).length), got.indexOf(utf8(marker(i))));
          return !slice.equals(expected(value));
        });
        expect.fail(`${shell}: value ${at} ${JSON.stringify(values[at])} printed wrong bytes`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ALL = [...SAMPLES, LONE_SURROGATE];

describe('special characters', () => {
  it('never stay raw in a literal of any language (line feeds and tabs of a multi-line text aside)', () => {
    const oneLine = { jsString, pyString, phpString, rubyString, goString, javaString, csharpString };
    const multiLine = { jsTemplate, pyTripleString, goRawOrString };
    for (const value of ALL) {
      for (const [name, quote] of Object.entries(oneLine)) expect(quote(value), `${name} ${JSON.stringify(value)}`).not.toMatch(RAW_SPECIAL);
      for (const [name, quote] of Object.entries(multiLine)) expect(quote(value), `${name} ${JSON.stringify(value)}`).not.toMatch(RAW_SPECIAL);
      // The shell forms hold no tab either: pasted into an interactive shell, a tab triggers completion.
      expect(shellPrintf(value), JSON.stringify(value)).not.toMatch(RAW_SPECIAL_OR_TAB);
      expect(shellWord(value), JSON.stringify(value)).not.toMatch(RAW_SPECIAL_OR_TAB);
    }
  });

  it('wellFormed replaces each lone surrogate with U+FFFD, as UTF-8 encoding does', () => {
    expect(wellFormed(LONE_SURROGATE)).toBe(LONE_SURROGATE_SENT);
    expect(wellFormed('Zoë 🚀')).toBe('Zoë 🚀');
    for (const value of ALL) expect(utf8(wellFormed(value)).toString('utf8')).toBe(wellFormed(value));
    for (const value of ALL) expect(utf8(wellFormed(value)).equals(utf8(value))).toBe(true);
  });

  it('isPlain and utf8Length', () => {
    expect(isPlain('{\n  "a": "Zoë 🚀"\n}')).toBe(true);
    expect(isPlain('a\tb')).toBe(false);
    expect(isPlain('a\tb', '\n\t')).toBe(true);
    for (const char of ['\0', '\x1b', '\x7f', '\x85', '\xad', '\u061c', '\u200b', '\u2028', '\u202e', '\u2066', '\ufeff', '\u{E0041}', '\ud800']) {
      expect(isPlain(`a${char}b`), JSON.stringify(char)).toBe(false);
    }
    for (const value of ALL) expect(utf8Length(value), JSON.stringify(value)).toBe(utf8(value).length);
  });
});

describe(`shellQuote / shellPrintf / shellWord (${SHELLS.map(([label]) => label).join(', ')})`, () => {
  it('shellQuote wraps in single quotes and writes a quote as the four characters quote, backslash, quote, quote', () => {
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote(`it's $HOME`)).toBe(`'it'\\''s $HOME'`);
  });

  it('shellPrintf writes octal escapes for specials and tabs, doubles % and \\, escapes a leading dash', () => {
    expect(shellPrintf('{\n  "a": "\x1b[201~\x7f"\r\n}')).toBe(`printf '{\n  "a": "\\033[201~\\177"\\015\n}'`);
    expect(shellPrintf("100% \\n it's\t\0")).toBe(`printf '100%% \\\\n it'\\''s\\011\\000'`);
    expect(shellPrintf('-n')).toBe(`printf '\\055n'`);
    expect(shellPrintf('\u2028\ud800é')).toBe(`printf '\\342\\200\\250\\357\\277\\275é'`);
  });

  it('shellQuote round-trips every plain value (printf %s) in every shell', () => {
    const plain = ALL.filter((value) => isPlain(value));
    expect(plain.length).toBeGreaterThan(50);
    expectShellOutput(plain, (value) => `printf %s ${shellQuote(value)}`, utf8);
  });

  it('shellPrintf writes exactly the UTF-8 bytes of every value, NUL included, in every shell', () => {
    expectShellOutput(ALL, shellPrintf, utf8);
  });

  it('shellWord is one word equal to the value (but for NUL, and the trailing line feeds $(…) drops)', () => {
    expect(shellWord('https://x.test/a?b=1')).toBe(`'https://x.test/a?b=1'`);
    expect(shellWord('a\x1bb')).toBe(`"$(printf 'a\\033b')"`);
    expect(shellWord('a\x1b!!')).toBe(`"$(printf 'a\\033\\041\\041')"`);
    // NUL aside: sh and bash drop it from $(…), zsh keeps it.
    expectShellOutput(
      ALL.filter((value) => !value.includes('\0')),
      (value) => `set -- ${shellWord(value)}; printf '%s|%s' "$#" "$1"`,
      (value) => utf8(`1|${isPlain(value) ? value : wellFormed(value).replace(/\n+$/, '')}`),
    );
  });
});

describe('jsString / jsTemplate / jsKey (JavaScript)', () => {
  it('writes readable literals', () => {
    expect(jsString(`it's "ok"`)).toBe(`'it\\'s "ok"'`);
    expect(jsString('a\nb\\\u2028\x01é🚀')).toBe(`'a\\nb\\\\\\u2028\\x01é🚀'`);
    expect(jsString('\ud800\u{E0041}')).toBe(`'\\uFFFD\\u{E0041}'`);
    expect(jsTemplate('{\n  "a": `${x}` \\n\r\n}')).toBe('`{\n  "a": \\`\\${x}\\` \\\\n\\r\n}`');
    expect(jsKey('Authorization')).toBe('Authorization');
    expect(jsKey('Content-Type')).toBe(`'Content-Type'`);
  });

  it('round-trips through the JavaScript parser', () => {
    for (const value of ALL) {
      for (const quote of [jsString, jsTemplate]) {
        const literal = quote(value);
        expect(new Function(`return ${literal}`)(), literal).toBe(wellFormed(value));
        // The literal is one expression: nothing after it is reachable as code.
        expect(new Function(`return [${literal}, 1]`)(), literal).toEqual([wellFormed(value), 1]);
      }
    }
  });

  it('keeps line breaks out of single-line literals', () => {
    for (const value of ALL) expect(jsString(value)).not.toMatch(/[\n\r\t]/);
  });
});

const hasPython = tryExec('python3', ['-c', 'pass']);

describe('pyString / pyTripleString (Python)', () => {
  it('writes readable literals, choosing quotes like repr', () => {
    expect(pyString('https://x.test/?a=1')).toBe('"https://x.test/?a=1"');
    expect(pyString('{"a": 1}')).toBe(`'{"a": 1}'`);
    expect(pyString(`'"`)).toBe(`"'\\""`);
    expect(pyString('a\nb\\\u2028\x01é🚀')).toBe('"a\\nb\\\\\\u2028\\x01é🚀"');
    expect(pyString('\ud800\u{E0041}\x9b')).toBe('"\\ufffd\\U000e0041\\x9b"');
    expect(pyTripleString(`{\n\t"a": "it's"\r\n}`)).toBe(`'''{\n\t"a": "it's"\\r\n}'''`);
    expect(pyTripleString("ends with '")).toBe("'''ends with \\''''");
    expect(pyTripleString("a '' b ''' c")).toBe("'''a \\'' b \\'\\'' c'''");
  });

  it.skipIf(!hasPython)('round-trips through python3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippet-py-'));
    try {
      const file = join(dir, 'literals.py');
      const literals = ALL.flatMap((value) => [pyString(value), pyTripleString(value)]);
      writeFileSync(file, `import sys\nvalues = [\n${literals.join(',\n')},\n]\nsys.stdout.write("\\n".join(v.encode("utf-8").hex() for v in values))\n`);
      const out = execFileSync('python3', [file], { encoding: 'utf8' });
      expect(out.split('\n')).toEqual(ALL.flatMap((value) => [utf8(value).toString('hex'), utf8(value).toString('hex')]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const hasPhp = tryExec('php', ['-r', '']);
const hasRuby = tryExec('ruby', ['-e', '']);

/** Runs a script with `interpreter` and expects one line of hex (the value's UTF-8 bytes) per value. */
function expectHexLines(interpreter: string, fileName: string, source: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'snippet-lit-'));
  try {
    const file = join(dir, fileName);
    writeFileSync(file, source);
    const out = execFileSync(interpreter, [file], { encoding: 'utf8' });
    expect(out.split('\n')).toEqual(ALL.map((value) => utf8(value).toString('hex')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('phpString (PHP)', () => {
  it('uses single quotes for plain text, escaping only backslash and quote, always', () => {
    expect(phpString('')).toBe(`''`);
    expect(phpString(`O'Brien`)).toBe(`'O\\'Brien'`);
    expect(phpString('C:\\dir\\')).toBe(`'C:\\\\dir\\\\'`);
    expect(phpString('\\\'')).toBe(`'\\\\\\''`);
    expect(phpString('$x {$x} ${x} "q" \n\t é🚀')).toBe(`'$x {$x} \${x} "q" \n\t é🚀'`);
  });

  it('switches to double quotes with escapes when a special character is present', () => {
    expect(phpString(`'\x7f; $x {$x} "q" \\ \x1b\r\n\0\u2028\ud800`)).toBe(
      `"'\\x7F; \\$x {\\$x} \\"q\\" \\\\ \\e\\r\n\\x00\\u{2028}\\u{FFFD}"`,
    );
  });

  it('decodes back with the PHP single-quote rules', () => {
    // PHP: inside '...', \\ is a backslash, \' a quote, any other backslash is literal.
    const decode = (literal: string) => literal.slice(1, -1).replace(/\\([\\'])/g, '$1');
    for (const value of ALL.filter((v) => phpString(v).startsWith("'"))) {
      const literal = phpString(value);
      expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*'/);
      expect(decode(literal)).toBe(value);
    }
  });

  it.skipIf(!hasPhp)('round-trips through php', () => {
    const items = ALL.map((value) => `    ${phpString(value)},`).join('\n');
    expectHexLines('php', 'literals.php', `<?php\n$values = [\n${items}\n];\necho implode("\\n", array_map('bin2hex', $values));\n`);
  });
});

describe('rubyString (Ruby)', () => {
  it('uses single quotes for plain text: only backslash and quote are escaped; #{x} stays text', () => {
    expect(rubyString(`it's #{x}`)).toBe(`'it\\'s #{x}'`);
    expect(rubyString('a\\b\n')).toBe(`'a\\\\b\n'`);
    expect(rubyString('Zoë 日本 🚀')).toBe(`'Zoë 日本 🚀'`);
  });

  it('switches to double quotes with escapes when a special character is present', () => {
    expect(rubyString(`'\x7f #{x} #@y "q" \\ \x1b\r\n\0\ud800`)).toBe(`"'\\u{7F} \\#{x} \\#@y \\"q\\" \\\\ \\e\\r\n\\u{0}\\u{FFFD}"`);
  });

  it('decodes back with the Ruby single-quote rules', () => {
    const decode = (literal: string) => literal.slice(1, -1).replace(/\\([\\'])/g, '$1');
    for (const value of ALL.filter((v) => rubyString(v).startsWith("'"))) expect(decode(rubyString(value))).toBe(value);
  });

  it.skipIf(!hasRuby)('round-trips through ruby', () => {
    const items = ALL.map((value) => `  ${rubyString(value)},`).join('\n');
    expectHexLines('ruby', 'literals.rb', `values = [\n${items}\n]\nprint values.map { |v| v.unpack1('H*') }.join("\\n")\n`);
  });
});

describe('goString / goRawOrString (Go)', () => {
  it('writes interpreted literals like strconv.Quote, keeping printable Unicode', () => {
    expect(goString(`say "hi" \\ it's`)).toBe(`"say \\"hi\\" \\\\ it's"`);
    expect(goString('a\nb\r\t\x07\x08\x0b\x0c\x01\x7f')).toBe('"a\\nb\\r\\t\\a\\b\\v\\f\\x01\\x7f"');
    expect(goString('\x85\u2028\u202e\ufeff\u{E0041}')).toBe('"\\u0085\\u2028\\u202E\\uFEFF\\U000E0041"');
    expect(goString('Zoë 日本 🚀 `x` ${x}')).toBe('"Zoë 日本 🚀 `x` ${x}"');
    expect(goString('\ud800')).toBe('"\\uFFFD"');
  });

  it('decodes back with the Go escape rules', () => {
    for (const value of ALL) {
      expect(decodeEscaped(goString(value), GO_ESCAPES)).toBe(wellFormed(value));
      const literal = goRawOrString(value);
      // A raw literal is the text itself; Go drops \r from it, so none may be there.
      if (literal.startsWith('`')) expect(literal.slice(1, -1)).toBe(value.replace(/\r/g, ''));
      else expect(decodeEscaped(literal, GO_ESCAPES)).toBe(wellFormed(value));
    }
  });

  it('uses a raw literal for plain multi-line text only', () => {
    expect(goRawOrString('{\n\t"a": "\\n"\n}')).toBe('`{\n\t"a": "\\n"\n}`');
    expect(goRawOrString('has ` backtick')).toBe('"has ` backtick"');
    expect(goRawOrString('crlf\r\n')).toBe('"crlf\\r\\n"');
    expect(goRawOrString('sep\u2028')).toBe('"sep\\u2028"');
  });
});

const hasJava = tryExec('java', ['-version']);

describe('javaString (Java 17, no text blocks)', () => {
  it('writes escaped literals', () => {
    expect(javaString(`say "hi" \\ it's`)).toBe(`"say \\"hi\\" \\\\ it's"`);
    expect(javaString('a\nb\r\t\b\f\x01\x7f\u2028')).toBe('"a\\nb\\r\\t\\b\\f\\u0001\\u007F\\u2028"');
    expect(javaString('\\u000a')).toBe('"\\\\u000a"');
    expect(javaString('Zoë 日本 🚀')).toBe('"Zoë 日本 🚀"');
    expect(javaString('\ud800\u{E0041}')).toBe('"\\uFFFD\\uDB40\\uDC41"');
  });

  it('never writes a unicode escape for a line break, a quote or a backslash', () => {
    for (const value of ALL) expect(javaString(value)).not.toMatch(/(^|[^\\])(\\\\)*\\u(000[aAdD]|0022|005[cC])/);
  });

  it.skipIf(!hasJava)('round-trips through javac (java Main.java)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippet-java-'));
    try {
      const file = join(dir, 'Main.java');
      const source = [
        'public class Main {',
        '    public static void main(String[] args) {',
        '        String[] values = {',
        ...ALL.map((value) => `            ${javaString(value)},`),
        '        };',
        '        StringBuilder out = new StringBuilder();',
        '        for (String value : values) {',
        '            for (char c : value.toCharArray()) out.append(String.format("%04x", (int) c));',
        '            out.append("\\n");',
        '        }',
        '        System.out.print(out);',
        '    }',
        '}',
      ].join('\n');
      writeFileSync(file, source);
      const out = execFileSync('java', ['-Dfile.encoding=UTF-8', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      const units = (value: string) => [...Array(value.length).keys()].map((i) => value.charCodeAt(i).toString(16).padStart(4, '0')).join('');
      expect(out.split('\n').slice(0, -1)).toEqual(ALL.map((value) => units(wellFormed(value))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('csharpString (C#)', () => {
  it('writes escaped literals without the variable-length \\x', () => {
    expect(csharpString(`say "hi" \\ it's {0} {x}`)).toBe(`"say \\"hi\\" \\\\ it's {0} {x}"`);
    expect(csharpString('a\nb\r\t\0\x07\b\f\v\x01\x7f')).toBe('"a\\nb\\r\\t\\0\\a\\b\\f\\v\\u0001\\u007F"');
    expect(csharpString('\x85\u2028\u2029 Zoë 日本 🚀 \u{E0041}')).toBe('"\\u0085\\u2028\\u2029 Zoë 日本 🚀 \\U000E0041"');
    for (const value of ALL) expect(csharpString(value)).not.toMatch(/(^|[^\\])(\\\\)*\\x|[\n\r\x85\u2028\u2029]/);
  });

  it('decodes back with the C# escape rules', () => {
    for (const value of ALL) expect(decodeEscaped(csharpString(value), C_SHARP_ESCAPES)).toBe(wellFormed(value));
  });
});

describe('splitLines', () => {
  it('keeps each newline on its line', () => {
    expect(splitLines('')).toEqual(['']);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLines('a\n\nb\n')).toEqual(['a\n', '\n', 'b\n']);
    expect(splitLines('a\r\nb')).toEqual(['a\r\n', 'b']);
    for (const value of ALL) expect(splitLines(value).join('')).toBe(value);
  });
});
