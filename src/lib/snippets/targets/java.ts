import type { SnippetTarget } from '../types';
import { javaString, splitLines } from '../quote';

/** A string expression: one literal per line of `text`, joined with `+` (Java 17, no text block). */
export function concatLiteral(text: string, quote: (value: string) => string, indent: string): string {
  return splitLines(text).map(quote).join(`\n${indent}+ `);
}

/** Java 17 with `java.net.http.HttpClient`; runs as `java Main.java`. */
export const target: SnippetTarget<'java'> = {
  id: 'java',
  label: 'Java',
  language: 'java',
  convert(req) {
    const i2 = '        ';
    const i3 = '            ';
    const lines = [
      'import java.net.URI;',
      'import java.net.http.HttpClient;',
      'import java.net.http.HttpRequest;',
      'import java.net.http.HttpResponse;',
      '',
      'public class Main {',
      '    public static void main(String[] args) throws Exception {',
    ];
    if (req.body !== undefined) lines.push(`${i2}String body = ${concatLiteral(req.body, javaString, i3)};`, '');
    const hasBody = req.body !== undefined;
    const publisher = hasBody ? 'HttpRequest.BodyPublishers.ofString(body)' : 'HttpRequest.BodyPublishers.noBody()';
    const method =
      !hasBody && (req.method === 'GET' || req.method === 'DELETE') ? `.${req.method}()`
      : hasBody && (req.method === 'POST' || req.method === 'PUT') ? `.${req.method}(${publisher})`
      : `.method(${javaString(req.method)}, ${publisher})`;
    lines.push(
      `${i2}HttpRequest request = HttpRequest.newBuilder()`,
      `${i3}.uri(URI.create(${javaString(req.url)}))`,
      ...req.headers.map(([name, value]) => `${i3}.header(${javaString(name)}, ${javaString(value)})`),
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
