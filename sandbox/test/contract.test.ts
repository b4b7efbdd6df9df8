/**
 * THE contract: the sandbox answers the documented requests exactly as the
 * documented examples of openapi/openapi.yaml show.
 */
import { describe, expect, it } from 'vitest';
import { API_PREFIX } from '../src/app';
import { PAGE_SIZE } from '../src/routes/contacts';
import {
  contactsOp,
  defaultExample,
  doc,
  listContacts,
  makeApp,
  queryFrom,
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
