import type { SnippetTarget } from '../types';
import { phpString } from '../quote';

/** PHP with ext-curl. */
export const target: SnippetTarget<'php'> = {
  id: 'php',
  label: 'PHP',
  language: 'php',
  convert(req) {
    const lines = ['<?php', ''];
    if (req.body !== undefined) lines.push(`$body = ${phpString(req.body)};`, '');
    lines.push(
      '$curl = curl_init();',
      '',
      'curl_setopt_array($curl, [',
      `    CURLOPT_URL => ${phpString(req.url)},`,
      `    CURLOPT_CUSTOMREQUEST => ${phpString(req.method)},`,
    );
    if (req.headers.length > 0) {
      lines.push(
        '    CURLOPT_HTTPHEADER => [',
        // libcurl drops a header written `Name:`; `Name;` sends it empty.
        ...req.headers.map(([name, value]) => `        ${phpString(value === '' ? `${name};` : `${name}: ${value}`)},`),
        '    ],',
      );
    }
    if (req.body !== undefined) lines.push('    CURLOPT_POSTFIELDS => $body,');
    lines.push(
      '    CURLOPT_RETURNTRANSFER => true,',
      ']);',
      '',
      '$response = curl_exec($curl);',
      '',
      'if ($response === false) {',
      "    echo 'cURL error: ' . curl_error($curl) . PHP_EOL;",
      '} else {',
      '    echo curl_getinfo($curl, CURLINFO_RESPONSE_CODE) . PHP_EOL;',
      '    echo $response . PHP_EOL;',
      '}',
    );
    return lines.join('\n');
  },
};
