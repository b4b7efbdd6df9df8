import type { SnippetTarget } from '../types';
import { jsString } from '../quote';
import { jsBody, jsHeaders } from './javascript';

/** Node.js with the built-in `node:https` (or `node:http` for an http URL); no packages. */
export const target: SnippetTarget<'node'> = {
  id: 'node',
  label: 'Node.js',
  language: 'javascript',
  convert(req) {
    const mod = /^http:/i.test(req.url) ? 'http' : 'https';
    const lines = [`import ${mod} from 'node:${mod}';`, ''];
    if (req.body !== undefined) lines.push(`const body = ${jsBody(req.body)};`, '');
    lines.push(
      `const request = ${mod}.request(${jsString(req.url)}, {`,
      `  method: ${jsString(req.method)},`,
      ...jsHeaders(req.headers, '  '),
      '}, (response) => {',
      "  let data = '';",
      "  response.setEncoding('utf8');",
      "  response.on('data', (chunk) => {",
      '    data += chunk;',
      '  });',
      "  response.on('end', () => {",
      '    console.log(response.statusCode, data);',
      '  });',
      '});',
      '',
      "request.on('error', (error) => {",
      '  console.error(error);',
      '});',
      // end(body) sends the body with its Content-Length (write() alone would chunk it).
      req.body !== undefined ? 'request.end(body);' : 'request.end();',
    );
    return lines.join('\n');
  },
};
