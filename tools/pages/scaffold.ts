/**
 * npm run pages:scaffold [-- --force]: writes the English reference page of
 * every endpoint, object type and webhook event that has none yet, from
 * openapi/openapi.yaml. Existing pages are kept (they are edited by hand and
 * translated); --force rewrites them. The agreement test keeps them in step.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec } from '../../src/lib/api/load';
import { schemaExamples } from './examples';
import {
  endpointDocPath, OBJECT_TYPES, objectDocPath, operationModels, renderEndpointPage, renderObjectPage,
  renderWebhookPage, webhookDocPath, webhookEvents,
} from './render';

const ROOT = path.resolve(__dirname, '../..');
const force = process.argv.includes('--force');
const doc = loadSpec();
let written = 0;
let kept = 0;

function write(docPath: string, text: string): void {
  const file = path.join(ROOT, 'docs', `${docPath}.mdx`);
  if (!force && (existsSync(file) || existsSync(file.replace(/\.mdx$/, '.md')))) {
    kept++;
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  written++;
}

for (const op of operationModels(doc)) write(endpointDocPath(op), renderEndpointPage(doc, op));
const examples = schemaExamples(doc);
for (const name of OBJECT_TYPES) write(objectDocPath(name), renderObjectPage(doc, name, examples.get(name)));
for (const info of webhookEvents(doc)) write(webhookDocPath(info.event), renderWebhookPage(doc, info));
console.log(`pages:scaffold: ${written} page(s) written, ${kept} kept.`);
