/**
 * Pure renderers: the spec -> reference pages (endpoint, object type, webhook event) in the
 * house MDX shape, in English and in every translated locale, and the table rows each page
 * must list (used by the agreement test for every locale). No I/O.
 *
 * A page is rendered in a language (`PageLanguage`): English renders from the spec and the
 * English phrases (src/lib/api/phrases.ts); a translated locale from the spec with the
 * locale's strings in place (src/lib/api/localize.ts) and the locale's phrases, both read
 * from `i18n/<locale>/openapi.json`. Every decision (which rows, which constraint sentences,
 * which example gets a sentence) is taken on the English spec, so the pages of every locale
 * have the same structure; only the words differ.
 */
import { findLocale } from '../../src/config/locales';
import { localizeSpec } from '../../src/lib/api/localize';
import type { OpenApiDocument } from '../../src/lib/api/model';
import { deref, findOperation, operationModels, resolvePointer } from '../../src/lib/api/model';
import { fillPhrase, lowerInitial, PAGE_PHRASES, upperInitial, type PhraseId } from '../../src/lib/api/phrases';
import type { StringsFile } from '../../src/lib/api/stringsFile';
import type { OperationModel } from '../../src/lib/api/types';
import { displayPath, OBJECT_TYPES, objectDocPath, snake } from '../../src/lib/docs/paths';
import { isObject } from '../../src/lib/isObject';

type Raw = Record<string, unknown>;

/** Pages written by hand (the seeds' shape); every other reference page is rendered from the spec. */
export const HANDWRITTEN: ReadonlySet<string> = new Set(['api/reference/contacts_api/get_contacts', 'api/reference/object_types/contact']);

/** Where the authorization line of every endpoint page links to. */
export const AUTH_GUIDE = '/api/authentication';

/**
 * The `<FieldTree …/>` tag under a field table: every field, nested ones included
 * (plugins/remark-field-tree.ts resolves it; its props are the same in every locale).
 */
export function fieldTreeTag(target: { endpoint: string; request: string; of: 'body' | 'response' } | { webhook: string } | { object: string }): string {
  if ('endpoint' in target) return `<FieldTree endpoint='${target.endpoint}' request="${target.request}" of="${target.of}"/>`;
  if ('webhook' in target) return `<FieldTree webhook="${target.webhook}"/>`;
  return `<FieldTree object="${target.object}"/>`;
}

/** The language a page is rendered in. */
export interface PageLanguage {
  locale: string;
  /** The spec with this language's strings in place (the spec itself for English). */
  doc: OpenApiDocument;
  /**
   * A phrase of this language, filled. `english` gives the English text of a placeholder's
   * value, for `{name|lower}` (a name the English text writes keeps its capital).
   */
  phrase(id: PhraseId, values?: Readonly<Record<string, string>>, english?: Readonly<Record<string, string>>): string;
  /** How the tables write yes and no (src/config/site.ts `yesNo`). */
  yes: string;
  no: string;
  /** A number in a constraint sentence (`1000`; Portuguese groups thousands: `1.000`). */
  number(n: number): string;
}

function stopWords(locale: string): Set<string> {
  return new Set((findLocale(locale)?.language.stopWords ?? '').split(/\s+/).filter(Boolean));
}

function yesNo(locale: string): { yes: string; no: string } {
  const words = findLocale(locale)?.yesNo;
  if (!words) throw new Error(`No locale "${locale}" in src/config/site.ts (LOCALES): add it, with its yesNo words`);
  return { yes: words.yes, no: words.no };
}

/** English: the spec and the English phrases. */
export function englishLanguage(doc: OpenApiDocument): PageLanguage {
  return {
    locale: 'en',
    doc,
    phrase: (id, values = {}) => fillPhrase(PAGE_PHRASES[id], values),
    ...yesNo('en'),
    number: (n) => String(n),
  };
}

/**
 * A translated locale: the spec with the locale's strings (a string without translation stays
 * English) and its phrases (a phrase without translation stays English).
 */
export function pageLanguage(doc: OpenApiDocument, locale: string, strings: StringsFile): PageLanguage {
  if (locale === 'en') return englishLanguage(doc);
  const englishStops = stopWords('en');
  return {
    locale,
    doc: localizeSpec(doc, strings.spec).doc,
    phrase: (id, values = {}, english = {}) => {
      const translated = strings.pages[id]?.translation;
      const template = translated && translated.trim() ? translated : PAGE_PHRASES[id];
      return fillPhrase(template, values, (text, name) => lowerInitial(text, english[name] ?? '', englishStops));
    },
    ...yesNo(locale),
    number: (n) => new Intl.NumberFormat(findLocale(locale)?.htmlLang ?? locale).format(n),
  };
}

function refName(schema: unknown): string | undefined {
  if (isObject(schema) && typeof schema.$ref === 'string') return schema.$ref.split('/').pop();
  return undefined;
}

/** The Type cell: links object types to their pages, like `[Contact[]](/api/...)`. */
export function typeLabel(doc: OpenApiDocument, schema: unknown): string {
  const ref = refName(schema);
  if (ref) {
    if ((OBJECT_TYPES as readonly string[]).includes(ref)) return `[${ref}](/${objectDocPath(ref)})`;
    const target = resolvePointer(doc, `#/components/schemas/${ref}`);
    if (isObject(target) && Array.isArray(target.enum)) return ref;
    return typeLabel(doc, target);
  }
  if (!isObject(schema)) return 'any';
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const parts = ((schema.oneOf ?? schema.anyOf) as unknown[]).map((s) => typeLabel(doc, s));
    return [...new Set(parts)].join(' \\| ');
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
  const labels = types.map((t) => {
    if (t === 'array') {
      const inner = typeLabel(doc, schema.items);
      const link = /^\[(.+)\]\((.+)\)$/.exec(inner);
      return link ? `[${link[1]}[]](${link[2]})` : `${inner}[]`;
    }
    return t;
  });
  return labels.length ? labels.join(' \\| ') : 'object';
}

/**
 * Constraints in words, appended to a description. `description` is the English one: it
 * decides what is already said, for every language alike.
 */
export function constraints(schema: Raw, description: string = String(schema.description ?? ''), lang?: PageLanguage): string {
  const say = (id: PhraseId, values: Record<string, string> = {}): string => (lang ? lang.phrase(id, values) : fillPhrase(PAGE_PHRASES[id], values));
  const num = (n: number): string => (lang ? lang.number(n) : String(n));
  const parts: string[] = [];
  const said = description.toLowerCase();
  if (Array.isArray(schema.enum)) {
    parts.push(say(schema.enum.length === 1 ? 'constraint.oneValue' : 'constraint.oneOf', { values: schema.enum.map((v) => `\`${String(v)}\``).join(', ') }));
  }
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
    if (!said.includes(`${schema.minimum} to ${schema.maximum}`)) parts.push(say('constraint.range', { min: num(schema.minimum), max: num(schema.maximum) }));
  }
  else if (typeof schema.minimum === 'number') parts.push(say('constraint.minimum', { min: num(schema.minimum) }));
  else if (typeof schema.maximum === 'number') parts.push(say('constraint.maximum', { max: num(schema.maximum) }));
  if (typeof schema.maxLength === 'number') parts.push(say('constraint.maxLength', { max: num(schema.maxLength) }));
  if (schema.format === 'date-time' && !/ISO 8601/.test(description)) parts.push(say('constraint.dateTime'));
  return parts.join(' ');
}

function cell(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim();
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length), 3));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => `:${'-'.repeat(w - 1)}`).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A description cell: the text in the page's language, then the constraints (decided on the English text). */
function describe(text: string, english: Raw, lang?: PageLanguage): string {
  const en = typeof english.description === 'string' ? english.description : '';
  return cell([text, constraints(english, en, lang)].filter(Boolean).join(' '));
}

/** A front-matter value: as written when YAML reads it back unchanged, else quoted. */
function yamlValue(text: string): string {
  return /^[\p{L}\p{N}(][^:#\n]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

/**
 * A component schema as written, except that a schema which only refines
 * another (`$ref` plus sibling keywords, e.g. a stricter `required`) shows the
 * referenced schema's keywords with the siblings taking precedence.
 */
function componentSchemaShallow(doc: OpenApiDocument, name: string, seen: string[] = []): Raw {
  const raw = resolvePointer(doc, `#/components/schemas/${name}`) as Raw;
  const target = refName(raw);
  if (!isObject(raw) || !target) return raw;
  if (seen.includes(target)) throw new Error(`Cyclic $ref: ${[...seen, name, target].join(' -> ')}`);
  const { $ref: _ignored, ...siblings } = raw;
  return { ...componentSchemaShallow(doc, target, [...seen, name]), ...siblings };
}

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  /** The description cell, in English. */
  description: string;
  /** The field's schema, references resolved. */
  raw: Raw;
}

/** Fields of an object schema, one level of nested plain objects flattened as `a.b`. */
export function fieldRows(doc: OpenApiDocument, schema: unknown, prefix = ''): FieldRow[] {
  const resolved = refName(schema) && !prefix ? componentSchemaShallow(doc, refName(schema)!) : (schema as Raw);
  if (!isObject(resolved) || !isObject(resolved.properties)) return [];
  const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
  const rows: FieldRow[] = [];
  for (const [name, prop] of Object.entries(resolved.properties)) {
    const full = prefix ? `${prefix}.${name}` : name;
    const derefd = deref(doc, prop) as Raw;
    rows.push({ name: full, type: typeLabel(doc, prop), required: required.has(name), description: describe(String(derefd.description ?? ''), derefd), raw: derefd });
    if (!refName(prop) && derefd.type === 'object' && isObject(derefd.properties) && !prefix) {
      rows.push(...fieldRows(doc, derefd, full));
    }
  }
  return rows;
}

/**
 * The field rows in a language: the English rows (names, types, constraints) with the
 * descriptions of the same rows of the localized spec. `schemaOf` finds the schema in a spec.
 */
function languageRows(doc: OpenApiDocument, lang: PageLanguage | undefined, schemaOf: (d: OpenApiDocument) => unknown): FieldRow[] {
  const rows = fieldRows(doc, schemaOf(doc));
  if (!lang || lang.doc === doc) return rows;
  const local = fieldRows(lang.doc, schemaOf(lang.doc));
  return rows.map((r, i) => ({ ...r, description: describe(String(local[i]?.raw.description ?? ''), r.raw, lang) }));
}

function rawOperation(doc: OpenApiDocument, op: Pick<OperationModel, 'path' | 'method'>): Raw {
  const item = doc.paths[op.path] as Raw;
  return item[op.method.toLowerCase()] as Raw;
}

function successResponse(doc: OpenApiDocument, op: OperationModel): { status: string; schema?: unknown } {
  const responses = rawOperation(doc, op).responses as Raw;
  const status = Object.keys(responses).find((s) => /^2\d\d$/.test(s)) ?? '200';
  const response = deref(doc, responses[status]) as Raw;
  const content = isObject(response?.content) ? (response.content as Raw)['application/json'] : undefined;
  const raw = (doc.paths[op.path] as Raw)[op.method.toLowerCase()] as Raw;
  const rawResponse = (raw.responses as Raw)[status] as Raw;
  const rawContent = isObject(rawResponse?.content) ? ((rawResponse.content as Raw)['application/json'] as Raw) : undefined;
  return { status, schema: isObject(content) ? (rawContent?.schema ?? content.schema) : undefined };
}

export interface ErrorRow {
  status: string;
  code: string;
  when: string;
}

/**
 * One row per error status and `error.code`: a response with several named
 * `examples` (one per code, each with its own `description`) gives one row
 * for each of them, in order; a single `example` gives one row.
 */
export function errorRows(doc: OpenApiDocument, op: Pick<OperationModel, 'path' | 'method'>): ErrorRow[] {
  const responses = rawOperation(doc, op).responses as Raw;
  return Object.entries(responses)
    .filter(([status]) => !/^2\d\d$/.test(status))
    .flatMap(([status, value]) => {
      const response = deref(doc, value) as Raw;
      const json = isObject(response.content) ? ((response.content as Raw)['application/json'] as Raw) : undefined;
      const description = String(response.description ?? '');
      const codeOf = (example: unknown) => (example as { error?: { code?: string } } | undefined)?.error?.code ?? '';
      if (isObject(json?.examples)) {
        return Object.values(json.examples as Raw).filter(isObject).map((example) => ({
          status,
          code: codeOf(example.value),
          when: cell(String(example.description ?? description)),
        }));
      }
      return [{ status, code: codeOf(json?.example), when: cell(description) }];
    });
}

/** The names each table of an endpoint page lists, in page order (for the agreement test). */
export function endpointTables(doc: OpenApiDocument, op: OperationModel): string[][] {
  const tables: string[][] = [];
  const path = op.params.filter((p) => p.in === 'path');
  const query = op.params.filter((p) => p.in === 'query');
  if (path.length) tables.push(path.map((p) => p.name));
  if (query.length) tables.push(query.map((p) => p.name));
  const body = (rawOperation(doc, op).requestBody as Raw | undefined);
  if (body) {
    const json = ((deref(doc, body) as Raw).content as Raw)['application/json'] as Raw;
    const schemaRaw = (((doc.paths[op.path] as Raw)[op.method.toLowerCase()] as Raw).requestBody as Raw);
    const rawJson = isObject(schemaRaw.content) ? ((schemaRaw.content as Raw)['application/json'] as Raw) : json;
    const rows = fieldRows(doc, rawJson.schema ?? json.schema);
    if (rows.length) tables.push(rows.map((r) => r.name));
  }
  const success = successResponse(doc, op);
  const responseRows = success.schema ? fieldRows(doc, success.schema) : [];
  if (responseRows.length) tables.push(responseRows.map((r) => r.name));
  const errors = errorRows(doc, op);
  if (errors.length) tables.push(errors.map((e) => e.status));
  return tables;
}

function paramRows(doc: OpenApiDocument, op: OperationModel, where: 'path' | 'query', lang: PageLanguage): string[][] {
  const local = lang.doc === doc ? op : findOperation(lang.doc, op.group, op.request);
  return op.params
    .map((p, i) => ({ p, text: local.params[i]?.description ?? p.description }))
    .filter(({ p }) => p.in === where)
    .map(({ p, text }) => [
      `\`${p.name}\``,
      p.schema.type === 'array' ? `${String(p.schema.items?.type ?? 'string')}[]` : typeLabel(doc, p.schema),
      p.required ? lang.yes : lang.no,
      p.schema.default === undefined ? '' : `\`${String(p.schema.default)}\``,
      cell([text, constraints(p.schema as Raw, p.description, lang)].filter(Boolean).join(' ')),
    ]);
}

/**
 * The authorization line of an endpoint page, from the security scheme the operation
 * requires (`bearerAuth`: `http` / `bearer`): the header, its form, a link to the guide.
 * Undefined for an operation that needs none.
 */
export function authorizationLine(doc: OpenApiDocument, op: Pick<OperationModel, 'path' | 'method'>, lang: PageLanguage = englishLanguage(doc)): string | undefined {
  const raw = rawOperation(doc, op);
  const requirements = (Array.isArray(raw.security) ? raw.security : (doc.security ?? [])) as Raw[];
  const name = requirements.flatMap((r) => (isObject(r) ? Object.keys(r) : []))[0];
  if (!name) return undefined;
  const schemes = (isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {}) as Raw;
  const scheme = schemes[name];
  if (!isObject(scheme)) throw new Error(`${op.method} ${op.path}: security scheme "${name}" is not in components.securitySchemes`);
  let header: string;
  let form: string;
  if (scheme.type === 'http' && typeof scheme.scheme === 'string') {
    header = 'Authorization';
    const word = scheme.scheme.charAt(0).toUpperCase() + scheme.scheme.slice(1).toLowerCase();
    form = `${header}: ${word} <YOUR_API_KEY>`;
  } else if (scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
    header = scheme.name;
    form = `${header}: <YOUR_API_KEY>`;
  } else {
    throw new Error(`${op.method} ${op.path}: security scheme "${name}" (${String(scheme.type)}) has no authorization line; add one in tools/pages/render.ts`);
  }
  return lang.phrase('endpoint.authorization', { header: `\`${header}\``, example: `\`${form}\``, guide: AUTH_GUIDE });
}

export function renderEndpointPage(doc: OpenApiDocument, op: OperationModel, lang: PageLanguage = englishLanguage(doc)): string {
  const local = lang.doc === doc ? op : findOperation(lang.doc, op.group, op.request);
  const raw = rawOperation(lang.doc, op);
  const title = `${op.method} ${displayPath(op.path)}`;
  const description = String(raw.description ?? local.summary).trim();
  const out: string[] = [
    '---',
    `title: ${title}`,
    `sidebar_label: ${yamlValue(local.summary)}`,
    `description: ${JSON.stringify(local.summary.endsWith('.') ? local.summary : `${local.summary}.`)}`,
    '---',
    '',
    // No import: plugins/remark-request-tabs.ts adds it to every page that uses <RequestTabs/>.
    `# ${title}`,
    '',
    description,
    '',
  ];
  const auth = authorizationLine(doc, op, lang);
  if (auth) out.push(auth, '');
  const columns = (...ids: PhraseId[]) => ids.map((id) => lang.phrase(id));
  const path = paramRows(doc, op, 'path', lang);
  if (path.length) out.push(`## ${lang.phrase('endpoint.pathParameters')}`, '', table(columns('column.parameter', 'column.type', 'column.required', 'column.default', 'column.description'), path), '');
  const query = paramRows(doc, op, 'query', lang);
  if (query.length) out.push(`## ${lang.phrase('endpoint.queryParameters')}`, '', table(columns('column.parameter', 'column.type', 'column.required', 'column.default', 'column.description'), query), '');
  const body = rawOperation(doc, op).requestBody as Raw | undefined;
  if (body) {
    const bodySchema = (d: OpenApiDocument) => (((rawOperation(d, op).requestBody as Raw).content as Raw)['application/json'] as Raw).schema;
    const rows = languageRows(doc, lang, bodySchema).map((r) => [`\`${r.name}\``, r.type, r.required ? lang.yes : lang.no, r.description]);
    if (rows.length) {
      out.push(
        `## ${lang.phrase('endpoint.requestBody')}`,
        '',
        table(columns('column.field', 'column.type', 'column.required', 'column.description'), rows),
        '',
        fieldTreeTag({ endpoint: op.group, request: op.request, of: 'body' }),
        '',
      );
    }
  }
  out.push(`## ${lang.phrase('endpoint.exampleRequest')}`, '', `<RequestTabs endpoint='${op.group}' request="${op.request}"/>`, '');
  const success = successResponse(doc, op);
  const responseRows = success.schema ? languageRows(doc, lang, (d) => successResponse(d, op).schema) : [];
  out.push(`## ${lang.phrase('endpoint.response')}`, '');
  if (responseRows.length) {
    out.push(
      lang.phrase('endpoint.answers', { status: `\`${success.status}\`` }),
      '',
      table(columns('column.field', 'column.type', 'column.description'), responseRows.map((r) => [`\`${r.name}\``, r.type, r.description])),
      '',
      fieldTreeTag({ endpoint: op.group, request: op.request, of: 'response' }),
      '',
    );
  } else {
    out.push(lang.phrase('endpoint.answersEmpty', { status: `\`${success.status}\`` }), '');
  }
  op.examples.forEach((example, i) => {
    const summary = local.examples[i]?.summary ?? example.summary;
    out.push(
      i === 0 ? `## ${lang.phrase('endpoint.exampleResponse')}` : `## ${lang.phrase('endpoint.exampleResponseNamed', { summary: cell(summary) }, { summary: example.summary })}`,
      '',
    );
    if (i === 0 && example.summary && example.summary !== 'Example' && example.summary !== 'default') out.push(`${cell(upperInitial(summary))}.`, '');
    out.push('```json title=response.json', JSON.stringify(example.value, null, 2), '```', '');
  });
  const errors = errorRows(doc, op);
  if (errors.length) {
    const when = lang.doc === doc ? errors : errorRows(lang.doc, op);
    out.push(
      `## ${lang.phrase('endpoint.errors')}`,
      '',
      table(
        [lang.phrase('column.status'), '`error.code`', lang.phrase('column.when')],
        errors.map((e, i) => [`\`${e.status}\``, e.code ? `\`${e.code}\`` : '', when[i]?.when ?? e.when]),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function objectTables(doc: OpenApiDocument, name: string): string[][] {
  return [fieldRows(doc, { $ref: `#/components/schemas/${name}` }).map((r) => r.name)];
}

export function renderObjectPage(doc: OpenApiDocument, name: string, example: unknown, lang: PageLanguage = englishLanguage(doc)): string {
  const schema = resolvePointer(lang.doc, `#/components/schemas/${name}`) as Raw;
  const rows = languageRows(doc, lang, () => ({ $ref: `#/components/schemas/${name}` })).map((r) => [`\`${r.name}\``, r.type, r.required ? lang.yes : lang.no, r.description]);
  const out = [
    '---',
    `title: ${name}`,
    `sidebar_label: ${name}`,
    `description: ${JSON.stringify(lang.phrase('object.description', { name }))}`,
    '---',
    '',
    `# ${name}`,
    '',
    String(schema.description ?? '').trim(),
    '',
    `## ${lang.phrase('object.fields')}`,
    '',
    table([lang.phrase('column.field'), lang.phrase('column.type'), lang.phrase('column.alwaysPresent'), lang.phrase('column.description')], rows),
    '',
    fieldTreeTag({ object: name }),
    '',
  ];
  if (example !== undefined) out.push(`## ${lang.phrase('object.example')}`, '', `\`\`\`json title=${snake(name)}.json`, JSON.stringify(example, null, 2), '```', '');
  return `${out.join('\n').trimEnd()}\n`;
}

export { operationModels };

export interface WebhookEventInfo {
  event: string;
  summary: string;
  description: string;
  schemaName: string;
  example: unknown;
}

export function webhookEvents(doc: OpenApiDocument): WebhookEventInfo[] {
  const hooks = (doc.webhooks ?? {}) as Record<string, { post: Raw }>;
  return Object.entries(hooks).map(([event, hook]) => {
    const json = ((hook.post.requestBody as Raw).content as Raw)['application/json'] as Raw;
    return {
      event,
      summary: String(hook.post.summary ?? event),
      description: String(hook.post.description ?? '').trim(),
      schemaName: String(hook.post['x-event-schema'] ?? ''),
      example: json.example,
    };
  });
}

export function webhookTables(doc: OpenApiDocument, info: WebhookEventInfo): string[][] {
  return [['event', 'payload'], fieldRows(doc, { $ref: `#/components/schemas/${info.schemaName}` }).map((r) => r.name)];
}

export function renderWebhookPage(doc: OpenApiDocument, info: WebhookEventInfo, lang: PageLanguage = englishLanguage(doc)): string {
  const local = lang.doc === doc ? info : (webhookEvents(lang.doc).find((w) => w.event === info.event) ?? info);
  const payloadType = (OBJECT_TYPES as readonly string[]).includes(info.schemaName)
    ? `[${info.schemaName}](/${objectDocPath(info.schemaName)})`
    : info.schemaName;
  const rows = languageRows(doc, lang, () => ({ $ref: `#/components/schemas/${info.schemaName}` })).map((r) => [`\`${r.name}\``, r.type, r.required ? lang.yes : lang.no, r.description]);
  const out = [
    '---',
    `title: ${info.event}`,
    `sidebar_label: ${info.event}`,
    `description: ${JSON.stringify(local.summary.endsWith('.') ? local.summary : `${local.summary}.`)}`,
    '---',
    '',
    `# ${info.event}`,
    '',
    local.description || local.summary,
    '',
    `## ${lang.phrase('webhook.delivery')}`,
    '',
    table([lang.phrase('column.field'), lang.phrase('column.type'), lang.phrase('column.description')], [
      ['`event`', 'string', lang.phrase('webhook.event', { event: `\`${info.event}\`` })],
      ['`payload`', payloadType, lang.phrase('webhook.payloadCell')],
    ]),
    '',
    `## ${lang.phrase('webhook.payload')}`,
    '',
    table([lang.phrase('column.field'), lang.phrase('column.type'), lang.phrase('column.alwaysPresent'), lang.phrase('column.description')], rows),
    '',
    fieldTreeTag({ webhook: info.event }),
    '',
    `## ${lang.phrase('webhook.example')}`,
    '',
    '```json title=delivery.json',
    JSON.stringify(info.example, null, 2),
    '```',
    '',
  ];
  return `${out.join('\n').trimEnd()}\n`;
}
