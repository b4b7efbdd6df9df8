import { readFileSync } from 'node:fs';
import { parsePage } from '../core/markdown.ts';
import { comparePages } from '../core/comparePage.ts';
const d = '/work/shared/seeds/';
const en = readFileSync(d + '001_ff02cf41dcb2ed5e.txt', 'utf8');
const es = readFileSync(d + '002_1828d309a3e5c93c.txt', 'utf8');
for (let round = 0; round < 5; round++) {
  let t = performance.now();
  const s = parsePage(en, { mdx: true });
  const a = performance.now() - t; t = performance.now();
  const tg = parsePage(es, { mdx: true, expectFrontMatter: true });
  const b = performance.now() - t; t = performance.now();
  const f = comparePages(s, tg, { locale: 'es' });
  const c = performance.now() - t;
  console.log(a.toFixed(1), b.toFixed(1), c.toFixed(1), f.length);
}
