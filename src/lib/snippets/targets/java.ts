/**
 * The Java 17 target (`java.net.http`), plus the string-literal helpers C#
 * shares: one literal per line, and strings over Java's 65,535-byte constant
 * limit split into chunks joined at run time.
 */
import type { SnippetTarget } from '../types';
import { javaString, splitLines } from '../quote';

/** A string expression: one literal per line of `text`, joined with `+` (Java 17, no text block). */
export function concatLiteral(text: string, quote: (value: string) => string, indent: string): string {
  return splitLines(text).map(quote).join(`\n${indent}+ `);
}

/** Java refuses a string constant over 65,535 bytes (modified UTF-8): "constant string too long". */
export const MAX_CONSTANT_BYTES = 65_535;
/** UTF-16 units per chunk of a longer text: at most 3 bytes each, well under the cap. */
const CHUNK_UNITS = 16_384;

/** Size of `value` as a class-file constant: modified UTF-8 (NUL takes 2 bytes, each surrogate 3). */
export function constantBytes(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    bytes += code !== 0 && code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** Pieces of at most CHUNK_UNITS units, never splitting a surrogate pair. */
function pieces(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (line.length - start > CHUNK_UNITS) {
    let end = start + CHUNK_UNITS;
    const last = line.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(line.slice(start, end));
    start = end;
  }
  out.push(line.slice(start));
  return out;
}

/** Lines grouped greedily into chunks of at most CHUNK_UNITS units. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of splitLines(text).flatMap(pieces)) {
    if (current.length + piece.length > CHUNK_UNITS) {
      out.push(current);
      current = '';
    }
    current += piece;
  }
  out.push(current);
  return out;
}

/**
 * A Java string expression for any text: one literal per line joined with `+`
 * (javac folds these into one constant), or, when that constant would exceed
 * MAX_CONSTANT_BYTES, `String.join("", …)` of chunks, which stay separate
 * constants and are joined at run time.
 */
export function javaText(text: string, indent: string): string {
  if (constantBytes(text) <= MAX_CONSTANT_BYTES) return concatLiteral(text, javaString, indent);
  const parts = chunks(text).map((chunk) => concatLiteral(chunk, javaString, `${indent}    `));
  return `String.join("",\n${indent}${parts.join(`,\n${indent}`)})`;
}

/** Java 17 with `java.net.http.HttpClient`; runs as `java Main.java`. */
export const target: SnippetTarget<'java'> = {
  id: 'java',
  label: 'Java',
  language: 'java',
  convert(req) {
    const i2 = '        ';
    const i3 = '            ';
    const i4 = '                ';
    const lines = [
      'import java.net.URI;',
      'import java.net.http.HttpClient;',
      'import java.net.http.HttpRequest;',
      'import java.net.http.HttpResponse;',
      '',
      'public class Main {',
      '    public static void main(String[] args) throws Exception {',
    ];
    if (req.body !== undefined) lines.push(`${i2}String body = ${javaText(req.body, i3)};`, '');
    const hasBody = req.body !== undefined;
    const publisher = hasBody ? 'HttpRequest.BodyPublishers.ofString(body)' : 'HttpRequest.BodyPublishers.noBody()';
    const method =
      !hasBody && (req.method === 'GET' || req.method === 'DELETE') ? `.${req.method}()`
      : hasBody && (req.method === 'POST' || req.method === 'PUT') ? `.${req.method}(${publisher})`
      : `.method(${javaString(req.method)}, ${publisher})`;
    lines.push(
      `${i2}HttpRequest request = HttpRequest.newBuilder()`,
      `${i3}.uri(URI.create(${javaText(req.url, i4)}))`,
      ...req.headers.map(([name, value]) => `${i3}.header(${javaString(name)}, ${javaText(value, i4)})`),
      `${i3}${method}`,
      `${i3}.build();`,
      '',
      `${i2}HttpResponse<String> response = HttpClient.newHttpClient()`,
      `${i3}.send(request, HttpResponse.BodyHandlers.ofString());`,
      '',
      `${i2}System.out.println(response.statusCode());`,
      `${i2}System.out.println(response.body());`,
      '    }',
      '}',
    );
    return lines.join('\n');
  },
};
