import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  csharpString,
  goRawOrString,
  goString,
  javaString,
  jsKey,
  jsString,
  jsTemplate,
  phpString,
  pyString,
  pyTripleString,
  rubyString,
  shellQuote,
  splitLines,
} from './quote';

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
  '\u202eevil\u202c \u200b \ufeff',
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
  const alphabet = [..."'\"`$\\{}#%&=+ \n\r\t!()*;|<>?~^[]@ab0\x01\x7f\u2028\u2029\u202eé日🚀"];
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

/** A lone surrogate can be quoted but not encoded as UTF-8; keep it out of byte round trips. */
const LONE_SURROGATE = '\ud800x\udc00';

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\', '"': '"', "'": "'", n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v',
};

/** The escapes each language defines (a `\'` is an error in a Go string; C# has no `\x` we could trust). */
const GO_ESCAPES = '\\"nrtabfvxu';
const C_SHARP_ESCAPES = '\\"\'nrt0abfvu';

/**
 * Decodes a double-quoted C-family literal (Go, C#, Java) the way their lexers
 * do for the escapes our helpers emit: short escapes, `\xNN` (a byte < 0x80) and `\uXXXX`.
 */
function decodeEscaped(literal: string, allowed: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"'), literal).toBe(true);
  const inner = literal.slice(1, -1);
  expect(inner, 'an unescaped quote').not.toMatch(/(^|[^\\])(\\\\)*"/);
  return inner.replace(/\\(u[0-9A-Fa-f]{4}|x[0-7][0-9a-fA-F]|.)/gsu, (_match, escape: string) => {
    if (escape.length > 1 && !allowed.includes(escape[0]!)) throw new Error(`unknown escape \\${escape} in ${literal}`);
    if (escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
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

describe('shellQuote (POSIX sh)', () => {
  it('wraps in single quotes and writes a quote as the four characters quote, backslash, quote, quote', () => {
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote(`it's $HOME`)).toBe(`'it'\\''s $HOME'`);
  });

  it('round-trips every byte through sh -c printf %s', () => {
    for (const value of SAMPLES) {
      const out = execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { env: {} });
      expect(out.equals(Buffer.from(value, 'utf8')), JSON.stringify(value)).toBe(true);
    }
  });
});

describe('jsString / jsTemplate / jsKey (JavaScript)', () => {
  it('writes readable literals', () => {
    expect(jsString(`it's "ok"`)).toBe(`'it\\'s "ok"'`);
    expect(jsString('a\nb\\\u2028\x01é🚀')).toBe(`'a\\nb\\\\\\u2028\\x01é🚀'`);
    expect(jsTemplate('{\n  "a": `${x}` \\n\r\n}')).toBe('`{\n  "a": \\`\\${x}\\` \\\\n\\r\n}`');
    expect(jsKey('Authorization')).toBe('Authorization');
    expect(jsKey('Content-Type')).toBe(`'Content-Type'`);
  });

  it('round-trips through the JavaScript parser', () => {
    for (const value of [...SAMPLES, LONE_SURROGATE]) {
      for (const quote of [jsString, jsTemplate]) {
        const literal = quote(value);
        expect(new Function(`return ${literal}`)(), literal).toBe(value);
        // The literal is one expression: nothing after it is reachable as code.
        expect(new Function(`return [${literal}, 1]`)(), literal).toEqual([value, 1]);
      }
    }
  });

  it('keeps U+2028/U+2029 and controls out of single-line literals', () => {
    for (const value of SAMPLES) expect(jsString(value)).not.toMatch(/[\n\r\u2028\u2029\0-\x1f]/);
    for (const value of SAMPLES) expect(jsTemplate(value)).not.toMatch(/[\r\u2028\u2029\0-\x08\x0b-\x1f]/);
  });
});

const hasPython = tryExec('python3', ['-c', 'pass']);

describe('pyString / pyTripleString (Python)', () => {
  it('writes readable literals, choosing quotes like repr', () => {
    expect(pyString('https://x.test/?a=1')).toBe('"https://x.test/?a=1"');
    expect(pyString('{"a": 1}')).toBe(`'{"a": 1}'`);
    expect(pyString(`'"`)).toBe(`"'\\""`);
    expect(pyString('a\nb\\\u2028\x01é🚀')).toBe('"a\\nb\\\\\\u2028\\x01é🚀"');
    expect(pyTripleString(`{\n\t"a": "it's"\r\n}`)).toBe(`'''{\n\t"a": "it's"\\r\n}'''`);
    expect(pyTripleString("ends with '")).toBe("'''ends with \\''''");
    expect(pyTripleString("a '' b ''' c")).toBe("'''a \\'' b \\'\\'' c'''");
  });

  it.skipIf(!hasPython)('round-trips through python3', () => {
    const values = [...SAMPLES, LONE_SURROGATE];
    const dir = mkdtempSync(join(tmpdir(), 'snippet-py-'));
    try {
      const file = join(dir, 'literals.py');
      const literals = values.flatMap((value) => [pyString(value), pyTripleString(value)]);
      writeFileSync(file, `import json, sys\nvalues = [\n${literals.join(',\n')},\n]\nsys.stdout.write(json.dumps(values))\n`);
      const out = execFileSync('python3', [file], { encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual(values.flatMap((value) => [value, value]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('phpString (PHP single quotes)', () => {
  it('escapes only backslash and quote, always', () => {
    expect(phpString('')).toBe(`''`);
    expect(phpString(`O'Brien`)).toBe(`'O\\'Brien'`);
    expect(phpString('C:\\dir\\')).toBe(`'C:\\\\dir\\\\'`);
    expect(phpString('\\\'')).toBe(`'\\\\\\''`);
    expect(phpString('$x {$x} ${x} "q" \n\t é🚀')).toBe(`'$x {$x} \${x} "q" \n\t é🚀'`);
  });

  it('decodes back with the PHP single-quote rules', () => {
    // PHP: inside '...', \\ is a backslash, \' a quote, any other backslash is literal.
    const decode = (literal: string) => literal.slice(1, -1).replace(/\\([\\'])/g, '$1');
    for (const value of SAMPLES) {
      const literal = phpString(value);
      expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*'/);
      expect(decode(literal)).toBe(value);
    }
  });
});

describe('rubyString (Ruby single quotes)', () => {
  it('escapes only backslash and quote; #{x} stays text', () => {
    expect(rubyString(`it's #{x}`)).toBe(`'it\\'s #{x}'`);
    expect(rubyString('a\\b\n')).toBe(`'a\\\\b\n'`);
    expect(rubyString('Zoë 日本 🚀')).toBe(`'Zoë 日本 🚀'`);
  });

  it('decodes back with the Ruby single-quote rules', () => {
    const decode = (literal: string) => literal.slice(1, -1).replace(/\\([\\'])/g, '$1');
    for (const value of SAMPLES) expect(decode(rubyString(value))).toBe(value);
  });
});

describe('goString / goRawOrString (Go)', () => {
  it('writes interpreted literals like strconv.Quote, keeping printable Unicode', () => {
    expect(goString(`say "hi" \\ it's`)).toBe(`"say \\"hi\\" \\\\ it's"`);
    expect(goString('a\nb\r\t\x07\x08\x0b\x0c\x01\x7f')).toBe('"a\\nb\\r\\t\\a\\b\\v\\f\\x01\\x7f"');
    expect(goString('\x85\u2028\u202e\ufeff')).toBe('"\\u0085\\u2028\\u202E\\uFEFF"');
    expect(goString('Zoë 日本 🚀 `x` ${x}')).toBe('"Zoë 日本 🚀 `x` ${x}"');
    expect(goString('\ud800')).toBe('"\\uFFFD"');
  });

  it('decodes back with the Go escape rules', () => {
    for (const value of SAMPLES) {
      expect(decodeEscaped(goString(value), GO_ESCAPES)).toBe(value);
      const literal = goRawOrString(value);
      // A raw literal is the text itself; Go drops \r from it, so none may be there.
      if (literal.startsWith('`')) expect(literal.slice(1, -1)).toBe(value.replace(/\r/g, ''));
      else expect(decodeEscaped(literal, GO_ESCAPES)).toBe(value);
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
  });

  it('never writes a unicode escape for a line break, a quote or a backslash', () => {
    for (const value of SAMPLES) expect(javaString(value)).not.toMatch(/(^|[^\\])(\\\\)*\\u(000[aAdD]|0022|005[cC])/);
  });

  it.skipIf(!hasJava)('round-trips through javac (java Main.java)', () => {
    const values = [...SAMPLES, LONE_SURROGATE];
    const dir = mkdtempSync(join(tmpdir(), 'snippet-java-'));
    try {
      const file = join(dir, 'Main.java');
      const source = [
        'public class Main {',
        '    public static void main(String[] args) {',
        '        String[] values = {',
        ...values.map((value) => `            ${javaString(value)},`),
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
      expect(out.split('\n').slice(0, -1)).toEqual(values.map(units));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('csharpString (C#)', () => {
  it('writes escaped literals without the variable-length \\x', () => {
    expect(csharpString(`say "hi" \\ it's {0} {x}`)).toBe(`"say \\"hi\\" \\\\ it's {0} {x}"`);
    expect(csharpString('a\nb\r\t\0\x07\b\f\v\x01\x7f')).toBe('"a\\nb\\r\\t\\0\\a\\b\\f\\v\\u0001\\u007F"');
    expect(csharpString('\x85\u2028\u2029 Zoë 日本 🚀')).toBe('"\\u0085\\u2028\\u2029 Zoë 日本 🚀"');
    for (const value of SAMPLES) expect(csharpString(value)).not.toMatch(/(^|[^\\])(\\\\)*\\x|[\n\r\x85\u2028\u2029]/);
  });

  it('decodes back with the C# escape rules', () => {
    for (const value of [...SAMPLES, LONE_SURROGATE]) expect(decodeEscaped(csharpString(value), C_SHARP_ESCAPES)).toBe(value);
  });
});

describe('splitLines', () => {
  it('keeps each newline on its line', () => {
    expect(splitLines('')).toEqual(['']);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLines('a\n\nb\n')).toEqual(['a\n', '\n', 'b\n']);
    expect(splitLines('a\r\nb')).toEqual(['a\r\n', 'b']);
    for (const value of SAMPLES) expect(splitLines(value).join('')).toBe(value);
  });
});
