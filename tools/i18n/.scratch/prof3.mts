import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { parsePage } from '../core/markdown.ts';
const d = '/work/shared/seeds/';
const en = readFileSync(d + '001_ff02cf41dcb2ed5e.txt', 'utf8');
const body = en.replace(/^---[\s\S]*?---/, m=>m.replace(/[^\n]/g,''));
const p = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
const noCode = body.replace(/(```json.*\n)([\s\S]*?)(```)/, (m, a, b, c) => a + b.replace(/[^\n]/g, '') + c);
function bench(name: string, fn: () => void) {
  for (let i = 0; i < 300; i++) fn();
  const t = performance.now();
  for (let i = 0; i < 500; i++) fn();
  console.log(name, ((performance.now() - t) / 500).toFixed(2), 'ms');
}
bench('raw parse', () => p.parse(body));
bench('raw parse, code blanked', () => p.parse(noCode));
bench('parsePage', () => parsePage(en, { mdx: true }));
bench('raw parse', () => p.parse(body));
