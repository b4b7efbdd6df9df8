/**
 * One broken fixture (exactly the expected finding: rule id + line) and one
 * correct fixture (no finding) for every page rule. The base pages are
 * fixtures/rules/{en,it,es,pt}.mdx; each test breaks one thing.
 */
import { describe, expect, it } from 'vitest';
import { checkPage } from '../core/comparePage';
import { check, edit, expectExactly, fixture, lineOf, pairs } from './helpers';

const EN = fixture('rules/en.mdx');
const IT = fixture('rules/it.mdx');
const ES = fixture('rules/es.mdx');
const PT = fixture('rules/pt.mdx');

describe('correct translations', () => {
  it.each([
    ['it', IT],
    ['es', ES],
    ['pt', PT],
  ])('%s gives no finding', (locale, text) => {
    expectExactly(check(EN, text, locale), []);
  });

  it('tolerates different prose, punctuation, sentence order, link text and JSON formatting', () => {
    let t = edit(IT, 'Restituisce i messaggi che sono stati scambiati con un contatto. Per i dettagli consulta [i parametri](#parametri) e l\'[oggetto Contact](/api/reference/object_types/contact).',
      'Per i dettagli, vedi [questa sezione](#parametri) e la pagina dell\'[oggetto](/api/reference/object_types/contact); qui trovi invece i messaggi scambiati con un contatto!');
    t = edit(t, '    { "uuid": "8a1f", "status": "sent", "tags": ["sales"] }', '    {\n      "tags": ["sales"],\n      "status": "sent",\n      "uuid": "8a1f"\n    }');
    t = edit(t, '| `uuid`    | string  | L\'uuid del contatto.                     |', '|`uuid`|string|L\'identificativo (`uuid`) del contatto|'.replace(' (`uuid`)', ''));
    expectExactly(check(EN, t), []);
  });

  it('.md pages are checked too', () => {
    expectExactly(check(fixture('site/docs/api/intro.md'), fixture('site/i18n/it/docusaurus-plugin-content-docs/current/api/intro.md')), []);
  });
});

describe('front matter', () => {
  it('frontmatter-stray-text: text before the opening ---', () => {
    const t = 'Tradotto da Mario\n' + IT;
    expectExactly(check(EN, t), [['frontmatter-stray-text', 1]]);
  });
  it('frontmatter-stray-text: a blank line before the opening ---', () => {
    expectExactly(check(EN, '\n' + IT), [['frontmatter-stray-text', 1]]);
  });
  it('frontmatter-invalid: YAML error at its line', () => {
    const t = edit(IT, 'description: Legge i messaggi scambiati con un contatto.', 'description: Nota: legge i messaggi scambiati con un contatto.');
    expectExactly(check(EN, t), [['frontmatter-invalid', lineOf(t, 'description:')]]);
  });
  it('frontmatter-invalid: unclosed front matter', () => {
    const t = edit(IT, 'sidebar_position: 3\n---', 'sidebar_position: 3\n--');
    const f = check(EN, t).filter((x) => x.rule === 'frontmatter-invalid');
    expect(f.map((x) => x.line)).toEqual([1]);
  });
  it('frontmatter-keys: a translated key', () => {
    const t = edit(IT, 'title: GET /messages', 'titolo: GET /messages');
    expectExactly(check(EN, t), [['frontmatter-keys', 2]]);
  });
  it('frontmatter-keys: a missing and an extra key', () => {
    const t = edit(IT, 'sidebar_position: 3\n', 'keywords: [messaggi]\n');
    const f = check(EN, t);
    expectExactly(f, [['frontmatter-keys', 5]]);
    expect(f[0]?.message).toContain('`keywords` should be `sidebar_position`');
    const t2 = edit(IT, 'sidebar_position: 3\n', '');
    expectExactly(check(EN, t2), [['frontmatter-keys', 4]]);
  });
  it('frontmatter-value: a value that must not be translated', () => {
    const t = edit(IT, 'sidebar_position: 3', 'sidebar_position: 4');
    expectExactly(check(EN, t), [['frontmatter-value', 5]]);
  });
  it('translatable values (title, description, sidebar_label) may differ', () => {
    const t = edit(IT, 'sidebar_label: Leggi i messaggi', 'sidebar_label: "Messaggi: lettura"');
    expectExactly(check(EN, t), []);
  });
  it('heading-endpoint: the title keeps its endpoint', () => {
    const t = edit(IT, 'title: GET /messages', 'title: GET /messaggi');
    expectExactly(check(EN, t), [['heading-endpoint', 2]]);
  });
});

describe('MDX', () => {
  it('mdx-syntax: a page that no longer compiles', () => {
    const t = edit(IT, 'I messaggi sono ordinati dal più recente al più vecchio.', 'I messaggi sono ordinati {dal più recente} al più vecchio.');
    expectExactly(check(EN, t), [['mdx-syntax', lineOf(t, '{dal più recente}')]]);
  });
  it('mdx-syntax: an unclosed tag', () => {
    const t = edit(IT, 'I messaggi sono ordinati dal più recente al più vecchio.', 'I messaggi sono <b>ordinati dal più recente al più vecchio.');
    expectExactly(check(EN, t), [['mdx-syntax', lineOf(t, '<b>')]]);
  });
  it('mdx-imports: a changed import', () => {
    const t = edit(IT, 'import RequestTabs from "@site/src/components/Requests/RequestTabs"', 'import RequestTabs from "@site/src/components/Richieste/RequestTabs"');
    expectExactly(check(EN, t), [['mdx-imports', 8]]);
  });
  it('mdx-imports: quotes and spacing do not matter', () => {
    const t = edit(IT, 'import RequestTabs from "@site/src/components/Requests/RequestTabs"', "import  RequestTabs from '@site/src/components/Requests/RequestTabs';");
    expectExactly(check(EN, t), []);
  });
  it('jsx-components: a renamed component', () => {
    const t = edit(IT, '<RequestTabs endpoint=', '<RequestTab endpoint=');
    expectExactly(check(EN, t), [['jsx-components', lineOf(t, '<RequestTab ')]]);
  });
  it('jsx-components: a missing component', () => {
    const t = edit(IT, '<RequestTabs endpoint="messages_api" request="get_messages" title="Esempio di richiesta"/>\n', '');
    // reported after the block that precedes it (the admonition, closing on line :::tip + 2)
    expectExactly(check(EN, t), [['jsx-components', lineOf(t, ':::tip') + 2]]);
  });
  it('jsx-props: an identifier prop was translated', () => {
    const t = edit(IT, 'endpoint="messages_api"', 'endpoint="messaggi_api"');
    expectExactly(check(EN, t), [['jsx-props', lineOf(t, 'messaggi_api')]]);
  });
  it('jsx-props: a dropped prop', () => {
    const t = edit(IT, ' request="get_messages"', '');
    expectExactly(check(EN, t), [['jsx-props', lineOf(t, '<RequestTabs')]]);
  });
  it('jsx-props: prose props (title) may be translated, quote style is free', () => {
    const t = edit(IT, 'endpoint="messages_api" request="get_messages" title="Esempio di richiesta"', "request='get_messages' endpoint='messages_api' title='Una richiesta di esempio'");
    expectExactly(check(EN, t), []);
  });
});

describe('code blocks', () => {
  it('code-block-count: a missing block', () => {
    const t = edit(IT, '```bash\ncurl https://api.callbell.eu/v1/messages\n```\n', '');
    expectExactly(check(EN, t), [['code-block-count', lineOf(t, '"page": 1') + 2]]);
  });
  it('code-block-lang: a changed meta', () => {
    const t = edit(IT, '```json title=response.json', '```json title=risposta.json');
    expectExactly(check(EN, t), [['code-block-lang', lineOf(t, 'risposta.json')]]);
  });
  it('code-block-lang: a changed language', () => {
    const t = edit(IT, '```bash', '```sh');
    expectExactly(check(EN, t), [['code-block-lang', lineOf(t, '```sh')]]);
  });
  it('code-json: a translated value', () => {
    const t = edit(IT, '"status": "sent"', '"status": "inviato"');
    expectExactly(check(EN, t), [['code-json', lineOf(t, 'inviato')]]);
  });
  it('code-json: a translated key', () => {
    const t = edit(IT, '"page": 1', '"pagina": 1');
    expectExactly(check(EN, t), [['code-json', lineOf(t, '"pagina"')]]);
  });
  it('code-json: a JSON block that no longer parses', () => {
    const t = edit(IT, '"page": 1', '"page": 1,,');
    expectExactly(check(EN, t), [['code-json', lineOf(t, '"page": 1,,')]]);
  });
  it('code-json: an invalid English example is compared as text', () => {
    const en = edit(EN, '"page": 1\n', '"page": <number>\n');
    expectExactly(check(en, edit(IT, '"page": 1\n', '"page": <number>\n').replace('[\n    { "uuid": "8a1f", "status": "sent", "tags": ["sales"] }\n  ]', '[{ "uuid": "8a1f", "status": "sent", "tags": ["sales"] }]')), []);
    const t = edit(IT, '"page": 1\n', '"page": <numero>\n').replace('[\n    { "uuid": "8a1f", "status": "sent", "tags": ["sales"] }\n  ]', '[{ "uuid": "8a1f", "status": "sent", "tags": ["sales"] }]');
    expectExactly(check(en, t), [['code-json', lineOf(t, '<numero>')]]);
  });
  it('code-content: other code must be identical', () => {
    const t = edit(IT, 'curl https://api.callbell.eu/v1/messages', 'curl https://api.callbell.eu/v1/messaggi');
    expectExactly(check(EN, t), [['code-content', lineOf(t, 'v1/messaggi')]]);
  });
});

describe('inline code', () => {
  it('inline-code: an altered span is reported on its line', () => {
    const t = edit(IT, 'a partire da `1`', 'a partire da `uno`');
    expectExactly(check(EN, t), [['inline-code', lineOf(t, '`uno`')]]);
  });
  it('inline-code: a missing span is reported where it should be', () => {
    const t = edit(IT, 'a partire da `1`.', 'a partire da uno. ');
    expectExactly(check(EN, t), [['inline-code', lineOf(t, 'a partire da uno')]]);
  });
  it('inline-code: order inside the page may change', () => {
    const en = edit(EN, 'Messages are sorted from the newest to the oldest one.', 'Sort with `order` and `limit`.');
    const t = edit(IT, 'I messaggi sono ordinati dal più recente al più vecchio.', 'Con `limit` e `order` si ordina.');
    expectExactly(check(en, t), []);
  });
});

describe('tables', () => {
  const STATUS_TABLE = '| Status      | Significato                              |\n| :---------- | :--------------------------------------- |\n| sent        | Il messaggio è partito dai nostri server. |\n| delivered   | Il messaggio è arrivato sul telefono.    |\n';
  it('table-count: a missing table', () => {
    const t = edit(IT, STATUS_TABLE, '');
    expectExactly(check(EN, t), [['table-count', lineOf(t, '### Stati')]]);
  });
  it('table-shape: a missing row', () => {
    const t = edit(IT, '| delivered   | Il messaggio è arrivato sul telefono.    |\n', '');
    expectExactly(check(EN, t), [['table-shape', lineOf(t, '| sent ')]]);
  });
  it('table-shape: an extra row', () => {
    const t = edit(IT, '| delivered   | Il messaggio è arrivato sul telefono.    |\n', '| delivered   | Il messaggio è arrivato sul telefono.    |\n| read        | Il messaggio è stato letto.              |\n');
    expectExactly(check(EN, t), [['table-shape', lineOf(t, '| read ')]]);
  });
  it('table-shape: an extra column', () => {
    let t = edit(IT, '| Status      | Significato                              |', '| Status      | Significato | Nota |');
    t = edit(t, '| :---------- | :--------------------------------------- |', '| :---------- | :--- | :--- |');
    t = edit(t, '| sent        | Il messaggio è partito dai nostri server. |', '| sent        | Il messaggio è partito dai nostri server. | - |');
    t = edit(t, '| delivered   | Il messaggio è arrivato sul telefono.    |', '| delivered   | Il messaggio è arrivato sul telefono.    | - |');
    expectExactly(check(EN, t), [['table-shape', lineOf(t, '| Status ')]]);
  });
  it('table-row-malformed: a row lost a separator', () => {
    const t = edit(IT, '| delivered   | Il messaggio è arrivato sul telefono.    |', '| delivered   Il messaggio è arrivato sul telefono.    |');
    expectExactly(check(EN, t), [['table-row-malformed', lineOf(t, 'delivered   Il')]]);
  });
  it('table-row-malformed: a row the English page has malformed too is not reported on the translation', () => {
    const en = edit(EN, '| delivered   | The message reached the phone.           |', '| delivered   The message reached the phone.           |');
    const t = edit(IT, '| delivered   | Il messaggio è arrivato sul telefono.    |', '| delivered   Il messaggio è arrivato sul telefono.    |');
    expectExactly(check(en, t), []);
  });
  it('table-row-malformed: an escaped pipe is not a separator', () => {
    const en = edit(EN, '| delivered   | The message reached the phone.           |', '| delivered   | The message reached the phone \\| tablet. |');
    const t = edit(IT, '| delivered   | Il messaggio è arrivato sul telefono.    |', '| delivered   | Il messaggio è arrivato sul telefono \\| tablet. |');
    expectExactly(check(en, t), []);
  });
  it('table-identifier: a name in backticks in any column', () => {
    const t = edit(IT, '| `page`    | Integer |', '| `pagina`  | Integer |');
    const f = check(EN, t);
    expect(pairs(f)).toEqual(expect.arrayContaining([['table-identifier', lineOf(t, '`pagina`')]]));
    expect(f.find((x) => x.rule === 'table-identifier')?.message).toContain('`page`');
  });
  it('table-identifier: a translated type (the "Type" column is learned: `string`, `Integer`) is an error', () => {
    const t = edit(IT, '| `page`    | Integer |', '| `page`    | Intero  |');
    const f = check(EN, t);
    expectExactly(f, [['table-identifier', lineOf(t, 'Intero')]]);
    expect(f[0]?.severity).toBe('error');
  });
  it('learned, not assumed: a first column of plain words may be translated; one the English page writes as code may not', () => {
    // "sent" and "delivered" are plain words in this English table: the translator may translate them
    expectExactly(check(EN, edit(IT, '| sent        |', '| inviato     |')), []);
    // once the English page names `sent` as code, the cell is an identifier
    const en = edit(EN, 'Messages are sorted from the newest to the oldest one.', 'Messages are sorted from the newest to the oldest one; `sent` ones first.');
    const it = edit(edit(IT, 'I messaggi sono ordinati dal più recente al più vecchio.', 'I messaggi sono ordinati dal più recente al più vecchio; prima quelli `sent`.'), '| sent        |', '| inviato     |');
    expectExactly(check(en, it), [['table-identifier', lineOf(it, '| inviato ')]]);
  });
});

describe('headings', () => {
  it('heading-structure: a changed level', () => {
    const t = edit(IT, '### Risposta', '#### Risposta');
    expectExactly(check(EN, t), [['heading-structure', lineOf(t, '#### Risposta')]]);
  });
  it('heading-structure: a missing heading', () => {
    const t = edit(IT, '### Stati\n\n', '');
    expectExactly(check(EN, t), [['heading-structure', lineOf(t, '<RequestTabs')]]);
  });
  it('heading-structure: an extra heading', () => {
    const t = edit(IT, ':::tip', '#### Ordine\n\n:::tip');
    expectExactly(check(EN, t), [['heading-structure', lineOf(t, '#### Ordine')]]);
  });
  it('heading-endpoint: method and path are never translated', () => {
    const t = edit(IT, '# GET /messages', '# GET /messaggi');
    expectExactly(check(EN, t), [['heading-endpoint', lineOf(t, '# GET /messaggi')]]);
  });
});

describe('links', () => {
  it('link-targets: a changed target', () => {
    const t = edit(IT, '(/api/reference/object_types/contact)', '(/it/api/reference/object_types/contatto)');
    expectExactly(check(EN, t), [['link-targets', lineOf(t, 'contatto)')]]);
  });
  it('link-targets: a dropped link', () => {
    const t = edit(IT, "e l'[oggetto Contact](/api/reference/object_types/contact)", "e l'oggetto Contact");
    expectExactly(check(EN, t), [['link-targets', lineOf(t, "e l'oggetto Contact")]]);
  });
  it('link-anchor: an anchor that matches no heading of the translated page', () => {
    const t = edit(IT, '[i parametri](#parametri)', '[i parametri](#parameters)');
    expectExactly(check(EN, t), [['link-anchor', lineOf(t, '(#parameters)')]]);
  });
  it('link-anchor: an explicit heading id {#id} is a valid target', () => {
    let t = edit(IT, '[i parametri](#parametri)', '[i parametri](#parameters)');
    t = edit(t, '### Parametri', '### Parametri {#parameters}');
    expectExactly(check(EN, t), []);
  });
  it('{#id} is an MDX error when classic heading ids are off (future.v4)', () => {
    let t = edit(IT, '[i parametri](#parametri)', '[i parametri](#parameters)');
    t = edit(t, '### Parametri', '### Parametri {#parameters}');
    const f = checkPage({ sourceText: EN, targetText: t, locale: 'it', classicHeadingIds: false });
    expect(f.map((x) => [x.rule, x.line])).toEqual(expect.arrayContaining([['mdx-syntax', lineOf(t, '{#parameters}')]]));
  });
  it('link-anchor: an MDX comment id {/* #id */} is a valid target', () => {
    let t = edit(IT, '[i parametri](#parametri)', '[i parametri](#parameters)');
    t = edit(t, '### Parametri', '### Parametri {/* #parameters */}');
    expectExactly(check(EN, t), []);
  });
});

describe('admonitions', () => {
  it('admonitions: a translated keyword', () => {
    const t = edit(IT, ':::tip', ':::suggerimento');
    expectExactly(check(EN, t), [['admonitions', lineOf(t, ':::suggerimento')]]);
  });
  it('admonitions: a missing admonition', () => {
    const t = edit(IT, ':::tip\nI messaggi sono ordinati dal più recente al più vecchio.\n:::\n', 'I messaggi sono ordinati dal più recente al più vecchio.\n');
    expectExactly(check(EN, t), [['admonitions', lineOf(t, 'I messaggi sono ordinati')]]);
  });
  it('admonitions: a title may be translated', () => {
    const en = edit(EN, ':::tip', ':::tip[Sorting]');
    const t = edit(IT, ':::tip', ':::tip[Ordinamento]');
    expectExactly(check(en, t), []);
  });
});

describe('language (warning)', () => {
  it('an untranslated English paragraph in an Italian page', () => {
    const t = edit(IT, 'I messaggi sono ordinati dal più recente al più vecchio.', 'Messages are sorted from the newest to the oldest one, and the first page is returned when no page is given.');
    const f = check(EN, t);
    expectExactly(f, [['language', lineOf(t, 'Messages are sorted')]]);
    expect(f[0]?.severity).toBe('warning');
  });
  it('a Spanish paragraph in a Portuguese page', () => {
    const t = edit(PT, 'As mensagens são ordenadas da mais recente para a mais antiga.', 'Los mensajes se ordenan del más reciente al más antiguo y se devuelven en la primera página.');
    expectExactly(check(EN, t, 'pt'), [['language', lineOf(t, 'Los mensajes')]]);
  });
  it('a page that is silently English (a copy of the source)', () => {
    const f = check(EN, EN, 'pt');
    expect(f.length).toBeGreaterThan(0);
    expect(new Set(f.map((x) => x.rule))).toEqual(new Set(['language']));
  });
  it('no false alarm on short technical lines, code, identifiers or tables first column', () => {
    const t = edit(IT, 'I messaggi sono ordinati dal più recente al più vecchio.', 'Vedi `GET /messages` con `page=2`, `limit=50`: JSON, UTF-8, HTTP 200 OK.');
    const en = edit(EN, 'Messages are sorted from the newest to the oldest one.', 'Vedi `GET /messages` con `page=2`, `limit=50`: JSON, UTF-8, HTTP 200 OK.');
    expectExactly(check(en, t), []);
  });
});
