/**
 * npm run pages:render [-- --check] [--locales en,it]: renders the reference page of every
 * endpoint, object type and webhook event (except the HANDWRITTEN ones) from
 * openapi/openapi.yaml: the English page under docs/, and for each translated locale of the
 * site config that has `i18n/<locale>/openapi.json` (the spec's strings and the pages'
 * phrases in that language) its page under i18n/<locale>/docusaurus-plugin-content-docs/.
 * Translators edit that file, never a rendered translated page. With --check it writes
 * nothing and exits 1 when a page differs from what it renders from, naming it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translatedLocaleCodes } from '../../src/config/locales';
import { loadSpec } from '../../src/lib/api/load';
import { parseStringsFile, stringsFile } from '../../src/lib/api/stringsFile';
import { sourceFile, translatedFile } from '../../src/lib/i18n/paths';
import { schemaExamples } from './examples';
import { renderedPages } from './pages';
import { englishLanguage, pageLanguage, type PageLanguage } from './render';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const localesArg = args.find((a, i) => args[i - 1] === '--locales' || a.startsWith('--locales='));
const wanted = localesArg ? localesArg.replace(/^--locales=/, '').split(',') : undefined;
const differing: string[] = [];
const doc = loadSpec();
const examples = schemaExamples(doc);
let written = 0;
let kept = 0;

function languages(): PageLanguage[] {
  const out: PageLanguage[] = [englishLanguage(doc)];
  for (const locale of translatedLocaleCodes()) {
    const file = path.join(ROOT, stringsFile(locale));
    if (!existsSync(file)) continue; // a locale without the file shows the English pages, marked untranslated
    const parsed = parseStringsFile(readFileSync(file, 'utf8'));
    if (parsed.problems.length) {
      for (const p of parsed.problems) console.error(`${stringsFile(locale)}:${p.line}: ${p.message}`);
      process.exit(2);
    }
    out.push(pageLanguage(doc, locale, parsed.file));
  }
  return out.filter((l) => !wanted || wanted.includes(l.locale));
}

for (const lang of languages()) {
  for (const page of renderedPages(doc, lang, examples)) {
    const rel = lang.locale === 'en' ? sourceFile(`${page.docPath}.mdx`) : translatedFile(lang.locale, `${page.docPath}.mdx`);
    const file = path.join(ROOT, rel);
    if (existsSync(file) && readFileSync(file, 'utf8') === page.text) {
      kept++;
      continue;
    }
    differing.push(rel);
    if (check) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, page.text);
    written++;
  }
}
if (check) {
  for (const file of differing) {
    const hint = file.startsWith('docs/') ? 'openapi/openapi.yaml' : `${file.split('/').slice(0, 2).join('/')}/openapi.json`;
    console.error(`${file}: differs from ${hint}; run npm run pages:render`);
  }
  console.log(`pages:render --check: ${differing.length} page(s) out of step, ${kept} in step.`);
  process.exit(differing.length ? 1 : 0);
}
console.log(`pages:render: ${written} page(s) written, ${kept} unchanged.`);
