import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkPage } from '../core/comparePage';
import { loadNgramDetector } from '../core/ngrams';
import type { PageFinding } from '../core/types';

/** The n-gram language detector, loaded once for the tests (as the CLI does). */
export const DETECTOR = await loadNgramDetector();

export const TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(TEST_DIR, 'fixtures');
export const REPO_ROOT = join(TEST_DIR, '../../..');

export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

/** Replace `from` (which must occur exactly once) by `to`. */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
  if (text.indexOf(from, i + 1) >= 0) throw new Error(`fixture edit: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** 1-based line of the (unique) line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`lineOf: ${JSON.stringify(needle)} found on ${hits.length} lines`);
  return hits[0] as number;
}

export function check(sourceText: string, targetText: string, locale = 'it', mdx = true): PageFinding[] {
  return checkPage({ sourceText, targetText, locale, mdx, detector: DETECTOR });
}

export function pairs(findings: readonly { rule: string; line: number }[]): [string, number][] {
  return findings.map((f) => [f.rule, f.line] as [string, number]).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

/** The findings are exactly these (rule, line) pairs. */
export function expectExactly(findings: readonly { rule: string; line: number; message?: string }[], expected: [string, number][]): void {
  const sorted = [...expected].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  expect(pairs(findings), findings.map((f) => `${f.line}: ${f.rule}: ${f.message ?? ''}`).join('\n')).toEqual(sorted);
}
