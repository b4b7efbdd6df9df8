/** `i18n/<locale>/openapi.json`: parsing with lines and problems, the written order, the counts, and the phrases' placeholders. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatedLocaleCodes } from '../../config/locales';
import { loadSpec } from './load';
import { specStrings } from './localize';
import { fillPhrase, lowerInitial, PAGE_PHRASES, PHRASE_IDS, placeholderNames, unknownModifiers, upperInitial } from './phrases';
import { apiStringCounts, parseStringsFile, serializeStringsFile, stringsFile } from './stringsFile';

const doc = loadSpec();

describe('parseStringsFile', () => {
  it('reads both sections with the line of each entry and of its translation', () => {
    const text = `{
  "pages": {
    "column.type": { "en": "Type", "translation": "Tipo" }
  },
  "spec": {
    "/components/parameters/Page/description": {
      "en": "Result page, starting at 1.",
      "translation": "La pagina di risultati, a partire da 1."
    }
  }
}
`;
    const { file, lines, problems } = parseStringsFile(text);
    expect(problems).toEqual([]);
    expect(file.pages['column.type']).toEqual({ en: 'Type', translation: 'Tipo' });
    expect(file.spec['/components/parameters/Page/description']?.translation).toBe('La pagina di risultati, a partire da 1.');
    expect(lines.get('spec:/components/parameters/Page/description')).toEqual({ entry: 6, translation: 8 });
  });

  it('reports what is wrong, at its line, and keeps the valid entries', () => {
    const text = `{
  "spec": {
    "/a/description": { "en": "A" },
    "/b/description": { "en": "B", "translation": "Bi", "note": "x" },
    "/b/description": { "en": "B", "translation": "Bi" }
  },
  "other": {}
}`;
    const { file, problems } = parseStringsFile(text);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 7]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/needs the strings "en".*"translation"[\s\S]*unknown key "note"[\s\S]*listed twice[\s\S]*unknown key "other"/);
    expect(Object.keys(file.spec)).toEqual(['/b/description']);
    expect(parseStringsFile('{ "spec": ').problems[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('serializeStringsFile', () => {
  it('writes the phrases in their order and the strings in the spec order, orphans last, and reads back the same', () => {
    const strings = specStrings(doc);
    const file = {
      pages: { 'column.type': { en: 'Type', translation: 'Tipo' }, 'endpoint.errors': { en: 'Errors', translation: 'Errori' } },
      spec: {
        '/gone/description': { en: 'Gone', translation: 'Sparito' },
        [strings[5]!.pointer]: { en: strings[5]!.text, translation: 'cinque' },
        [strings[1]!.pointer]: { en: strings[1]!.text, translation: 'uno' },
      },
    };
    const text = serializeStringsFile(file, doc);
    const back = parseStringsFile(text);
    expect(back.problems).toEqual([]);
    expect(back.file).toEqual(file);
    expect(Object.keys(back.file.pages)).toEqual(['endpoint.errors', 'column.type'].sort((a, b) => PHRASE_IDS.indexOf(a as never) - PHRASE_IDS.indexOf(b as never)));
    expect(Object.keys(back.file.spec)).toEqual([strings[1]!.pointer, strings[5]!.pointer, '/gone/description']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('apiStringCounts', () => {
  it('counts the spec strings and the page phrases of a locale; a locale without a file has everything missing', () => {
    const none = apiStringCounts(doc, null);
    expect(none.spec).toMatchObject({ translated: 0, stale: 0, missing: specStrings(doc).length });
    expect(none.pages).toEqual({ total: PHRASE_IDS.length, translated: 0, stale: 0, missing: PHRASE_IDS.length, orphans: 0 });
    const some = apiStringCounts(doc, {
      pages: { 'column.type': { en: 'Type', translation: 'Tipo' }, 'column.when': { en: 'Whenever', translation: 'Quando' }, 'nope': { en: 'x', translation: 'y' } },
      spec: {},
    });
    expect(some.pages).toMatchObject({ translated: 1, stale: 1, orphans: 1 });
  });

  it('the committed files of every translated locale parse cleanly and translate every page phrase', () => {
    for (const locale of translatedLocaleCodes()) {
      const parsed = parseStringsFile(readFileSync(path.resolve(__dirname, '../../..', stringsFile(locale)), 'utf8'));
      expect(parsed.problems, locale).toEqual([]);
      expect(apiStringCounts(doc, parsed.file).pages, locale).toEqual({ total: PHRASE_IDS.length, translated: PHRASE_IDS.length, stale: 0, missing: 0, orphans: 0 });
    }
  });
});

describe('phrases', () => {
  it('fills {placeholders}, and {name|lower} with the lower-casing given', () => {
    expect(fillPhrase(PAGE_PHRASES['endpoint.answers'], { status: '`200`' })).toBe('The API answers `200` with:');
    expect(fillPhrase('Risposta di esempio: {summary|lower}', { summary: 'Un\'immagine' }, (t) => t.toLowerCase())).toBe('Risposta di esempio: un\'immagine');
    expect(fillPhrase('{a} and {b}', { a: '1' })).toBe('1 and {b}');
    expect([...placeholderNames('**A:** {header} {example|lower} ({guide})')]).toEqual(['header', 'example', 'guide']);
    expect(unknownModifiers('{a|lower} {b|upper}')).toEqual(['upper']);
  });

  it('lower-cases a summary after a colon unless it starts with a name the English also writes', () => {
    const stops = new Set(['a', 'an', 'the', 'with']);
    expect(lowerInitial('Un\'immagine con didascalia', 'An image with a caption', stops)).toBe('un\'immagine con didascalia');
    expect(lowerInitial('John Doe con include_field_types=true', 'John Doe with include_field_types=true', stops)).toBe('John Doe con include_field_types=true');
    // an article the English happens to share is not a name
    expect(lowerInitial('A conversa de John Doe', 'A conversation of John Doe', stops)).toBe('a conversa de John Doe');
    expect(lowerInitial('Status personalizado de Anna Ricci removido', 'Anna Ricci\'s custom status removed', stops)).toBe('status personalizado de Anna Ricci removido');
    expect(upperInitial('un\'immagine')).toBe('Un\'immagine');
  });
});
