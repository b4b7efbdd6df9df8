import type { SnippetTarget } from '../types';
import { rubyString } from '../quote';

const REQUEST_CLASS = { GET: 'Get', POST: 'Post', PUT: 'Put', PATCH: 'Patch', DELETE: 'Delete' } as const;

/** Ruby with the standard library's `net/http`. */
export const target: SnippetTarget<'ruby'> = {
  id: 'ruby',
  label: 'Ruby',
  language: 'ruby',
  convert(req) {
    const lines = ["require 'net/http'", '', `uri = URI(${rubyString(req.url)})`];
    if (req.body !== undefined) lines.push(`body = ${rubyString(req.body)}`);
    lines.push('', `request = Net::HTTP::${REQUEST_CLASS[req.method]}.new(uri)`);
    for (const [name, value] of req.headers) lines.push(`request[${rubyString(name)}] = ${rubyString(value)}`);
    if (req.body !== undefined) lines.push('request.body = body');
    lines.push(
      '',
      "response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == 'https') do |http|",
      '  http.request(request)',
      'end',
      '',
      'puts response.code',
      'puts response.body',
    );
    return lines.join('\n');
  },
};
