/**
 * Every target x every fixture against a checked-in file
 * `__golden__/<fixture>.<target>.txt` (the snippet plus one final newline).
 * Regenerate with: UPDATE_GOLDEN=1 npx vitest run src/lib/snippets/golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormalizedRequest } from '../api/types';
import { fixtureNames, fixtures } from './__fixtures__/requests';
import { generateSnippet, targetIds, targets } from './index';

const GOLDEN_DIR = join(__dirname, '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('registry', () => {
  it('lists the nine targets in tab order, keyed by their own id', () => {
    expect(targetIds).toEqual(['curl', 'javascript', 'python', 'node', 'php', 'ruby', 'go', 'java', 'csharp']);
    expect(Object.keys(targets)).toEqual(targetIds);
    for (const id of targetIds) expect(targets[id].id).toBe(id);
  });

  it('has the labels and Prism languages of the tabs', () => {
    expect(targetIds.map((id) => [targets[id].label, targets[id].language])).toEqual([
      ['cURL', 'bash'],
      ['JavaScript', 'javascript'],
      ['Python', 'python'],
      ['Node.js', 'javascript'],
      ['PHP', 'php'],
      ['Ruby', 'ruby'],
      ['Go', 'go'],
      ['Java', 'java'],
      ['C#', 'csharp'],
    ]);
  });

  it('generateSnippet dispatches to the target', () => {
    const req = fixtures['get-query'];
    for (const id of targetIds) expect(generateSnippet(id, req)).toBe(targets[id].convert(req));
  });
});

describe('golden snippets', () => {
  if (UPDATE) mkdirSync(GOLDEN_DIR, { recursive: true });

  for (const fixture of fixtureNames) {
    for (const id of targetIds) {
      const file = `${fixture}.${id}.txt`;
      it(file, () => {
        const actual = `${generateSnippet(id, fixtures[fixture])}\n`;
        const path = join(GOLDEN_DIR, file);
        if (UPDATE) {
          writeFileSync(path, actual);
          return;
        }
        expect(existsSync(path), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
        expect(actual).toBe(readFileSync(path, 'utf8'));
      });
    }
  }

  it('has no stale golden file', () => {
    const expected = fixtureNames.flatMap((fixture) => targetIds.map((id) => `${fixture}.${id}.txt`)).sort();
    if (UPDATE) {
      for (const file of readdirSync(GOLDEN_DIR)) if (!expected.includes(file)) rmSync(join(GOLDEN_DIR, file));
    }
    expect(readdirSync(GOLDEN_DIR).sort()).toEqual(expected);
  });
});

describe('shared behaviour', () => {
  it('uses the encoded url as given and never re-encodes it', () => {
    for (const fixture of fixtureNames) {
      const { url } = fixtures[fixture];
      for (const id of ['curl', 'javascript', 'node', 'php', 'ruby'] as const) {
        expect(generateSnippet(id, fixtures[fixture])).toContain(url.replace(/'/g, id === 'curl' ? `'\\''` : "\\'"));
      }
    }
    expect(generateSnippet('python', fixtures['get-query'])).toContain('tags=sales,lead"');
    expect(generateSnippet('python', fixtures['get-query'])).not.toContain('params=');
  });

  it('prints headers in order with their values, and the API key as given', () => {
    const req = fixtures['post-real-key'];
    const snippet = generateSnippet('go', req);
    const positions = req.headers.map(([name, value]) => snippet.indexOf(`req.Header.Add("${name}", "${value}")`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of targetIds) expect(generateSnippet(id, req)).toContain('cb_live_9f3Kx7QpL2mZ8vT4nR6wY1sD5hJ0aB');
  });

  it('copes with a request without headers', () => {
    const req: NormalizedRequest = { method: 'GET', url: 'https://example.test/', baseUrl: 'https://example.test/', query: [], headers: [] };
    for (const id of targetIds) {
      expect(generateSnippet(id, req), id).not.toMatch(/headers|--header|Header\.Add|request\[|HTTPHEADER|\.header\(|Headers\./);
    }
    expect(generateSnippet('python', req)).toContain('requests.request("GET", url)');
  });

  it('curl adds --globoff only when the url has glob characters, and sends empty headers with `;`', () => {
    const url = 'https://example.test/contacts/{uuid}';
    const templated = generateSnippet('curl', { method: 'GET', url, baseUrl: url, query: [], headers: [['X-Empty', '']] });
    expect(templated).toContain('--globoff');
    expect(templated).toContain(`--header 'X-Empty;'`);
    expect(generateSnippet('curl', fixtures['get-hostile-query'])).not.toContain('--globoff');
  });

  it('node picks node:http for an http URL and node:https otherwise', () => {
    expect(generateSnippet('node', fixtures['delete-no-body'])).toMatch(/^import http from 'node:http';/);
    expect(generateSnippet('node', fixtures['get-query'])).toMatch(/^import https from 'node:https';/);
  });

  it('java and c# put the method and body on the right builder call', () => {
    const java = (name: keyof typeof fixtures) => generateSnippet('java', fixtures[name]);
    expect(java('get-query')).toContain('.GET()');
    expect(java('delete-no-body')).toContain('.DELETE()');
    expect(java('post-json')).toContain('.POST(HttpRequest.BodyPublishers.ofString(body))');
    expect(java('patch-hostile-body')).toContain('.method("PATCH", HttpRequest.BodyPublishers.ofString(body))');
    const csharp = generateSnippet('csharp', fixtures['post-json']);
    expect(csharp).not.toContain('request.Headers.TryAddWithoutValidation("Content-Type"');
    expect(csharp).toContain('request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");');
  });

  it('ships no Node import in the browser code', () => {
    const files = ['index.ts', 'quote.ts', 'types.ts', ...readdirSync(join(__dirname, 'targets')).map((f) => `targets/${f}`)];
    for (const file of files) {
      const source = readFileSync(join(__dirname, file), 'utf8');
      // Only relative imports (this code ships in the browser bundle; no dependencies).
      const specifiers = [...source.matchAll(/^(?:import|export)\b[^;]*?\sfrom\s+'([^']+)'/gm)].map((m) => m[1]);
      if (file === 'index.ts') expect(specifiers.length).toBeGreaterThan(9);
      for (const specifier of specifiers) expect(specifier, file).toMatch(/^\.\.?\//);
      expect(source, file).not.toMatch(/\brequire\(|\bimport\(/);
    }
  });
});
