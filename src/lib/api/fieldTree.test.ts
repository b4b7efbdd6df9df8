import { describe, expect, it } from 'vitest';
import { buildFieldTree, childFields, descriptionParts, rangeText, targetSchema, walkTree, type FieldNode, type FieldTreeModel } from './fieldTree';
import { loadSpec } from './load';
import { localizeSpec, specStrings } from './localize';
import { deref, operationModels, type OpenApiDocument } from './model';

const spec = loadSpec();

/** A small spec with every shape the tree handles. */
const fixture: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/things': {
      post: {
        operationId: 'post_things',
        tags: ['things_api'],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingInput' } } } },
        responses: { '201': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['thing'], properties: { thing: { $ref: '#/components/schemas/Contact' } } } } } } },
      },
    },
  },
  components: {
    schemas: {
      Source: { type: 'string', description: 'Where it comes from.', enum: ['whatsapp', 'telegram'] },
      Contact: {
        type: 'object',
        description: 'A person.',
        required: ['uuid', 'source'],
        properties: {
          uuid: { type: 'string', pattern: '^[0-9a-f]{32}$', description: 'Identifier.' },
          source: { $ref: '#/components/schemas/Source' },
          avatarUrl: { type: ['string', 'null'], format: 'uri', description: 'Avatar, or `null`.' },
          friend: { $ref: '#/components/schemas/Contact' },
          tags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Tags.' },
        },
      },
      Meta: { type: 'object', properties: { page: { type: 'integer', minimum: 1, default: 1 } } },
      ThingInput: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 50, description: 'Name.' },
          count: { type: 'integer', exclusiveMinimum: 0, maximum: 1000 },
          meta: { $ref: '#/components/schemas/Meta' },
          labels: {
            type: 'object',
            maxProperties: 10,
            propertyNames: { minLength: 1, maxLength: 50 },
            additionalProperties: { type: 'string', maxLength: 500 },
            description: 'Your own labels.',
          },
          parts: { type: 'array', minItems: 1, items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
          value: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'null' }] },
          people: { type: 'array', items: { $ref: '#/components/schemas/Contact' } },
        },
      },
    },
  },
};

function byName(nodes: FieldNode[], name: string): FieldNode {
  const node = nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no field ${name} in ${nodes.map((n) => n.name).join(', ')}`);
  return node;
}

describe('field tree model', () => {
  const body = buildFieldTree(fixture, { kind: 'body', path: '/things', method: 'POST' });

  it('gives each field its type, required flag, ranges, default and description', () => {
    expect(body.mode).toBe('request');
    expect(byName(body.fields, 'name')).toEqual({
      name: 'name',
      type: 'string',
      required: true,
      ranges: [{ kind: 'length', min: 1, max: 50 }],
      description: 'Name.',
    });
    expect(byName(body.fields, 'count').ranges).toEqual([{ kind: 'value', min: 0, max: 1000, exclusiveMin: true }]);
    expect(byName(body.fields, 'count').required).toBeUndefined();
  });

  it('inlines objects without a page, with their own fields', () => {
    const meta = byName(body.fields, 'meta');
    expect(meta.type).toBe('object');
    expect(childFields(body, meta)).toEqual([{ name: 'page', type: 'integer', default: '1', ranges: [{ kind: 'value', min: 1 }] }]);
  });

  it('describes a map by one node for its values, with the key and value constraints', () => {
    const labels = byName(body.fields, 'labels');
    expect(labels.ranges).toEqual([{ kind: 'keys', max: 10 }]);
    expect(childFields(body, labels)).toEqual([
      { name: '', key: true, type: 'string', ranges: [{ kind: 'length', max: 500 }, { kind: 'keyLength', min: 1, max: 50 }] },
    ]);
  });

  it('opens arrays of objects on their items, and unions and nulls say so', () => {
    const parts = byName(body.fields, 'parts');
    expect(parts.type).toBe('object[]');
    expect(parts.ranges).toEqual([{ kind: 'items', min: 1 }]);
    expect(childFields(body, parts)).toEqual([{ name: 'id', type: 'string', required: true }]);
    const value = byName(body.fields, 'value');
    expect(value).toMatchObject({ type: 'string | string[]', nullable: true });
  });

  it('links object types with a page, stores each named type once and never unrolls a type inside itself', () => {
    const people = byName(body.fields, 'people');
    expect(people).toMatchObject({ type: 'Contact[]', link: 'Contact', of: 'Contact' });
    const contact = body.types.Contact!;
    expect(contact.map((f) => f.name)).toEqual(['uuid', 'source', 'avatarUrl', 'friend', 'tags']);
    // A reference to itself: the same type, not a copy.
    expect(byName(contact, 'friend')).toMatchObject({ type: 'Contact', link: 'Contact', of: 'Contact' });
    expect(byName(contact, 'source')).toEqual({ name: 'source', type: 'string', required: true, enum: ['whatsapp', 'telegram'], description: 'Where it comes from.' });
    expect(byName(contact, 'avatarUrl')).toEqual({ name: 'avatarUrl', type: 'string', nullable: true, format: 'uri', description: 'Avatar, or `null`.' });
    expect(byName(contact, 'tags')).toEqual({ name: 'tags', type: 'string[]', unique: true, ranges: [{ kind: 'itemLength', min: 1 }], description: 'Tags.' });
    // walkTree follows `of` once per path: finite.
    const paths: string[] = [];
    walkTree(body, (_n, p) => paths.push(p.join('.')));
    expect(paths).toContain('people.friend');
    expect(paths).not.toContain('people.friend.friend');
    expect(paths).toContain('labels.*');
  });

  it('says "always present" for the answers: response mode, required from the schema', () => {
    const response = buildFieldTree(fixture, { kind: 'response', path: '/things', method: 'POST' });
    expect(response.mode).toBe('response');
    expect(response.fields).toEqual([{ name: 'thing', type: 'Contact', link: 'Contact', required: true, description: 'A person.', of: 'Contact' }]);
  });

  it('refuses unknown targets', () => {
    expect(() => buildFieldTree(fixture, { kind: 'body', path: '/nope', method: 'GET' })).toThrow(/No operation GET \/nope/);
    expect(() => buildFieldTree(fixture, { kind: 'object', name: 'Nope' })).toThrow(/No schema "Nope"/);
    expect(() => buildFieldTree(fixture, { kind: 'webhook', event: 'nope' })).toThrow(/No webhook "nope"/);
  });
});

describe('field trees of the spec', () => {
  it('POST /messages/send: the body as the sandbox checks it, the answer through MessageSendRequest', () => {
    const body = buildFieldTree(spec, { kind: 'body', path: '/messages/send', method: 'POST' });
    expect(body.fields.map((f) => f.name)).toEqual([
      'to', 'bsuid', 'from', 'type', 'content', 'channel_uuid', 'template_uuid', 'optin_contact', 'template_values',
      'assigned_user', 'team_uuid', 'fields', 'bot_status', 'metadata',
    ]);
    expect(byName(body.fields, 'type')).toMatchObject({ required: true, enum: ['text', 'image', 'document', 'audio', 'video'] });
    expect(childFields(body, byName(body.fields, 'content')).map((f) => [f.name, f.ranges ?? f.format])).toEqual([
      ['text', [{ kind: 'length', min: 1, max: 4096 }]],
      ['url', 'uri'],
    ]);
    const response = buildFieldTree(spec, { kind: 'response', path: '/messages/send', method: 'POST' });
    const message = byName(response.fields, 'message');
    expect(message).toMatchObject({ type: 'MessageSendRequest', link: 'MessageSendRequest', required: true });
    // Nested to any depth: message -> contact -> team -> its fields.
    const contact = byName(childFields(response, message), 'contact');
    const team = byName(childFields(response, contact), 'team');
    expect(childFields(response, team).map((f) => f.name)).toEqual(['uuid', 'name', 'createdAt', 'default', 'members']);
  });

  it('webhook payloads follow x-event-schema, with its own required list', () => {
    const tree = buildFieldTree(spec, { kind: 'webhook', event: 'message_status_updated' });
    expect(byName(tree.fields, 'contact').required).toBe(true);
    expect(byName(tree.fields, 'uuid').required).toBe(true);
  });

  it('every body and answer with properties has a tree of them, small enough to ship with its page', () => {
    let trees = 0;
    for (const op of operationModels(spec)) {
      for (const kind of ['body', 'response'] as const) {
        const target = { kind, path: op.path, method: op.method } as const;
        const tree = buildFieldTree(spec, target);
        const schema = deref(spec, targetSchema(spec, target)) as { properties?: object } | undefined;
        expect(tree.fields.map((f) => f.name), `${op.request} ${kind}`).toEqual(Object.keys(schema?.properties ?? {}));
        if (!tree.fields.length) continue;
        trees++;
        const json = JSON.stringify(tree);
        // Small enough to ship with the page: types are stored once.
        expect(json.length, `${op.request} ${kind}`).toBeLessThan(16_000);
      }
    }
    expect(trees).toBeGreaterThan(40);
  });

  it('reads the descriptions from the locale overlay, marking the ones left in English', () => {
    const pointer = specStrings(spec).find((s) => s.pointer === '/components/schemas/Contact/properties/name/description');
    expect(pointer).toBeDefined();
    const entries = { [pointer!.pointer]: { en: pointer!.text, translation: 'Nome visualizzato.' } };
    const it = localizeSpec(spec, entries, { mark: true, lang: 'it' }).doc;
    const tree: FieldTreeModel = buildFieldTree(it, { kind: 'object', name: 'Contact' }, 'it');
    expect(tree.locale).toBe('it');
    expect(byName(tree.fields, 'name')).toMatchObject({ description: 'Nome visualizzato.' });
    expect(byName(tree.fields, 'name').descriptionLang).toBeUndefined();
    expect(byName(tree.fields, 'uuid')).toMatchObject({ description: 'Identifier generated by Callbell.', descriptionLang: 'en' });
    // Same structure as the English tree: only the words differ.
    const en = buildFieldTree(spec, { kind: 'object', name: 'Contact' });
    const shape = (t: FieldTreeModel) => JSON.stringify(t, (k, v: unknown) => (k === 'description' || k === 'descriptionLang' || k === 'locale' ? undefined : v));
    expect(shape(tree)).toBe(shape(en));
  });
});

describe('texts', () => {
  it('writes ranges with ≥ and ≤', () => {
    expect(rangeText({ min: 1 })).toBe('≥ 1');
    expect(rangeText({ max: 4096 })).toBe('≤ 4096');
    expect(rangeText({ min: 1, max: 4096 })).toBe('≥ 1, ≤ 4096');
    expect(rangeText({ min: 0, exclusiveMin: true, max: 10, exclusiveMax: true })).toBe('> 0, < 10');
    expect(rangeText({ max: 1000 }, (n) => new Intl.NumberFormat('pt').format(n))).toBe('≤ 1.000');
  });

  it('splits inline code out of descriptions', () => {
    expect(descriptionParts('One emoji, or `null` for none.')).toEqual([
      { code: false, text: 'One emoji, or ' },
      { code: true, text: 'null' },
      { code: false, text: ' for none.' },
    ]);
    expect(descriptionParts('A lone ` stays')).toEqual([{ code: false, text: 'A lone ` stays' }]);
  });
});
