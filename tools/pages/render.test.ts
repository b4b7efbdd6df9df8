/**
 * The page renderer in a translated locale: the locale's words where it has them, English where
 * it has none, the structure of the English page always, and the authorization line from the
 * spec's security scheme.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/lib/api/load';
import { findOperation, type OpenApiDocument } from '../../src/lib/api/model';
import { emptyStringsFile, type StringsFile } from '../../src/lib/api/stringsFile';
import { firstColumns, tableRows } from '../../src/lib/markdown/tables';
import { authorizationLine, englishLanguage, pageLanguage, renderEndpointPage } from './render';

const doc = loadSpec();
const op = findOperation(doc, 'contacts_api', 'get_contact_messages');
const PAGE = '/components/parameters/Page/description';

function italian(spec: StringsFile['spec'] = {}): StringsFile {
  return {
    pages: {
      'endpoint.queryParameters': { en: 'Query Parameters', translation: 'Parametri di query' },
      'column.description': { en: 'Description', translation: 'Descrizione' },
      'constraint.minimum': { en: 'At least {min}.', translation: 'Minimo {min}.' },
      'endpoint.exampleResponseNamed': { en: 'Example Response: {summary}', translation: 'Risposta di esempio: {summary|lower}' },
    },
    spec,
  };
}

describe('renderEndpointPage in a translated locale', () => {
  it('writes the locale\'s strings and phrases, the constraints in its words, the same tables as the English page', () => {
    const text = renderEndpointPage(doc, op, pageLanguage(doc, 'it', italian({ [PAGE]: { en: 'Result page, starting at 1.', translation: 'La pagina di risultati, a partire da 1.' } })));
    expect(text).toContain('## Parametri di query');
    const page = tableRows(text)[1]!.find((r) => r[0] === '`page`')!;
    expect(page[2]).toBe('no');
    expect(page[4]).toBe('La pagina di risultati, a partire da 1. Minimo 1.');
    expect(firstColumns(text)).toEqual(firstColumns(renderEndpointPage(doc, op)));
  });

  it('falls back to English for a string or phrase the locale has not translated', () => {
    const text = renderEndpointPage(doc, op, pageLanguage(doc, 'it', italian()));
    const page = tableRows(text)[1]!.find((r) => r[0] === '`page`')!;
    expect(page[4]).toBe('Result page, starting at 1. Minimo 1.');
    expect(text).toContain('## Path Parameters');
    // with no strings at all, the page is the English one but for the yes/no words
    expect(renderEndpointPage(doc, op, pageLanguage(doc, 'it', emptyStringsFile()))).toBe(renderEndpointPage(doc, op).replace(/\| yes +\|/g, (m) => m.replace('yes', 'sì ')));
  });

  it('lower-cases an example summary after the heading\'s colon unless it starts with a name', () => {
    const contact = findOperation(doc, 'contacts_api', 'get_contact');
    const pointer = '/paths/~1contacts~1{uuid}/get/responses/200/content/application~1json/examples/withFieldTypes/summary';
    const english = String(contact.examples[1]!.summary);
    const render = (translation: string) => renderEndpointPage(doc, contact, pageLanguage(doc, 'it', italian({ [pointer]: { en: english, translation } })));
    expect(render('John Doe con include_field_types=true')).toContain('## Risposta di esempio: John Doe con include_field_types=true');
    expect(render('Il contatto con include_field_types=true')).toContain('## Risposta di esempio: il contatto con include_field_types=true');
  });

  it('English is unchanged by the locale machinery', () => {
    expect(renderEndpointPage(doc, op, englishLanguage(doc))).toBe(renderEndpointPage(doc, op));
    expect(renderEndpointPage(doc, op, pageLanguage(doc, 'en', italian()))).toBe(renderEndpointPage(doc, op));
  });
});

describe('authorizationLine', () => {
  it('renders the bearer scheme: the header, its form, the guide', () => {
    expect(authorizationLine(doc, op)).toBe(
      '**Authorization:** your API key as a bearer token in the `Authorization` header: `Authorization: Bearer <YOUR_API_KEY>`. See [Authentication](/api/authentication).',
    );
    expect(renderEndpointPage(doc, op).split('\n')).toContain(authorizationLine(doc, op));
  });

  it('follows the scheme the operation requires: an API key header, none, or a scheme it cannot describe', () => {
    const variant = (securitySchemes: Record<string, unknown>, security: unknown[] = [{ key: [] }]): OpenApiDocument => ({
      ...doc,
      security,
      components: { ...doc.components, securitySchemes },
    });
    expect(authorizationLine(variant({ key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } }), op)).toContain('in the `X-Api-Key` header: `X-Api-Key: <YOUR_API_KEY>`');
    expect(authorizationLine(variant({}, []), op)).toBeUndefined();
    expect(() => authorizationLine(variant({ key: { type: 'oauth2', flows: {} } }), op)).toThrow(/no authorization line/);
  });
});
