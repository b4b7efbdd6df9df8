/**
 * The reference pages agree with the spec, in every locale: each table of an
 * endpoint page (path, query, body, response, errors) lists exactly the names
 * the spec has, in order; each object page's field table lists the schema's
 * fields, and its "Always present" column says yes exactly for the schema's
 * `required` fields (webhook payload tables too). Translated pages are held to
 * the same rule.
 *
 * One source per translated text: a translated reference page rendered from the
 * spec is exactly what `npm run pages:render` makes of `i18n/<locale>/openapi.json`,
 * so each of its description cells is the localized spec string (plus the
 * constraint sentences) it renders from; and every endpoint page, hand-written
 * ones included, carries the authorization line of its locale.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLocale } from '../../src/config/locales';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { endpointDocPath, OBJECT_TYPES, objectDocPath, webhookDocPath } from '../../src/lib/docs/paths';
import { firstColumns, tableRows } from '../../src/lib/markdown/tables';
import { localizedOperation, localizeSpec } from '../../src/lib/api/localize';
import { parseStringsFile, stringsFile, type StringsFile } from '../../src/lib/api/stringsFile';
import { HANDWRITTEN, authorizationLine, endpointTables, englishLanguage, fieldRows, objectTables, pageLanguage, webhookEvents, webhookTables } from './render';
import { schemaExamples } from './examples';
import { renderedPages } from './pages';

const ROOT = path.resolve(__dirname, '../..');
const doc = loadSpec();
const locales = readdirSync(path.join(ROOT, 'i18n')).filter((l) => l !== 'en' && existsSync(path.join(ROOT, 'i18n', l, 'docusaurus-plugin-content-docs')));

function pageFiles(docPath: string): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  for (const [locale, dir] of [['en', 'docs'], ...locales.map((l) => [l, `i18n/${l}/docusaurus-plugin-content-docs/current`])] as const) {
    for (const ext of ['.mdx', '.md']) {
      const file = path.join(ROOT, dir, docPath + ext);
      if (existsSync(file)) files.push([locale, file]);
    }
  }
  return files;
}

/** `[field, yes|no]` for each row of a field table, as the page says and as the schema says (the words: `yesNo` in src/config/site.ts). */
function presence(locale: string, table: string[][] | undefined, schemaName: string): { page: string[][]; spec: string[][] } {
  const words = findLocale(locale)?.yesNo;
  if (!words) throw new Error(`i18n/${locale}/ has no entry in src/config/site.ts (LOCALES): add one, with its "Always present" words (yesNo)`);
  const rows = fieldRows(doc, { $ref: `#/components/schemas/${schemaName}` });
  return {
    page: (table ?? []).map((cells) => [(cells[0] ?? '').replace(/^`(.*)`$/, '$1'), cells[2] ?? '']),
    spec: rows.map((r) => [r.name, r.required ? words.yes : words.no]),
  };
}

describe('endpoint pages list exactly the spec names', () => {
  for (const op of operationModels(doc)) {
    const files = pageFiles(endpointDocPath(op));
    it(`${op.group}/${op.request} has an English page`, () => {
      expect(files.map(([l]) => l)).toContain('en');
    });
    for (const [locale, file] of files) {
      it(`${locale}: ${path.relative(ROOT, file)}`, () => {
        expect(firstColumns(readFileSync(file, 'utf8'))).toEqual(endpointTables(doc, op));
      });
    }
  }
});

describe('object pages list exactly the schema fields', () => {
  for (const name of OBJECT_TYPES) {
    if (!doc.components?.schemas || !(name in (doc.components.schemas as object))) continue;
    for (const [locale, file] of pageFiles(objectDocPath(name))) {
      it(`${locale}: ${name}`, () => {
        expect(firstColumns(readFileSync(file, 'utf8')).slice(0, 1)).toEqual(objectTables(doc, name));
      });
      it(`${locale}: ${name} is "always present" exactly where the schema requires it`, () => {
        const { page, spec } = presence(locale, tableRows(readFileSync(file, 'utf8'))[0], name);
        expect(page).toEqual(spec);
      });
    }
  }
});

describe('webhook event pages list the envelope and the payload fields', () => {
  for (const info of webhookEvents(doc)) {
    const files = pageFiles(webhookDocPath(info.event));
    it(`${info.event} has an English page`, () => {
      expect(files.map(([l]) => l)).toContain('en');
    });
    for (const [locale, file] of files) {
      it(`${locale}: ${info.event}`, () => {
        expect(firstColumns(readFileSync(file, 'utf8'))).toEqual(webhookTables(doc, info));
      });
      it(`${locale}: ${info.event} payload is "always present" exactly where ${info.schemaName} requires it`, () => {
        const { page, spec } = presence(locale, tableRows(readFileSync(file, 'utf8'))[1], info.schemaName);
        expect(page).toEqual(spec);
      });
    }
  }
});

describe('every object type has an English page', () => {
  for (const name of OBJECT_TYPES) {
    it(name, () => {
      expect(pageFiles(objectDocPath(name)).map(([l]) => l)).toContain('en');
    });
  }
});

describe('rendered pages are in step with the spec', () => {
  it('npm run pages:render --check finds nothing to change', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/pages/cli.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/0 page\(s\) out of step/);
  }, 60_000);
});

/** The locales whose reference pages are rendered from their strings (they have i18n/<locale>/openapi.json). */
const rendered: Array<[string, StringsFile]> = locales
  .filter((l) => existsSync(path.join(ROOT, stringsFile(l))))
  .map((l) => [l, parseStringsFile(readFileSync(path.join(ROOT, stringsFile(l)), 'utf8')).file]);

describe('translated reference pages are rendered from the locale\'s strings (one source per text)', () => {
  it('every translated locale of the site has its strings', () => {
    expect(rendered.map(([l]) => l).sort()).toEqual([...locales].sort());
  });
  const examples = schemaExamples(doc);
  for (const [locale, strings] of rendered) {
    const lang = pageLanguage(doc, locale, strings);
    for (const page of renderedPages(doc, lang, examples)) {
      it(`${locale}: ${page.docPath} is what ${stringsFile(locale)} renders`, () => {
        const file = path.join(ROOT, 'i18n', locale, 'docusaurus-plugin-content-docs/current', `${page.docPath}.mdx`);
        expect(readFileSync(file, 'utf8')).toBe(page.text);
      });
    }
  }

  for (const [locale, strings] of rendered) {
    it(`${locale}: each parameter and field description cell starts with its localized spec string`, () => {
      const localized = localizeSpec(doc, strings.spec).doc;
      let cells = 0;
      for (const op of operationModels(doc)) {
        if (HANDWRITTEN.has(endpointDocPath(op))) continue;
        const text = readFileSync(path.join(ROOT, 'i18n', locale, 'docusaurus-plugin-content-docs/current', `${endpointDocPath(op)}.mdx`), 'utf8');
        const local = localizedOperation(doc, strings.spec, locale, op.group, op.request);
        const tables = tableRows(text);
        const params = [...local.params.filter((p) => p.in === 'path'), ...local.params.filter((p) => p.in === 'query')];
        const paramCells = tables.slice(0, (op.params.some((p) => p.in === 'path') ? 1 : 0) + (op.params.some((p) => p.in === 'query') ? 1 : 0)).flat();
        paramCells.forEach((row, i) => {
          expect(row[0]).toBe(`\`${params[i]!.name}\``);
          expect(row[4]!.startsWith(params[i]!.description.replace(/\s+/g, ' ').trim()), `${op.request} ${params[i]!.name}: ${row[4]}`).toBe(true);
          cells++;
        });
      }
      for (const name of OBJECT_TYPES) {
        if (HANDWRITTEN.has(objectDocPath(name))) continue;
        const text = readFileSync(path.join(ROOT, 'i18n', locale, 'docusaurus-plugin-content-docs/current', `${objectDocPath(name)}.mdx`), 'utf8');
        const rows = fieldRows(localized, { $ref: `#/components/schemas/${name}` });
        tableRows(text)[0]!.forEach((row, i) => {
          const own = String(rows[i]!.raw.description ?? '').replace(/\s+/g, ' ').trim();
          expect(row[3]!.replace(/\\\|/g, '|').startsWith(own), `${name}.${rows[i]!.name}: ${row[3]}`).toBe(true);
          cells++;
        });
      }
      expect(cells).toBeGreaterThan(100);
    });
  }
});

describe('every endpoint page says how to authenticate, in its language', () => {
  const english = englishLanguage(doc);
  const languages = [english, ...rendered.map(([l, s]) => pageLanguage(doc, l, s))];
  for (const op of operationModels(doc)) {
    for (const [locale, file] of pageFiles(endpointDocPath(op))) {
      it(`${locale}: ${op.group}/${op.request}`, () => {
        const lang = languages.find((l) => l.locale === locale)!;
        const line = authorizationLine(doc, op, lang);
        expect(line).toBeDefined();
        expect(line).toContain('`Authorization: Bearer <YOUR_API_KEY>`');
        expect(line).toContain('](/api/authentication)');
        expect(readFileSync(file, 'utf8').split('\n')).toContain(line);
      });
    }
  }
});
