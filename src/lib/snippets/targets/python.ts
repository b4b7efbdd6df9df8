import type { SnippetTarget } from '../types';
import { pyString, pyTripleString } from '../quote';

/** Python with `requests`; the URL already carries the encoded query, so no `params=`. */
export const target: SnippetTarget<'python'> = {
  id: 'python',
  label: 'Python',
  language: 'python',
  convert(req) {
    const lines = ['import requests', '', `url = ${pyString(req.url)}`];
    const args = [pyString(req.method), 'url'];
    if (req.headers.length > 0) {
      lines.push(
        'headers = {',
        ...req.headers.map(([name, value]) => `    ${pyString(name)}: ${pyString(value)},`),
        '}',
      );
      args.push('headers=headers');
    }
    if (req.body !== undefined) {
      lines.push(`payload = ${req.body.includes('\n') ? pyTripleString(req.body) : pyString(req.body)}`);
      args.push('data=payload.encode("utf-8")');
    }
    lines.push(
      '',
      `response = requests.request(${args.join(', ')})`,
      '',
      'print(response.status_code)',
      'print(response.text)',
    );
    return lines.join('\n');
  },
};
