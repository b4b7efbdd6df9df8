/**
 * npm run pages:render [-- --check]: renders the English reference page of
 * every endpoint, object type and webhook event from openapi/openapi.yaml
 * (except the HANDWRITTEN ones). With --check it writes nothing and exits 1
 * when a page differs from the spec, naming it. Translators then see the
 * change as a stale page (npm run i18n:check).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec } from '../../src/lib/api/load';
import { schemaExamples } from './examples';
import { endpointDocPath, OBJECT_TYPES, objectDocPath, webhookDocPath } from '../../src/lib/docs/paths';
import { HANDWRITTEN, operationModels, renderEndpointPage, renderObjectPage, renderWebhookPage, webhookEvents } from './render';

const ROOT = path.resolve(__dirname, '../..');
const check = process.argv.includes('--check');
const differing: string[] = [];
const doc = loadSpec();
let written = 0;
let kept = 0;

function write(docPath: string, text: string): void {
  const file = path.join(ROOT, 'docs', `${docPath}.mdx`);
  if (HANDWRITTEN.has(docPath) || (existsSync(file) && readFileSync(file, 'utf8') === text)) {
    kept++;
    return;
  }
  differing.push(path.relative(ROOT, file));
  if (check) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  written++;
}

for (const op of operationModels(doc)) write(endpointDocPath(op), renderEndpointPage(doc, op));
const examples = schemaExamples(doc);
for (const name of OBJECT_TYPES) write(objectDocPath(name), renderObjectPage(doc, name, examples.get(name)));
for (const info of webhookEvents(doc)) write(webhookDocPath(info.event), renderWebhookPage(doc, info));
if (check) {
  for (const file of differing) console.error(`${file}: differs from openapi/openapi.yaml; run npm run pages:render`);
  console.log(`pages:render --check: ${differing.length} page(s) out of step, ${kept} in step.`);
  process.exit(differing.length ? 1 : 0);
}
console.log(`pages:render: ${written} page(s) written, ${kept} unchanged or hand-written.`);
