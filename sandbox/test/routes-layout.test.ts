/**
 * The route modules (src/routes/<resource>.ts) export routes only: their
 * handlers by operationId (`…Operations`) or plain routes (`…Routes`).
 * Helpers that several routes share live in src/domain/; route.ts (what a
 * route and a handler are) and operation.ts (a handler turned into a route)
 * are the routes' own kit.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../src/routes');
const KIT = ['route.ts', 'operation.ts'];
const modules = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !KIT.includes(f));

describe('route modules export routes only', () => {
  it.each(modules)('%s', async (file) => {
    const exported = (await import(path.join(DIR, file))) as Record<string, unknown>;
    expect(Object.keys(exported).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(exported)) {
      expect(name, file).toMatch(/^[a-z][A-Za-z]*(Operations|Routes)$/);
      expect(typeof value, `${file} ${name}`).toBe('function');
    }
  });
});
