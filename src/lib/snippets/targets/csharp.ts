import type { SnippetTarget } from '../types';
import { csharpString } from '../quote';
import { concatLiteral } from './java';

const METHOD = { GET: 'Get', POST: 'Post', PUT: 'Put', PATCH: 'Patch', DELETE: 'Delete' } as const;

/** Headers HttpClient only accepts on the content (`request.Headers` would silently refuse them). */
const CONTENT_HEADER = /^(content-.*|allow|expires|last-modified)$/i;

/** C# top-level program (.NET 6+) with `System.Net.Http.HttpClient`. */
export const target: SnippetTarget<'csharp'> = {
  id: 'csharp',
  label: 'C#',
  language: 'csharp',
  convert(req) {
    const requestHeaders = req.headers.filter(([name]) => !CONTENT_HEADER.test(name));
    const contentHeaders = req.headers.filter(([name]) => CONTENT_HEADER.test(name));
    const lines = ['using System;', 'using System.Net.Http;'];
    if (contentHeaders.some(([name]) => /^content-type$/i.test(name))) lines.push('using System.Net.Http.Headers;');
    lines.push('');
    if (req.body !== undefined) lines.push(`var body = ${concatLiteral(req.body, csharpString, '    ')};`, '');
    lines.push(
      'using var client = new HttpClient();',
      `using var request = new HttpRequestMessage(HttpMethod.${METHOD[req.method]}, ${csharpString(req.url)});`,
      ...requestHeaders.map(
        ([name, value]) => `request.Headers.TryAddWithoutValidation(${csharpString(name)}, ${csharpString(value)});`,
      ),
    );
    if (req.body !== undefined || contentHeaders.length > 0) {
      // StringContent sends UTF-8; its default text/plain type is replaced by the given Content-Type.
      lines.push(`request.Content = new StringContent(${req.body !== undefined ? 'body' : 'string.Empty'});`);
      for (const [name, value] of contentHeaders) {
        lines.push(
          /^content-type$/i.test(name)
            ? `request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(${csharpString(value)});`
            : `request.Content.Headers.TryAddWithoutValidation(${csharpString(name)}, ${csharpString(value)});`,
        );
      }
    }
    lines.push(
      '',
      'using var response = await client.SendAsync(request);',
      '',
      'Console.WriteLine((int)response.StatusCode);',
      'Console.WriteLine(await response.Content.ReadAsStringAsync());',
    );
    return lines.join('\n');
  },
};
