/**
 * The "try it" panel accepts exactly what the sandbox accepts. For every
 * operation of openapi/openapi.yaml, values are generated for every path and
 * query parameter and every body field (nested keys, list items, free-form
 * keys, the body as a whole): valid ones, boundaries (minimum/maximum ±1,
 * lengths ±1 in ASCII and in emoji, the safe-integer edges, formats,
 * patterns) and hostile ones (outer spaces, `1.0`, `1e3`, `0x1`, empty,
 * unicode, very long, wrong JSON types, nulls, extra and forbidden keys,
 * broken JSON). Each case is the operation's documented request with one
 * value changed. The panel's verdict (`validateRequest`, on the values as
 * typed) is compared with the sandbox's real answer (`app.request`,
 * in-process, to the request the panel builds):
 *   - the panel refuses parameters <=> the sandbox answers 400
 *     invalid_parameter naming exactly those parameters;
 *   - the panel refuses body keys <=> the sandbox answers 400 invalid_body
 *     naming exactly those keys (a body it does not send: "is required"; bad
 *     JSON: "must be valid JSON");
 *   - the panel accepts <=> the sandbox names no parameter and no body key
 *     with a rule of the schema (it may still refuse by account data: an
 *     unknown tag, team or template is 400 with the account's own words, an
 *     unknown id 404);
 *   - a URL over 8192 characters: the panel refuses it, the sandbox too.
 * Only the panel refuses raw control characters, lone surrogates and `.`/`..`
 * path values (it never sends them as they are): those cases are counted apart.
 * Every rule the schemas state is exercised (a test lists the rules no case
 * broke), and Ajv 2020, the library, gives the same verdict as the shared
 * schema checks on every value. Seeded and bounded: the same cases every run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { OperationModel, RequestValues, Schema } from '../../src/lib/api/types';
import { buildRequest, exampleValues } from '../../src/lib/request/build';
import { validateRequest, type ValidationIssue } from '../../src/lib/request/validate';
import { checkBodyText, parseJson } from '../../src/lib/validation/body';
import { fieldName, type JsonPath } from '../../src/lib/validation/issues';
import { checkParam, convertText, mainType, MAX_URL_LENGTH } from '../../src/lib/validation/params';
import { satisfies } from '../../src/lib/validation/schema';
import { describeBodySchema } from '../src/body';
import { mulberry32 } from '../src/data/seed';
import { DOCS_DEMO_API_KEY } from '../src/keys';
import { createAjv } from '../src/validate';
import { makeSandbox, ops, type ErrorJson } from './helpers';

const SEED = 0x9a9e2026;
const BASE_URL = 'http://localhost/v1';

// The seed data's own seeded generator, so every run builds the same cases.
const r = mulberry32(SEED);
const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
const digits = (n: number) => Array.from({ length: n }, (_, i) => String((i === 0 ? 1 : 0) + Math.floor(r() * (i === 0 ? 9 : 10)))).join('');

const EMOJI = '😀';
const LONG = 'x'.repeat(9000);

/** Values of a known pattern: valid ones first, then ones it refuses. */
const PATTERN_SAMPLES: Array<{ test: (pattern: string) => boolean; valid: () => string[]; invalid: () => string[] }> = [
  {
    test: (p) => p === '^[0-9a-f]{32}$',
    valid: () => [hex(32), '0'.repeat(32), 'f'.repeat(32)],
    invalid: () => [hex(31), hex(33), hex(32).toUpperCase(), `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`, `g${hex(31)}`, `${hex(32)}\n`],
  },
  {
    test: (p) => p.startsWith('^[0-9a-f]{8}-[0-9a-f]{4}'),
    valid: () => [uuid(), '00000000-0000-0000-0000-000000000000'],
    invalid: () => [uuid().toUpperCase(), uuid().replace(/-/g, ''), `{${uuid()}}`, uuid().slice(1), `${uuid()}0`],
  },
  {
    test: (p) => p === '^\\+?[0-9]{5,15}$',
    valid: () => [digits(5), digits(15), `+${digits(11)}`],
    invalid: () => [digits(4), digits(16), `+${digits(4)}`, `${digits(3)} ${digits(4)}`, '++12345', '١٢٣٤٥٦', '12345-6'],
  },
  {
    test: (p) => p.startsWith('^(contact|conversation)'),
    valid: () => ['contact', 'conversation', 'contact,conversation', 'conversation,conversation'],
    invalid: () => ['Contact', 'contact,', 'contact, conversation', 'contact,conversation,contact', 'contacts'],
  },
  {
    test: (p) => p.startsWith('^(?![\\s\\S]*[\\t\\n\\r])https?://'),
    valid: () => ['https://hooks.example.org/callbell', 'http://example.net:8080/x?y=1#z', 'https://user@hooks.example.org/a'],
    invalid: () => [
      'http://localhost/hook',
      'http://127.0.0.1:9000/',
      'http://[::1]/',
      'https://2130706433/',
      'http://0x7f.0.0.1/',
      'https://LOCALHOST./x',
      'ftp://example.org/',
      'https://exa%6dple.org/',
      'https://ex\u00e4mple.org/',
      'https://example.org/\nx',
    ],
  },
];

const EMAILS = { valid: ['ana@example.com', 'a.b+c@sub.example.co'], invalid: ['ana', 'ana@', '@example.com', 'ana@example', 'a b@example.com', 'ánä@example.com', 'ana@example.com '] };
const URIS = { valid: ['https://example.com/a.png', 'http://example.org/x?y=1'], invalid: ['not a url', '/relative/path', 'example.com', 'https://exa mple.com/'] };

/** Texts for a string schema: valid and boundary values by its rules, then hostile ones. */
function stringSamples(schema: Schema, example?: string): string[] {
  const out = new Set<string>();
  if (example !== undefined) out.add(example);
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) {
      const text = String(value);
      out.add(text).add(text.toUpperCase()).add(` ${text}`).add(`${text} `).add(`${text}\u200b`);
    }
  }
  if (typeof schema.pattern === 'string') {
    const known = PATTERN_SAMPLES.find((sample) => sample.test(schema.pattern!));
    for (const text of [...(known?.valid() ?? []), ...(known?.invalid() ?? [])]) out.add(text);
    for (const text of [...out].slice(0, 3)) out.add(` ${text}`).add(`${text} `).add(text.slice(0, -1));
  }
  if (schema.format === 'email') for (const text of [...EMAILS.valid, ...EMAILS.invalid]) out.add(text);
  if (schema.format === 'uri') for (const text of [...URIS.valid, ...URIS.invalid]) out.add(text);
  const { minLength: min, maxLength: max } = schema;
  for (const n of [min, max]) {
    if (typeof n !== 'number') continue;
    for (const length of [n - 1, n, n + 1]) {
      if (length < 0) continue;
      out.add('a'.repeat(length)).add(EMOJI.repeat(length));
    }
    if (n > 1) out.add(`${'e\u0301'.repeat(Math.floor(n / 2))}`);
  }
  for (const text of ['vip', 'Zoë Ünïcode', 'a b', 'a,b', '%', '%00', '+', '&page=2', '?x', '#x', '/', 'a/b', '.', '..', '', ' ', EMOJI, '\u202eabc', 'null', '1', LONG.slice(0, 300)]) {
    out.add(text);
  }
  return [...out];
}

/** Texts for one parameter (as typed in the panel). */
function paramTexts(schema: Schema, example?: string): string[] {
  const type = mainType(schema);
  const hostile = ['', ' ', 'null', 'true', 'abc', '\u0000', '\t', '\u007f', '\ud800', EMOJI, LONG];
  if (type === 'integer' || type === 'number') {
    const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
    const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
    const numbers = [1, 2, 0, -1, min, min === undefined ? undefined : min - 1, min === undefined ? undefined : min + 1, max, max === undefined ? undefined : max - 1, max === undefined ? undefined : max + 1];
    const texts = numbers.filter((n): n is number => n !== undefined).map(String);
    return [
      ...texts,
      String(Number.MAX_SAFE_INTEGER),
      String(Number.MAX_SAFE_INTEGER + 1),
      String(Number.MIN_SAFE_INTEGER),
      '-9007199254740992',
      '99999999999999999999',
      '1.0',
      '1.5',
      '1e3',
      '0x1',
      '+1',
      '01',
      '-0',
      ' 2',
      '2 ',
      '２',
      '٣',
      '1_000',
      'Infinity',
      'NaN',
      ...hostile,
      ...(example === undefined ? [] : [example]),
    ];
  }
  if (type === 'boolean') return ['true', 'false', 'TRUE', 'True', '1', '0', 'yes', ' true', 'false ', ...hostile];
  if (type === 'array') {
    const items = stringSamples(schema.items ?? {}).filter((s) => !s.includes(','));
    const valid = items.filter((s) => satisfies(schema.items ?? {}, s) && s.trim() === s && s !== '');
    const [a = 'x', b = 'y'] = valid;
    return [a, `${a},${b}`, ` ${a} , ${b} `, `${a},,${b}`, `${a},`, ',', `${a},${a}`, ...items.slice(0, 40).map((item) => `${a},${item}`), ...hostile];
  }
  return [...stringSamples(schema, example), ...hostile];
}

/** JSON values for a body field of this schema: valid, boundary, hostile and mistyped. */
function jsonSamples(schema: Schema, example: unknown, depth = 0): unknown[] {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const wrong: unknown[] = [null, 0, 1.5, -1, true, false, '', 'x', [], {}, ['x'], { a: 1 }];
  const out: unknown[] = example === undefined ? [] : [example];
  if (types.includes('string') || Array.isArray(schema.enum)) out.push(...stringSamples(schema, typeof example === 'string' ? example : undefined));
  if (types.includes('boolean')) out.push(true, false, 'true', 0, 1);
  if (types.includes('array') && depth < 3) {
    const itemSamples = jsonSamples(schema.items ?? {}, undefined, depth + 1);
    const valid = itemSamples.filter((item) => satisfies(schema.items ?? {}, item));
    const [a, b] = valid;
    out.push([], [a], [a, b], [a, a], [a, b, a], 'a,b');
    for (const item of [...itemSamples.slice(0, 30), null, 1, true, {}, []]) out.push([a, item]);
    out.push(Array.from({ length: 11 }, (_, i) => valid[i % valid.length]));
  }
  if (types.includes('object') && depth < 3) out.push({}, { zzz: 'x' }, 'x');
  return [...out, ...wrong];
}

interface Case {
  /** What changed: `query.page`, `path.uuid`, `body` or `body:content.text`. */
  target: string;
  values: RequestValues;
}

/**
 * A copy of `root` with the key at `path` set to `value` (removed for undefined); missing
 * objects on the way are created. Keys are defined, not assigned, so `__proto__` is a key too.
 */
function withPath(root: Record<string, unknown>, path: JsonPath, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string, unknown> = copy;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment as string];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[segment as string] = {};
    node = node[segment as string] as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Keys a free-form object (additionalProperties) is given: ordinary, empty, long, unicode, Object.prototype members. */
const FREE_KEYS = ['Plan', 'k', '', 'x'.repeat(50), 'x'.repeat(51), 'Zoë', 'toString', 'a.b', '0'];

/** Body cases: every property of every object of the schema (recursively), then the body as a whole. */
function bodyCases(op: OperationModel, base: RequestValues): Case[] {
  const schema = op.body!.schema;
  const baseBody = parseJson(base.body ?? '{}');
  const root = (baseBody.ok && typeof baseBody.value === 'object' && baseBody.value !== null ? baseBody.value : {}) as Record<string, unknown>;
  const cases: Case[] = [];
  const add = (target: string, text: string) => cases.push({ target, values: { ...base, body: text } });
  const visit = (objectSchema: Schema, path: JsonPath, current: Record<string, unknown>) => {
    for (const [name, child] of Object.entries(objectSchema.properties ?? {})) {
      const at = [...path, name];
      for (const value of jsonSamples(child, current[name])) add(`body:${fieldName(at)}`, JSON.stringify(withPath(root, at, value), null, 2));
      add(`body:${fieldName(at)}`, JSON.stringify(withPath(root, at, undefined)));
      if (child.properties || typeof child.additionalProperties === 'object') visit(child, at, (current[name] as Record<string, unknown> | undefined) ?? {});
    }
    const extra = objectSchema.additionalProperties;
    if (typeof extra === 'object' && extra !== null) {
      const names = objectSchema.propertyNames as Schema | undefined;
      const free = `body:${fieldName(path)}.*`;
      for (const key of FREE_KEYS) add(free, JSON.stringify(withPath(root, [...path, key], jsonSamples(extra, undefined)[0] ?? 'x')));
      for (const value of jsonSamples(extra, undefined)) add(free, JSON.stringify(withPath(root, [...path, 'Plan'], value)));
      if (typeof objectSchema.maxProperties === 'number' && path.length > 0) {
        for (const size of [objectSchema.maxProperties, objectSchema.maxProperties + 1]) {
          const keys = Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${i}`, 'v']));
          add(`body:${fieldName(path)}`, JSON.stringify(withPath(root, path, keys)));
        }
      }
      if (names) add(free, JSON.stringify(withPath(root, [...path, ''], 'v')));
    }
    // Probes that must be refused (target `body!…`): an unknown key, and the keys that could pollute prototypes.
    for (const key of ['zzz', '__proto__', 'constructor', 'prototype']) {
      if (Object.hasOwn(objectSchema.properties ?? {}, key)) continue;
      add(`body!${fieldName(path, key)}`, JSON.stringify(withPath(root, [...path, key], { polluted: true })));
    }
  };
  visit(schema, [], root);
  // A dependent key with and without the keys it needs, and neither of two alternative keys.
  for (const [property, needed] of Object.entries((schema.dependentRequired as Record<string, string[]> | undefined) ?? {})) {
    const valid = (s: Schema) => jsonSamples(s, undefined).find((value) => satisfies(s, value));
    const value = valid(schema.properties?.[property] ?? {});
    add(`body:${property}`, JSON.stringify({ ...root, [property]: value }));
    add(`body:${property}`, JSON.stringify({ ...root, [property]: value, ...Object.fromEntries(needed.map((name) => [name, valid(schema.properties?.[name] ?? {})])) }));
  }
  if (Array.isArray(schema.anyOf)) {
    const stripped = { ...root };
    for (const branch of schema.anyOf as Schema[]) for (const name of branch.required ?? []) delete stripped[name];
    add('body', JSON.stringify(stripped));
  }
  const text = base.body ?? '{}';
  for (const whole of [
    'null',
    '[]',
    '"name"',
    '42',
    '{}',
    '',
    '   ',
    '{',
    '{"a": 1,}',
    "{'a': 1}",
    `${text} trailing`,
    `/* note */ ${text}`,
    `\ufeff${text}`,
    `\ufeff\ufeff${text}`,
    `{"x": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
    `{"a": "\t"}`,
    JSON.stringify(root, null, '\t'),
    `[${text}]`,
  ]) {
    add('body', whole);
  }
  return cases;
}

/** Parameter cases: every path and query parameter, each value typed alone into the documented request. */
function paramCases(op: OperationModel, base: RequestValues): Case[] {
  const cases: Case[] = [];
  for (const param of op.params) {
    if (param.in !== 'path' && param.in !== 'query') continue;
    const current = param.in === 'path' ? base.path?.[param.name] : base.query?.[param.name];
    const example = current === undefined ? undefined : Array.isArray(current) ? current.join(',') : String(current);
    for (const text of paramTexts(param.schema, example)) {
      const values: RequestValues =
        param.in === 'path'
          ? { ...base, path: { ...base.path, [param.name]: text } }
          : { ...base, query: { ...base.query, [param.name]: text } };
      cases.push({ target: `${param.in}.${param.name}`, values });
    }
  }
  return cases;
}

/** What a case showed: the panel's issues and the sandbox's answer. */
interface Outcome {
  target: string;
  /** The changed value, shortened, for messages. */
  shown: string;
  panel: ValidationIssue[];
  status: number;
  answer: ErrorJson | undefined;
}

/**
 * Refusals only the panel makes, about what it cannot or will not send: raw control characters,
 * lone surrogates, and path values no URL carries (empty, `.`, `..`).
 */
const panelOnly = (issue: ValidationIssue) =>
  ['controlCharacter', 'loneSurrogate', 'pathSegment'].includes(issue.code) || (issue.field.startsWith('path.') && issue.code === 'required');

/** Whether the sandbox's schema checks give this message at this body key (its account rules use other words). */
function isSchemaMessage(op: OperationModel, name: string, message: string): boolean {
  if (['is required', 'is not a known key'].includes(message)) return true;
  if (/^(is required when|is required unless|is not an allowed key|must be valid JSON|must be UTF-8)/.test(message)) return true;
  const path = name === 'body' ? [] : name.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '');
  let schema: Schema | undefined = op.body?.schema;
  for (const segment of path) {
    if (!schema) break;
    schema = /^\d+$/.test(segment) && schema.items ? schema.items : (schema.properties?.[segment] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined));
  }
  // The sandbox leaves the webhook URL's pattern to its own check (with its exception), so both wordings count.
  return schema !== undefined && (message === describeBodySchema(schema) || message === describeBodySchema({ ...schema, pattern: undefined }));
}

function compare(op: OperationModel, outcome: Outcome): string | undefined {
  const { panel, status, answer } = outcome;
  const error = answer?.error;
  const fields = error?.fields ?? [];
  const show = () => `panel ${JSON.stringify(panel.map((i) => `${i.field}:${i.code}${i.params.key ? `@${i.params.key}` : ''}`))}, sandbox ${status} ${JSON.stringify(fields.map((f) => `${f.in}.${f.name}: ${f.message}`))}`;
  if (status >= 500) return `a ${status}: ${show()}`;
  if (panel.some(panelOnly)) return undefined;
  if (panel.some((issue) => issue.code === 'urlTooLong')) {
    return status === 400 && error?.code === 'invalid_parameter' && fields.some((f) => f.message.startsWith('makes the URL longer')) ? undefined : `URL length: ${show()}`;
  }
  const paramIssues = panel.filter((issue) => issue.field.startsWith('query.') || issue.field.startsWith('path.'));
  if (paramIssues.length > 0) {
    const expected = paramIssues.map((issue) => issue.field).sort();
    const got = error?.code === 'invalid_parameter' ? fields.map((f) => `${f.in}.${f.name}`).sort() : [];
    return JSON.stringify(expected) === JSON.stringify(got) ? undefined : `parameters: ${show()}`;
  }
  if (error?.code === 'invalid_parameter') return `the sandbox refused a parameter the panel accepted: ${show()}`;
  const bodyIssues = panel.filter((issue) => issue.field === 'body');
  if (bodyIssues.length > 0) {
    const expected = [...new Set(bodyIssues.map((issue) => (issue.code === 'bodyRequired' || issue.code === 'jsonSyntax' ? 'body' : String(issue.params.key))))].sort();
    const got = error?.code === 'invalid_body' ? [...new Set(fields.map((f) => f.name))].sort() : [];
    if (JSON.stringify(expected) !== JSON.stringify(got)) return `body keys: ${show()}`;
    if (bodyIssues.some((i) => i.code === 'jsonSyntax') && !fields.some((f) => f.message.startsWith('must be valid JSON'))) return `JSON syntax: ${show()}`;
    return undefined;
  }
  if (error?.code === 'invalid_body') {
    const schemaRefusal = fields.find((f) => f.in !== 'body' || isSchemaMessage(op, f.name, f.message));
    if (schemaRefusal) return `the sandbox refused a body the panel accepted: ${show()}`;
  }
  return undefined;
}

async function run(op: OperationModel, cases: Case[]): Promise<Outcome[]> {
  const { app } = makeSandbox({ rateLimit: { limit: 1e9, windowMs: 1000 }, webhookHosts: [], deliver: async () => ({ status: 200 }) });
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    const panel = validateRequest(op, c.values, { apiKey: DOCS_DEMO_API_KEY, baseUrl: BASE_URL });
    const request = buildRequest(op, c.values, { baseUrl: BASE_URL, apiKey: DOCS_DEMO_API_KEY });
    const res = await app.request(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
    const text = await res.text();
    const changed = c.target.startsWith('query.') ? c.values.query?.[c.target.slice(6)] : c.target.startsWith('path.') ? c.values.path?.[c.target.slice(5)] : c.values.body;
    outcomes.push({ target: c.target, shown: JSON.stringify(changed)?.slice(0, 60) ?? 'undefined', panel, status: res.status, answer: res.status >= 400 && text ? (JSON.parse(text) as ErrorJson) : undefined });
  }
  return outcomes;
}

const results = new Map<string, { cases: number; panelOnly: number; refused: number; accepted: number }>();

describe('the panel accepts exactly what the sandbox accepts', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(ops.map((op) => [op.request, op] as const))('%s', async (_id, op) => {
    const base = exampleValues(op);
    expect(validateRequest(op, base, { apiKey: DOCS_DEMO_API_KEY, baseUrl: BASE_URL }), 'the documented request').toEqual([]);
    const cases = [...paramCases(op, base), ...(op.body ? bodyCases(op, base) : [])];
    const outcomes = await run(op, cases);
    const problems = outcomes.flatMap((o) => {
      const problem = compare(op, o);
      return problem ? [`${o.target}=${o.shown}: ${problem}`] : [];
    });
    expect(problems.slice(0, 10), `${problems.length} disagreements of ${outcomes.length} cases`).toEqual([]);
    results.set(op.request, {
      cases: outcomes.length,
      panelOnly: outcomes.filter((o) => o.panel.some(panelOnly)).length,
      refused: outcomes.filter((o) => o.panel.length > 0).length,
      accepted: outcomes.filter((o) => o.panel.length === 0).length,
    });
    // Some value of every field is accepted (the cases are not all one-sided); every probe is refused.
    for (const target of new Set(cases.map((c) => c.target))) {
      const mine = outcomes.filter((o) => o.target === target);
      if (target.startsWith('body!')) expect(mine.every((o) => o.panel.length > 0), `${target}: refused`).toBe(true);
      else expect(mine.some((o) => o.panel.length === 0), `${target}: some value is accepted`).toBe(true);
    }
    if (process.env.AGREEMENT_REPORT) console.log(op.request, JSON.stringify(results.get(op.request)));
  });
});

describe('Ajv, the library, agrees with the shared schema checks', () => {
  const ajv = createAjv();

  it.each(ops.filter((op) => op.body).map((op) => [op.request, op] as const))('%s: every generated body', (_id, op) => {
    const check = ajv.compile(op.body!.schema);
    const cases = bodyCases(op, exampleValues(op));
    let compared = 0;
    for (const c of cases) {
      const parsed = parseJson(c.values.body ?? '');
      if (!parsed.ok) continue;
      const ours = checkBodyText(op.body!.schema, c.values.body!);
      if (!ours.ok && 'issues' in ours && ours.issues.some((i) => i.code === 'forbiddenKey')) continue;
      expect(ours.ok, `${c.target}: ${c.values.body?.slice(0, 200)}`).toBe(check(parsed.value));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it.each(ops.filter((op) => op.params.length > 0).map((op) => [op.request, op] as const))('%s: every generated parameter value', (_id, op) => {
    for (const param of op.params) {
      const check = ajv.compile(param.schema);
      for (const text of paramTexts(param.schema)) {
        const items = mainType(param.schema) === 'array' ? text.split(',').map((s) => s.trim()) : [text];
        const converted = items.map((item) => convertText(item, mainType(param.schema) === 'array' ? (param.schema.items ?? {}) : param.schema));
        if (converted.some((c) => !c.ok)) continue;
        const values = converted.map((c) => (c.ok ? c.value : undefined));
        const value = mainType(param.schema) === 'array' ? values : values[0];
        expect(satisfies(param.schema, value), `${param.name}=${JSON.stringify(text).slice(0, 80)}`).toBe(check(value));
      }
    }
  });
});

/** `content.text`, `tags[]`, `custom_fields.*`: where a rule sits in a schema (items as `[]`, free-form keys as `*`). */
function rulePath(schema: Schema, path: JsonPath): string {
  let node: Schema | undefined = schema;
  const out: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') {
      out.push('[]');
      node = node?.items;
    } else if (node?.properties && Object.hasOwn(node.properties, segment)) {
      out.push(`.${segment}`);
      node = node.properties[segment];
    } else {
      out.push('.*');
      node = typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined;
    }
  }
  return out.join('') || '.';
}

const VALUE_RULES = ['enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'];

/** Every rule a schema states, as `path code` (the codes the checks report when it breaks). */
function statedRules(schema: Schema, at = '', asText = false): string[] {
  const here = at || '.';
  const rules: string[] = [];
  const type = mainType(schema);
  if (asText && (type === 'integer' || type === 'number' || type === 'boolean')) rules.push(`${here} ${type}`);
  if (asText && type === 'integer') rules.push(`${here} safeInteger`);
  if (!asText && schema.type !== undefined) rules.push(`${here} type`);
  for (const keyword of VALUE_RULES) if (schema[keyword] !== undefined && schema[keyword] !== false) rules.push(`${here} ${keyword}`);
  // A comma list always holds one item at least: `minItems: 1` cannot break in a query.
  if (asText && type === 'array' && schema.minItems === 1) rules.splice(rules.indexOf(`${here} minItems`), 1);
  if (Array.isArray(schema.required) && schema.required.length > 0) rules.push(`${here} required`);
  if (schema.additionalProperties === false) rules.push(`${here} unknownKey`);
  if (schema.propertyNames) rules.push(`${here} keyName`);
  if (schema.dependentRequired) rules.push(`${here} dependentRequired`);
  if (schema.anyOf) rules.push(`${here} requiredUnless`);
  if (schema.oneOf) rules.push(`${here} oneOf`);
  if (schema.items) rules.push(...statedRules(schema.items, `${at}[]`, asText));
  for (const [name, child] of Object.entries(schema.properties ?? {})) rules.push(...statedRules(child, `${at}.${name}`));
  if (typeof schema.additionalProperties === 'object') rules.push(...statedRules(schema.additionalProperties, `${at}.*`));
  return rules;
}

describe('every rule the schemas state is broken by some case', () => {
  it.each(ops.filter((op) => op.params.length > 0 || op.body).map((op) => [op.request, op] as const))('%s', (_id, op) => {
    const stated = new Set<string>();
    const broken = new Set<string>();
    for (const param of op.params) {
      for (const rule of statedRules(param.schema, '', true)) stated.add(`${param.in}.${param.name}${rule.replace(/^\./, '')}`);
      for (const text of paramTexts(param.schema)) {
        const found = checkParam(param, [text]);
        if ('issue' in found) broken.add(`${param.in}.${param.name}${rulePath(param.schema, found.issue.path).replace(/^\.$/, '')} ${found.issue.code}`);
      }
    }
    if (op.body) {
      const schema = op.body.schema;
      for (const rule of statedRules(schema)) stated.add(`body${rule}`);
      for (const c of bodyCases(op, exampleValues(op))) {
        const checked = checkBodyText(schema, c.values.body ?? '');
        if (!checked.ok && 'issues' in checked) for (const issue of checked.issues) broken.add(`body${rulePath(schema, issue.path).replace(/^\.$/, '.')} ${issue.code}`);
      }
    }
    expect([...stated].filter((rule) => !broken.has(rule)), 'rules no case broke').toEqual([]);
  });
});

describe('the cases cover what they claim', () => {
  it('reach past the URL limit and the safe-integer range', () => {
    expect(LONG.length + BASE_URL.length).toBeGreaterThan(MAX_URL_LENGTH);
    expect(paramTexts({ type: 'integer', minimum: 1 })).toEqual(expect.arrayContaining(['9007199254740991', '9007199254740992', '1.0', '1e3', '0x1', ' 2', '']));
  });
});
