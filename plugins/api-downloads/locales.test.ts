/**
 * The downloads of a translated locale (`/it/downloads/...`): the same files as the English
 * ones, key for key, path for path, operation for operation, schema for schema, id for id;
 * only the spec's descriptions and summaries (and the Postman names and descriptions made from
 * them) are in the locale's language, and a string without translation stays English.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { translatedLocaleCodes } from '../../src/config/locales';
import { loadSpec, SPEC_PATH } from '../../src/lib/api/load';
import { localeStrings } from '../../src/lib/api/localeStrings';
import { escapePointerToken, specStrings } from '../../src/lib/api/localize';
import { buildDownloads, type ApiDownloads } from './build';

const doc = loadSpec();
const POSTMAN = 'callbell-api.postman_collection.json';
const PAGE = '/components/parameters/Page/description';
const translatable = new Set(specStrings(doc).map((s) => s.pointer));

/** Pointers of the leaves where two JSON values differ (a missing key is a difference at the key). */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${at} (length ${a.length} vs ${b.length})`];
    return a.flatMap((x, i) => differences(x, b[i], `${at}/${i}`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\n') !== kb.join('\n')) return [`${at} (keys ${ka.join(',')} vs ${kb.join(',')})`];
    return ka.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${escapePointerToken(k)}`));
  }
  return Object.is(a, b) ? [] : [at];
}

const english: { files?: ApiDownloads } = {};
const localized = new Map<string, ApiDownloads>();

beforeAll(async () => {
  english.files = await buildDownloads();
  for (const locale of translatedLocaleCodes()) localized.set(locale, await buildDownloads({ locale }));
}, 120_000);

describe('per-locale downloads', () => {
  for (const locale of translatedLocaleCodes()) {
    it(`${locale}: openapi.json differs from the English one only in the spec's descriptions and summaries, translated`, () => {
      const en = JSON.parse(english.files!['openapi.json']) as unknown;
      const local = JSON.parse(localized.get(locale)!['openapi.json']) as Record<string, unknown>;
      const diff = differences(en, local);
      expect(diff.filter((p) => !translatable.has(p))).toEqual([]);
      // nearly every string is translated (the few left are new in the spec and shown in English)
      expect(diff.length).toBeGreaterThan(translatable.size * 0.6);
      const page = (local.components as { parameters: { Page: { description: string } } }).parameters.Page.description;
      expect(page).toBe(localeStrings(locale).spec[PAGE]!.translation);
      expect(page).not.toBe('Result page, starting at 1.');
    });

    it(`${locale}: openapi.yaml is that same document, in the spec's own layout`, () => {
      const files = localized.get(locale)!;
      expect(parse(files['openapi.yaml'])).toEqual(JSON.parse(files['openapi.json']));
      // only the translated scalars are rewritten: every structural line is kept as written, in order
      const structural = (text: string) => text.split('\n').filter((l) => /^\s*(- )?(operationId|\$ref|type|name|in|required|tags|format|pattern|minimum|maximum|enum|openapi|version|title):/.test(l));
      const english = readFileSync(SPEC_PATH, 'utf8');
      expect(structural(english).length).toBeGreaterThan(500);
      expect(structural(files['openapi.yaml'])).toEqual(structural(english));
      expect(files['openapi.yaml'].split('\n').slice(0, 4)).toEqual(english.split('\n').slice(0, 4));
    });

    it(`${locale}: the Postman collection has the same folders, requests, saved responses, values and ids; only names and descriptions differ`, () => {
      const en = JSON.parse(english.files![POSTMAN]) as unknown;
      const local = JSON.parse(localized.get(locale)![POSTMAN]) as unknown;
      const diff = differences(en, local);
      expect(diff.length).toBeGreaterThan(50);
      const offending = diff.filter((p) => !/\/(name|description|content)$/.test(p));
      expect(offending).toEqual([]);
      expect(localized.get(locale)![POSTMAN]).toContain(JSON.stringify(localeStrings(locale).spec[PAGE]!.translation).slice(1, -1));
    });
  }

  it('a locale with no translation gets the English files; one translation changes one string', async () => {
    const none = await buildDownloads({ locale: 'it', strings: {} });
    expect(none['openapi.json']).toBe(english.files!['openapi.json']);
    expect(none['openapi.yaml']).toBe(english.files!['openapi.yaml']);
    expect(none[POSTMAN]).toBe(english.files![POSTMAN]);
    const one = await buildDownloads({ locale: 'it', strings: { [PAGE]: { en: 'Result page, starting at 1.', translation: 'Pagina: da 1 in poi.' } } });
    expect(differences(JSON.parse(english.files!['openapi.json']), JSON.parse(one['openapi.json']))).toEqual([PAGE]);
    expect(one['openapi.yaml']).toContain('description: "Pagina: da 1 in poi."');
  }, 60_000);
});
