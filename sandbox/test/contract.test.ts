/**
 * THE contract: the sandbox answers the documented requests exactly as the
 * documented examples of openapi/openapi.yaml show.
 */
import { describe, expect, it } from 'vitest';
import { API_PREFIX } from '../src/app';
import { DOCS_DEMO_API_KEY, SECOND_DEMO_API_KEY } from '../src/keys';
import { PAGE_SIZE } from '../src/pagination';
import {
  contactsOp,
  defaultExample,
  doc,
  listContacts,
  makeApp,
  makeSandbox,
  op,
  ops,
  queryFrom,
  send,
  successValidator,
  validateContactsPage,
  withFieldTypesExample,
  type ContactsPage,
} from './helpers';

describe('documented examples of GET /contacts', () => {
  it('are themselves valid against the documented 200 schema', () => {
    for (const example of contactsOp.examples) {
      expect(validateContactsPage(example.value), `${example.name}: ${JSON.stringify(validateContactsPage.errors)}`).toBe(true);
    }
  });

  it('default: the first page begins with the documented contacts and has the documented meta', async () => {
    const expected = defaultExample.value as ContactsPage;
    const body = await listContacts(makeApp(), queryFrom(defaultExample.request.query));
    expect(expected.contacts.length).toBe(2);
    expect(body.contacts.slice(0, expected.contacts.length)).toEqual(expected.contacts);
    expect(body.meta).toEqual(expected.meta);
    expect(body.contacts).toHaveLength(PAGE_SIZE);
  });

  it('withFieldTypes: the first contact equals the documented one, metadata included', async () => {
    const expected = withFieldTypesExample.value as ContactsPage;
    const query = queryFrom(withFieldTypesExample.request.query);
    expect(query).toBe('include_field_types=true');
    const body = await listContacts(makeApp(), query);
    expect(body.contacts[0]).toEqual(expected.contacts[0]);
    expect(body.meta).toEqual(expected.meta);
  });

  it('the documented meta is consistent with the page size', () => {
    const { meta } = defaultExample.value as ContactsPage;
    expect(meta.pages).toBe(Math.ceil(meta.total / PAGE_SIZE));
    expect(meta.total).toBe(64);
  });

  it('serves under the same base path as the documented servers (/v1)', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    for (const server of doc.servers ?? []) expect(new URL(server.url).pathname).toBe(API_PREFIX);
  });
});

/**
 * Values the sandbox generates at request time and that therefore cannot equal
 * the ones printed in the docs: new ids. They are deterministic per API key
 * (see src/ids.ts) but not the docs' values. Each listed key must hold a value
 * of the documented form; it is then replaced by the documented value before
 * the deep comparison. Timestamps are NOT listed: the tests run on the spec's
 * fixed clock (2026-07-02T09:30:00Z), so createdAt/updatedAt/closedAt/
 * last_updated_at of anything made "now" equal the documented ones exactly.
 */
const GENERATED: Record<string, { keys: string[]; why: string }> = {
  post_contacts: {
    keys: ['contact.uuid', 'contact.href', 'contact.conversationHref'],
    why: 'a new contact gets a new uuid (also the end of href) and a new conversation id (the end of conversationHref)',
  },
  post_messages: { keys: ['message.uuid'], why: 'every message sent gets a new uuid (the ten examples show ten different ones)' },
  post_custom_statuses: { keys: ['customStatus.id'], why: 'a new custom status gets a new id' },
};

type JsonObject = Record<string, unknown>;

function getAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as JsonObject | undefined)?.[key], value);
}

function setAt(value: unknown, path: string, replacement: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<unknown>((node, key) => (node as JsonObject)[key], value) as JsonObject;
  parent[last] = replacement;
}

/** The actual answer with the generated keys replaced by the documented values (after checking their form). */
function withDocumentedIds(operationId: string, actual: unknown, expected: unknown): unknown {
  const copy = structuredClone(actual);
  for (const key of GENERATED[operationId]?.keys ?? []) {
    const got = getAt(copy, key);
    const documented = getAt(expected, key);
    expect(typeof got, key).toBe('string');
    expect(got, `${key} must be newly generated`).not.toBe(documented);
    // Same form as the documented value: the same prefix (links), then an id of the same kind.
    const shape = (s: string) => s.replace(/([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, (id) => (id.length === 32 ? '<hex32>' : '<uuid>'));
    expect(shape(got as string), key).toBe(shape(documented as string));
    setAt(copy, key, documented);
  }
  return copy;
}

describe('every documented example request, sent first on fresh data, gets its documented answer', () => {
  it('covers the 40 operations of the spec', () => {
    expect(ops).toHaveLength(40);
    for (const operation of ops) {
      expect(operation.examples.length > 0 || operation.successStatus === 204, operation.request).toBe(true);
    }
    expect(Object.keys(GENERATED).every((id) => ops.some((o) => o.request === id))).toBe(true);
  });

  for (const operation of ops) {
    if (operation.examples.length === 0) {
      it(`${operation.request} (${operation.method} ${operation.path}): ${operation.successStatus} with no body`, async () => {
        const { res, body } = await send(makeSandbox().app, operation);
        expect(res.status, JSON.stringify(body)).toBe(operation.successStatus);
        expect(body).toBeUndefined();
      });
      continue;
    }
    for (const example of operation.examples) {
      it(`${operation.request} (${operation.method} ${operation.path}) "${example.name}"`, async () => {
        const check = successValidator(operation);
        expect(check(example.value), `the example itself: ${JSON.stringify(check.errors)}`).toBe(true);

        const { res, body } = await send(makeSandbox().app, operation, example.request);
        expect(res.status, JSON.stringify(body)).toBe(example.status);
        expect(example.status).toBe(operation.successStatus);
        expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
        expect(check(body), JSON.stringify(check.errors)).toBe(true);

        const actual = withDocumentedIds(operation.request, body, example.value) as JsonObject;
        const expected = example.value as JsonObject;
        if (example.abridged) {
          // The docs show the first items of this list only; the rest of the answer is complete.
          const list = example.abridged;
          const shown = (expected[list] as unknown[]).length;
          expect((actual[list] as unknown[]).slice(0, shown)).toEqual(expected[list]);
          expect({ ...actual, [list]: undefined }).toEqual({ ...expected, [list]: undefined });
        } else {
          expect(actual).toEqual(expected);
        }
      });
    }
  }

  it('every request body example of the spec is one of the example requests sent above', () => {
    for (const operation of ops) {
      if (!operation.body) continue;
      const sent = [operation.exampleRequest, ...operation.examples.map((e) => e.request)].flatMap((r) => (r.body ? [JSON.parse(r.body) as unknown] : []));
      expect(sent, operation.request).toContainEqual(operation.body.example);
    }
  });

  it('POST /messages/send documents the template variants: several placeholders, image, document, video', () => {
    const send = op('post_messages');
    const templated = send.examples.map((e) => JSON.parse(e.request.body ?? '{}') as { type?: string; template_uuid?: string; template_values?: string[] }).filter((b) => b.template_uuid);
    expect(templated.some((b) => (b.template_values?.length ?? 0) > 1)).toBe(true);
    for (const type of ['image', 'document', 'video']) expect(templated.map((b) => b.type), type).toContain(type);
  });

  it('every template example fills every placeholder of its seeded template', async () => {
    const templateOp = op('post_messages');
    const examples = templateOp.examples.filter((e) => (JSON.parse(e.request.body ?? '{}') as { template_uuid?: string }).template_uuid !== undefined);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      const sandbox = makeSandbox();
      const { body } = await send(sandbox.app, templateOp, example.request);
      const uuid = (body as { message: { uuid: string } }).message.uuid;
      const stored = (await sandbox.store.read(DOCS_DEMO_API_KEY)).messages.find((m) => m.uuid === uuid);
      expect(stored?.text, example.name).toMatch(/\S/);
      expect(stored?.text, example.name).not.toMatch(/\{\{/);
    }
  });

  it('generated ids are deterministic per API key: two fresh sandboxes answer alike, the two demo keys differ', async () => {
    const create = op('post_contacts');
    const a = await send(makeSandbox().app, create);
    const b = await send(makeSandbox().app, create);
    expect(a.body).toEqual(b.body);
    const other = await send(makeSandbox().app, create, create.exampleRequest, SECOND_DEMO_API_KEY);
    expect((other.body as { contact: { uuid: string } }).contact.uuid).not.toBe((a.body as { contact: { uuid: string } }).contact.uuid);
  });
});
