import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import {readFileSync} from 'node:fs';
const txt = readFileSync('/work/shared/seeds/001_ff02cf41dcb2ed5e.txt','utf8');
const body = txt.replace(/^---[\s\S]*?---/, m=>m.replace(/[^\n]/g,''));
function bench(name: string, p: any, b = body) {
  for (let i=0;i<100;i++) p.parse(b);
  const t=performance.now();
  for (let i=0;i<300;i++) p.parse(b);
  console.log(name, ((performance.now()-t)/300).toFixed(3));
}
bench('mdx+gfm', unified().use(remarkParse).use(remarkMdx).use(remarkGfm));
bench('mdx', unified().use(remarkParse).use(remarkMdx));
bench('gfm', unified().use(remarkParse).use(remarkGfm));
bench('plain', unified().use(remarkParse));
const noCode = body.replace(/```json[\s\S]*```/, '');
bench('mdx+gfm nocode', unified().use(remarkParse).use(remarkMdx).use(remarkGfm), noCode);
