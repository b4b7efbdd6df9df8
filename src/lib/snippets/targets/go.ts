import type { SnippetTarget } from '../types';
import { goRawOrString, goString, splitLines } from '../quote';

/** A raw literal when possible; else, for multi-line text, one interpreted literal per line joined with `+`. */
function goBody(body: string): string {
  const literal = goRawOrString(body);
  if (literal.startsWith('`') || !body.includes('\n')) return literal;
  return splitLines(body).map(goString).join(' +\n\t\t');
}

const METHOD_CONST = {
  GET: 'http.MethodGet',
  POST: 'http.MethodPost',
  PUT: 'http.MethodPut',
  PATCH: 'http.MethodPatch',
  DELETE: 'http.MethodDelete',
} as const;

/** Go with the standard library's `net/http` (gofmt layout: tabs). */
export const target: SnippetTarget<'go'> = {
  id: 'go',
  label: 'Go',
  language: 'go',
  convert(req) {
    const hasBody = req.body !== undefined;
    const imports = ['fmt', 'io', 'net/http', ...(hasBody ? ['strings'] : [])];
    const lines = ['package main', '', 'import (', ...imports.map((name) => `\t"${name}"`), ')', '', 'func main() {'];
    if (req.body !== undefined) lines.push(`\tbody := strings.NewReader(${goBody(req.body)})`, '');
    lines.push(
      `\treq, err := http.NewRequest(${METHOD_CONST[req.method]}, ${goString(req.url)}, ${hasBody ? 'body' : 'nil'})`,
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      ...req.headers.map(([name, value]) => `\treq.Header.Add(${goString(name)}, ${goString(value)})`),
      '',
      '\tres, err := http.DefaultClient.Do(req)',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '\tdefer res.Body.Close()',
      '',
      '\tdata, err := io.ReadAll(res.Body)',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '',
      '\tfmt.Println(res.StatusCode)',
      '\tfmt.Println(string(data))',
      '}',
    );
    return lines.join('\n');
  },
};
