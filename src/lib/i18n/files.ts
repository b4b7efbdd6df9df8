/**
 * Node-only readers of a Docusaurus tree, shared by the i18n CLIs (tools/i18n/cli) and the
 * translation-status plugin: one way to find a site's pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPageFile } from './paths';

export function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Relative POSIX paths of the .md/.mdx files under `dir`. */
export function listPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(abs, e.name), r);
      else if (e.isFile() && isPageFile(e.name)) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

export function readPages(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of listPages(dir)) m.set(p, readFileSync(join(dir, p), 'utf8'));
  return m;
}
