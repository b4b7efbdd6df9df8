import { readFileSync } from 'node:fs';
import { parsePage } from '../core/markdown.ts';
const d = '/work/shared/seeds/';
const en = readFileSync(d + '001_ff02cf41dcb2ed5e.txt', 'utf8');
for (let i = 0; i < 300; i++) parsePage(en, { mdx: true });
const t = performance.now();
for (let i = 0; i < 300; i++) parsePage(en, { mdx: true });
console.log(((performance.now() - t) / 300).toFixed(2), 'ms/page');
