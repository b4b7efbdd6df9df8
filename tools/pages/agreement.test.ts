/**
 * The reference pages agree with the spec, in every locale: each table of an
 * endpoint page (path, query, body, response, errors) lists exactly the names
 * the spec has, in order; each object page's field table lists the schema's
 * fields, and its "Always present" column says yes exactly for the schema's
 * `required` fields (webhook payload tables too). Translated pages are held to
 * the same rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lib/api/load';
import { operationModels } from '../../src/lib/api/model';
import { endpointDocPath, OBJECT_TYPES, objectDocPath, webhookDocPath } from '../../src/lib/docs/paths';
import { firstColumns, tableRows } from '../../src/lib/markdown/tables';
import { endpointTables, fieldRows, objectTables, webhookEvents, webhookTables } from './render';

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

/** The words of the "Always present" column, per locale. */
const ALWAYS_PRESENT: Record<string, { yes: string; no: string }> = {
  en: { yes: 'yes', no: 'no' },
  it: { yes: 'sì', no: 'no' },
  es: { yes: 'sí', no: 'no' },
  pt: { yes: 'sim', no: 'não' },
};

/** `[field, yes|no]` for each row of a field table, as the page says and as the schema says. */
function presence(locale: string, table: string[][] | undefined, schemaName: string): { page: string[][]; spec: string[][] } {
  const words = ALWAYS_PRESENT[locale];
  if (!words) throw new Error(`No "Always present" words for the locale ${locale}: add them to ALWAYS_PRESENT`);
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
