/**
 * The import check of `npm test` (dependency-cruiser with .dependency-cruiser.cjs) on a small
 * fixture tree: a cycle closed only by type imports, one closed only by lazy `import()`s and a
 * mixed one are all reported; an acyclic import is not; src/ importing from tools/ breaks the
 * layer rule. Proves that the config counts the imports a plain JavaScript graph would miss.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' } }),
  // only type imports
  'src/typeOnly/x.ts': "import type { Y } from './y';\nexport interface X { y?: Y }\n",
  'src/typeOnly/y.ts': "import type { X } from './x';\nexport interface Y { x?: X }\n",
  // only lazy imports
  'src/lazy/p.ts': "export const loadQ = () => import('./q');\n",
  'src/lazy/q.ts': "export const loadP = () => import('./p');\n",
  // the TryIt shape: a type import one way, a lazy import back
  'src/mixed/tabs.ts': "export interface KeyState { key: string }\nexport const panel = () => import('./panel');\n",
  'src/mixed/panel.ts': "import type { KeyState } from './tabs';\nexport const show = (k: KeyState): string => k.key;\n",
  // no cycle
  'src/fine/a.ts': "import { b } from './b';\nexport const a = b + 1;\n",
  'src/fine/b.ts': 'export const b = 1;\n',
  // layer: the site importing a tool
  'src/usesTool.ts': "import { t } from '../tools/t';\nexport const u = t;\n",
  'tools/t.ts': 'export const t = 1;\n',
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: Array<{ name: string }>;
}

let dir = '';
let violations: Violation[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'import-check-'));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const run = spawnSync(process.execPath, [CLI, 'src', 'tools', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  violations = out.summary.violations;
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cyclesThrough = (folder: string): Violation[] => violations.filter((v) => v.rule.name === 'no-circular' && v.from.startsWith(`src/${folder}/`));

describe('import check', () => {
  it('reports a cycle made of type-only imports', () => {
    expect(cyclesThrough('typeOnly').length).toBeGreaterThan(0);
  });
  it('reports a cycle made of lazy import() calls', () => {
    expect(cyclesThrough('lazy').length).toBeGreaterThan(0);
  });
  it('reports a type import answered by a lazy import (RequestTabs and TryIt before the fix)', () => {
    expect(cyclesThrough('mixed').length).toBeGreaterThan(0);
  });
  it('does not report an acyclic import', () => {
    expect(cyclesThrough('fine')).toEqual([]);
  });
  it('forbids src/ (and plugins/) to import from tools/ (and scripts/)', () => {
    expect(violations.filter((v) => v.rule.name === 'site-imports-no-tools').map((v) => [v.from, v.to])).toEqual([['src/usesTool.ts', 'tools/t.ts']]);
  });
});
