import { readFileSync } from 'node:fs';
import { checkPage } from '../core/comparePage.ts';
const d = '/work/shared/seeds/';
const en = readFileSync(d + '001_ff02cf41dcb2ed5e.txt', 'utf8');
for (const [loc, f] of [['it', '000_3c986a8b8856d015.txt'], ['es', '002_1828d309a3e5c93c.txt'], ['pt', '001_ff02cf41dcb2ed5e.txt'], ['en', '001_ff02cf41dcb2ed5e.txt']]) {
  console.log('=====', loc);
  const t0 = performance.now();
  const res = checkPage({ sourceText: en, targetText: readFileSync(d + f, 'utf8'), locale: loc });
  for (const x of res) console.log(`${x.line}: ${x.rule} [${x.severity}]: ${x.message}`);
  console.log((performance.now() - t0).toFixed(1), 'ms');
}
