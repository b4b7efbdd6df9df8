/**
 * What the sandbox's operators and API users read agrees with the code:
 *   - every SANDBOX_* variable the sandbox reads is in the variables table of
 *     sandbox/README.md and of the deployment guide
 *     (docs-maintainers/DEPLOY.md), and neither lists one it does not read;
 *   - the errors guide (docs/api/errors.mdx and its translations) has a row
 *     for every status and `error.code` the spec documents on an operation,
 *     the read-only demo key (403), the expired key (401) and the store away
 *     (503) among them, and no code the spec's Error schema lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deref } from '../../src/lib/api/model';
import { errorCodes } from '../src/spec';
import { doc, ops, type ErrorJson } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** SANDBOX_* names in the table rows of a Markdown text, from `heading` to the next heading of its level. */
function tableVariables(markdown: string, heading: string): Set<string> {
  const start = markdown.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(heading)![0];
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n${level} `));
  const section = end === -1 ? rest : rest.slice(0, end);
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  return new Set(rows.flatMap((row) => [...row.matchAll(/`(SANDBOX_[A-Z_]+)`/g)].map((m) => m[1]!)));
}

describe('every sandbox variable is documented', () => {
  const source = filesUnder('sandbox/src').filter((file) => file.endsWith('.ts'));
  const readByCode = new Set(source.flatMap((file) => [...read(file).matchAll(/\bSANDBOX_[A-Z_]+\b/g)].map((m) => m[0])));

  it('the sandbox reads a known set of variables', () => {
    expect(readByCode).toContain('SANDBOX_STORE');
    expect(readByCode).toContain('SANDBOX_REDIS_URL');
    expect(readByCode).toContain('SANDBOX_MINT_LIMIT');
  });

  it.each([
    ['sandbox/README.md', '## Run'],
    ['docs-maintainers/DEPLOY.md', '### Every sandbox variable'],
  ])('%s lists exactly those', (file, heading) => {
    const documented = tableVariables(read(file), heading);
    expect([...readByCode].filter((name) => !documented.has(name)), 'read but not documented').toEqual([]);
    expect([...documented].filter((name) => !readByCode.has(name)), 'documented but not read').toEqual([]);
  });
});

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `403 read_only_key`, ...: every error status and code the spec documents on an operation. */
function specPairs(): Set<string> {
  const pairs = new Set<string>();
  for (const operation of ops) {
    const raw = (doc.paths[operation.path] as Raw)[operation.method.toLowerCase()] as Raw;
    for (const [status, value] of Object.entries(raw.responses as Raw)) {
      if (!/^[45]\d\d$/.test(status)) continue;
      const response = deref(doc, value) as Raw;
      const media = isObject(response.content) ? (response.content['application/json'] as Raw | undefined) : undefined;
      const examples = isObject(media?.examples) ? Object.values(media.examples).map((e) => (e as Raw).value) : [media?.example];
      for (const example of examples) {
        const code = (example as ErrorJson | undefined)?.error.code;
        if (code) pairs.add(`${status} ${code}`);
      }
    }
  }
  return pairs;
}

describe('the errors guide, in every locale', () => {
  const locales = readdirSync(path.join(ROOT, 'i18n')).filter((l) => l !== 'en' && readdirSync(path.join(ROOT, 'i18n', l)).includes('docusaurus-plugin-content-docs'));
  const guides: Array<[string, string]> = [
    ['en', 'docs/api/errors.mdx'],
    ...locales.map((l): [string, string] => [l, `i18n/${l}/docusaurus-plugin-content-docs/current/api/errors.mdx`]),
  ];
  const documented = specPairs();
  const codes = new Set(errorCodes(doc));

  it('the spec documents the sandbox-only statuses on operations', () => {
    expect(locales.length).toBeGreaterThanOrEqual(3);
    for (const pair of ['401 key_expired', '403 read_only_key', '503 service_unavailable']) expect(documented).toContain(pair);
  });

  it.each(guides)('%s: a row for every documented status and code, none the spec lacks', (_locale, file) => {
    const rows = new Set([...read(file).matchAll(/^\|\s*`(\d{3})`\s*\|\s*`([a-z_]+)`\s*\|/gm)].map((m) => `${m[1]} ${m[2]}`));
    expect([...documented].filter((pair) => !rows.has(pair)), 'documented in the spec, missing from the guide').toEqual([]);
    expect([...rows].filter((pair) => !codes.has(pair.split(' ')[1]!)), 'codes the spec does not have').toEqual([]);
  });
});
