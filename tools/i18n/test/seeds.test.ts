/**
 * The defects of the reference seeds (/work/shared/seeds), reproduced on our own
 * fixture pages (fixtures/pages): an Italian page missing a parameter row (and a
 * JSON key), a machine-translated Spanish page, a Portuguese page that is
 * silently English. Correct translations of the same page give no finding.
 */
import { describe, expect, it } from 'vitest';
import { check, expectExactly, fixture, lineOf } from './helpers';

const EN = fixture('pages/en.get_contacts.mdx');

describe('seed pages', () => {
  it.each(['it', 'es', 'pt'])('the correct %s translation gives no finding', (locale) => {
    expectExactly(check(EN, fixture(`pages/${locale}.get_contacts.mdx`), locale), []);
  });

  it('IT: a parameter row the English page has is missing (and the JSON example lost a key)', () => {
    const t = fixture('pages/it.missing-row.mdx');
    const f = check(EN, t, 'it');
    expectExactly(f, [
      ['table-shape', lineOf(t, '| `tags`')],
      ['inline-code', lineOf(t, '| `tags`')],
      ['code-json', lineOf(t, '"href": "https://dash.callbell.eu/contacts/414a')],
      ['code-json', lineOf(t, '"href": "https://dash.callbell.eu/contacts/ff8b')],
    ]);
    expect(f.find((x) => x.rule === 'table-shape')?.message).toContain('`team_uuid`');
    expect(f.filter((x) => x.rule === 'code-json').map((x) => x.message).join()).toContain('conversationHref');
  });

  it('ES: machine-translated front-matter key, path, table structure and JSON values', () => {
    const t = fixture('pages/es.machine.mdx');
    const f = check(EN, t, 'es');
    expectExactly(f, [
      ['frontmatter-keys', lineOf(t, 'título:')],
      ['heading-endpoint', lineOf(t, '# GET /contactos')],
      ['table-row-malformed', 16], // "| Parámetro Tipo Descripción" (parameters table header)
      ['table-identifier', lineOf(t, 'Entero')],
      ['table-row-malformed', lineOf(t, '| Fuente:')],
      ['table-identifier', lineOf(t, '| Fuente:')],
      ['inline-code', lineOf(t, '| Fuente:')], // `source` lost
      ['inline-code', lineOf(t, '| Fuente:')], // `whatsapp` lost
      ['table-shape', lineOf(t, 'Las etiquetas que deben coincidir')], // `team_uuid` row missing after `tags`
      ['inline-code', lineOf(t, 'Las etiquetas que deben coincidir')],
      ['table-row-malformed', 32], // response table header
      ['code-json', 48], // "ventas"
      ['code-json', lineOf(t, '"enlace Stripe"')],
      ['code-json', 63], // "ventas"
      ['code-json', lineOf(t, '"caliente"')],
      ['code-json', lineOf(t, '"Enlace Stripe"')],
    ]);
    const text = f.map((x) => x.message).join('\n');
    for (const s of ['`título` should be `title`', 'GET /contactos', '"ventas"', '"caliente"', '"enlace Stripe"', '"Enlace Stripe"', '`source`', '`team_uuid`']) expect(text).toContain(s);
    expect(t.split('\n')[15]).toBe('| Parámetro Tipo Descripción');
    expect(t.split('\n')[47]).toContain('"ventas"');
    expect(t.split('\n')[62]).toContain('"ventas"');
  });

  it('PT: a page that is silently English gives language warnings only', () => {
    const t = fixture('pages/pt.english.mdx');
    const f = check(EN, t, 'pt');
    expect(f.length).toBeGreaterThanOrEqual(3);
    expect(f.every((x) => x.rule === 'language' && x.severity === 'warning')).toBe(true);
    expect(f.map((x) => x.line)).toEqual(expect.arrayContaining([lineOf(t, 'List all the contacts'), lineOf(t, 'The page of contacts')]));
  });
});
