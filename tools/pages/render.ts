/**
 * Pure renderers: the spec -> English reference pages (endpoint, object type,
 * webhook event) in the house MDX shape, and the table rows each page must
 * list (used by the agreement test for every locale). No I/O.
 */
import type { OpenApiDocument } from '../../src/lib/api/model';
import { deref, operationModels, resolvePointer } from '../../src/lib/api/model';
import type { OperationModel } from '../../src/lib/api/types';
import { displayPath, OBJECT_TYPES, objectDocPath, snake } from '../../src/lib/docs/paths';
import { isObject } from '../../src/lib/isObject';

type Raw = Record<string, unknown>;

/** Pages written by hand (the seeds' shape); every other reference page is rendered from the spec. */
export const HANDWRITTEN: ReadonlySet<string> = new Set(['api/reference/contacts_api/get_contacts', 'api/reference/object_types/contact']);

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

/** Constraints in words, appended to a description. */
export function constraints(schema: Raw, description: string = String(schema.description ?? '')): string {
  const parts: string[] = [];
  const said = description.toLowerCase();
  if (Array.isArray(schema.enum)) parts.push(`One of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}.`);
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
    if (!said.includes(`${schema.minimum} to ${schema.maximum}`)) parts.push(`From ${schema.minimum} to ${schema.maximum}.`);
  }
  else if (typeof schema.minimum === 'number') parts.push(`At least ${schema.minimum}.`);
  else if (typeof schema.maximum === 'number') parts.push(`At most ${schema.maximum}.`);
  if (typeof schema.maxLength === 'number') parts.push(`At most ${schema.maxLength} characters.`);
  if (schema.format === 'date-time' && !/ISO 8601/.test(description)) parts.push('ISO 8601, UTC.');
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

function descriptionOf(schema: Raw, fallback = ''): string {
  const d = typeof schema.description === 'string' ? schema.description : fallback;
  return cell([d, constraints(schema)].filter(Boolean).join(' '));
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

/** Fields of an object schema, one level of nested plain objects flattened as `a.b`. */
export function fieldRows(doc: OpenApiDocument, schema: unknown, prefix = ''): Array<{ name: string; type: string; required: boolean; description: string; raw: Raw }> {
  const resolved = refName(schema) && !prefix ? componentSchemaShallow(doc, refName(schema)!) : (schema as Raw);
  if (!isObject(resolved) || !isObject(resolved.properties)) return [];
  const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
  const rows: Array<{ name: string; type: string; required: boolean; description: string; raw: Raw }> = [];
  for (const [name, prop] of Object.entries(resolved.properties)) {
    const full = prefix ? `${prefix}.${name}` : name;
    const derefd = deref(doc, prop) as Raw;
    rows.push({ name: full, type: typeLabel(doc, prop), required: required.has(name), description: descriptionOf(derefd), raw: derefd });
    if (!refName(prop) && derefd.type === 'object' && isObject(derefd.properties) && !prefix) {
      rows.push(...fieldRows(doc, derefd, full));
    }
  }
  return rows;
}

function rawOperation(doc: OpenApiDocument, op: OperationModel): Raw {
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
export function errorRows(doc: OpenApiDocument, op: OperationModel): ErrorRow[] {
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

function paramRows(doc: OpenApiDocument, op: OperationModel, where: 'path' | 'query'): string[][] {
  return op.params
    .filter((p) => p.in === where)
    .map((p) => [
      `\`${p.name}\``,
      p.schema.type === 'array' ? `${String(p.schema.items?.type ?? 'string')}[]` : typeLabel(doc, p.schema),
      p.required ? 'yes' : 'no',
      p.schema.default === undefined ? '' : `\`${String(p.schema.default)}\``,
      cell([p.description, constraints(p.schema as Raw, p.description)].filter(Boolean).join(' ')),
    ]);
}

export function renderEndpointPage(doc: OpenApiDocument, op: OperationModel): string {
  const raw = rawOperation(doc, op);
  const title = `${op.method} ${displayPath(op.path)}`;
  const description = String(raw.description ?? op.summary).trim();
  const out: string[] = [
    '---',
    `title: ${title}`,
    `sidebar_label: ${op.summary}`,
    `description: ${JSON.stringify(op.summary.endsWith('.') ? op.summary : `${op.summary}.`)}`,
    '---',
    '',
    'import RequestTabs from "@site/src/components/Requests/RequestTabs"',
    '',
    `# ${title}`,
    '',
    description,
    '',
  ];
  const path = paramRows(doc, op, 'path');
  if (path.length) out.push('## Path Parameters', '', table(['Parameter', 'Type', 'Required', 'Default', 'Description'], path), '');
  const query = paramRows(doc, op, 'query');
  if (query.length) out.push('## Query Parameters', '', table(['Parameter', 'Type', 'Required', 'Default', 'Description'], query), '');
  const body = raw.requestBody as Raw | undefined;
  if (body) {
    const json = (body.content as Raw)['application/json'] as Raw;
    const rows = fieldRows(doc, json.schema).map((r) => [`\`${r.name}\``, r.type, r.required ? 'yes' : 'no', r.description]);
    if (rows.length) out.push('## Request Body', '', table(['Field', 'Type', 'Required', 'Description'], rows), '');
  }
  out.push('## Example Request', '', `<RequestTabs endpoint='${op.group}' request="${op.request}"/>`, '');
  const success = successResponse(doc, op);
  const responseRows = success.schema ? fieldRows(doc, success.schema) : [];
  out.push('## Response', '');
  if (responseRows.length) {
    out.push(
      `The API answers \`${success.status}\` with:`,
      '',
      table(['Field', 'Type', 'Description'], responseRows.map((r) => [`\`${r.name}\``, r.type, r.description])),
      '',
    );
  } else {
    out.push(`The API answers \`${success.status}\` with an empty body.`, '');
  }
  op.examples.forEach((example, i) => {
    out.push(i === 0 ? '## Example Response' : `## Example Response: ${cell(example.summary)}`, '');
    if (i === 0 && example.summary && example.summary !== 'Example' && example.summary !== 'default') out.push(`${cell(example.summary)}.`, '');
    out.push('```json title=response.json', JSON.stringify(example.value, null, 2), '```', '');
  });
  const errors = errorRows(doc, op);
  if (errors.length) {
    out.push('## Errors', '', table(['Status', '`error.code`', 'When'], errors.map((e) => [`\`${e.status}\``, e.code ? `\`${e.code}\`` : '', e.when])), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function objectTables(doc: OpenApiDocument, name: string): string[][] {
  return [fieldRows(doc, { $ref: `#/components/schemas/${name}` }).map((r) => r.name)];
}

export function renderObjectPage(doc: OpenApiDocument, name: string, example: unknown): string {
  const schema = resolvePointer(doc, `#/components/schemas/${name}`) as Raw;
  const rows = fieldRows(doc, { $ref: `#/components/schemas/${name}` }).map((r) => [`\`${r.name}\``, r.type, r.required ? 'yes' : 'no', r.description]);
  const out = [
    '---',
    `title: ${name}`,
    `sidebar_label: ${name}`,
    `description: ${JSON.stringify(`The ${name} object, field by field.`)}`,
    '---',
    '',
    `# ${name}`,
    '',
    String(schema.description ?? '').trim(),
    '',
    '## Fields',
    '',
    table(['Field', 'Type', 'Always present', 'Description'], rows),
    '',
  ];
  if (example !== undefined) out.push('## Example', '', `\`\`\`json title=${snake(name)}.json`, JSON.stringify(example, null, 2), '```', '');
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

export function renderWebhookPage(doc: OpenApiDocument, info: WebhookEventInfo): string {
  const payloadType = (OBJECT_TYPES as readonly string[]).includes(info.schemaName)
    ? `[${info.schemaName}](/${objectDocPath(info.schemaName)})`
    : info.schemaName;
  const rows = fieldRows(doc, { $ref: `#/components/schemas/${info.schemaName}` }).map((r) => [`\`${r.name}\``, r.type, r.required ? 'yes' : 'no', r.description]);
  const out = [
    '---',
    `title: ${info.event}`,
    `sidebar_label: ${info.event}`,
    `description: ${JSON.stringify(info.summary.endsWith('.') ? info.summary : `${info.summary}.`)}`,
    '---',
    '',
    `# ${info.event}`,
    '',
    info.description || info.summary,
    '',
    '## Delivery',
    '',
    table(['Field', 'Type', 'Description'], [
      ['`event`', 'string', `Always \`${info.event}\`.`],
      ['`payload`', payloadType, 'The data of the event, described below.'],
    ]),
    '',
    '## Payload',
    '',
    table(['Field', 'Type', 'Always present', 'Description'], rows),
    '',
    '## Example',
    '',
    '```json title=delivery.json',
    JSON.stringify(info.example, null, 2),
    '```',
    '',
  ];
  return `${out.join('\n').trimEnd()}\n`;
}
