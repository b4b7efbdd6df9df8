/**
 * The MCP server in process, with the SDK's own client, against a real sandbox on
 * 127.0.0.1: the tool list, API calls (filtered list, create/update/delete), validation
 * by the Try it panel's core, API errors as tool errors (401 with a wrong key), bad input
 * that leaves the server running, production without writes, the key never in any
 * output, and the docs tools in Italian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { DOCS_DEMO_API_KEY } from '../../../src/config/site';
import { loadSpec } from '../../../src/lib/api/load';
import { operationModels } from '../../../src/lib/api/model';
import { bodyOf, configFor, connect, startSandbox, textOf, type RunningSandbox } from './harness';

const operations = operationModels(loadSpec());
let sandbox: RunningSandbox;
let client: Client;
const outputs: string[] = [];

async function call(name: string, args: Record<string, unknown> = {}, on: Client = client) {
  const result = await on.callTool({ name, arguments: args });
  outputs.push(textOf(result));
  return result;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  client = await connect(configFor(sandbox.url));
});

afterAll(async () => {
  await client?.close();
  await sandbox?.close();
});

interface Contact {
  uuid: string;
  name: string;
  source: string;
  tags: string[];
}

describe('the tool list', () => {
  it('has one tool per operation (40) plus search_docs and get_page, generated from the spec', async () => {
    const { tools } = await client.listTools();
    expect(operations.length).toBe(40);
    expect(tools.map((t) => t.name).sort()).toEqual([...operations.map((op) => op.request), 'get_page', 'search_docs'].sort());
    for (const op of operations) {
      const tool = tools.find((t) => t.name === op.request)!;
      expect(tool.description).toContain(op.summary.replace(/\.$/, ''));
      expect(tool.description).toContain(`${op.method} ${op.path}`);
      expect(tool.inputSchema.additionalProperties).toBe(false);
      expect(Object.keys(tool.inputSchema.properties ?? {}).sort()).toEqual(
        [...op.params.filter((p) => p.in !== 'header').map((p) => p.name), ...(op.body ? ['body'] : [])].sort(),
      );
      expect(tool.annotations?.readOnlyHint).toBe(op.method === 'GET');
      expect(tool.annotations?.destructiveHint).toBe(op.method === 'DELETE');
    }
    const post = tools.find((t) => t.name === 'post_contacts')!;
    expect(post.inputSchema.required).toEqual(['body']);
    expect((post.inputSchema.properties as Record<string, { required?: string[] }>).body!.required).toEqual(['identifier', 'source', 'name']);
  });
});

describe('API tools against the sandbox', () => {
  it('lists contacts with filters', async () => {
    const all = bodyOf<{ meta: { total: number } }>(await call('get_contacts'));
    const result = await call('get_contacts', { source: 'whatsapp', tags: ['sales'] });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toMatch(/^HTTP 200 OK\n\n\{/);
    const filtered = bodyOf<{ contacts: Contact[]; meta: { total: number } }>(result);
    expect(filtered.contacts.length).toBeGreaterThan(0);
    expect(filtered.meta.total).toBeLessThan(all.meta.total);
    for (const contact of filtered.contacts) {
      expect(contact.source).toBe('whatsapp');
      expect(contact.tags.map((t) => t.toLowerCase())).toContain('sales');
    }
  });

  it('creates, updates and deletes a contact', async () => {
    const created = await call('post_contacts', { body: { source: 'whatsapp', identifier: '393330000001', name: 'Ada MCP', tags: ['lead'] } });
    expect(created.isError, textOf(created)).toBeFalsy();
    const status = operations.find((op) => op.request === 'post_contacts')!.successStatus;
    expect(textOf(created).startsWith(`HTTP ${status} `)).toBe(true);
    const { contact } = bodyOf<{ contact: Contact }>(created);
    expect(contact.name).toBe('Ada MCP');

    const updated = await call('patch_contacts', { uuid: contact.uuid, body: { name: 'Ada Lovelace' } });
    expect(updated.isError, textOf(updated)).toBeFalsy();
    expect(bodyOf<{ contact: Contact }>(await call('get_contact', { uuid: contact.uuid })).contact.name).toBe('Ada Lovelace');

    const deleted = await call('delete_contact', { uuid: contact.uuid });
    expect(deleted.isError, textOf(deleted)).toBeFalsy();
    const gone = await call('get_contact', { uuid: contact.uuid });
    expect(gone.isError).toBe(true);
    expect(textOf(gone)).toMatch(/^The API answered 404 Not Found \(not_found\): /);
  });

  it('refuses invalid values with the validation core before sending anything', async () => {
    let sent = 0;
    const counting = await connect(configFor(sandbox.url), {
      fetchImpl: (input, init) => {
        sent += 1;
        return fetch(input, init);
      },
    });
    try {
      const page = await call('get_contacts', { page: 0, source: 'sms' }, counting);
      expect(page.isError).toBe(true);
      expect(textOf(page)).toBe('Invalid arguments for get_contacts:\n- page (query): must be 1 or more.\n- source (query): must be one of: whatsapp, facebook, instagram, telegram.');
      const body = await call('post_contacts', { body: { source: 'whatsapp', name: 'No id', extra: true } }, counting);
      expect(body.isError).toBe(true);
      expect(textOf(body)).toContain('body.identifier: is required.');
      expect(textOf(body)).toContain('body.extra: is not part of this request.');
      const missing = await call('post_contacts', {}, counting);
      expect(textOf(missing)).toContain('body: is required');
      expect(sent).toBe(0);
    } finally {
      await counting.close();
    }
  });

  it('answers wrong types, unknown fields and huge inputs with clear tool errors, and keeps running', async () => {
    const wrongType = await call('get_contacts', { page: { n: 1 }, tags: [['x']] });
    expect(wrongType.isError).toBe(true);
    expect(textOf(wrongType)).toContain('page: must be a integer, not an object.');
    expect(textOf(wrongType)).toContain('tags: item 0 must be a string, number or boolean, not an array.');
    const typed = await call('get_contacts', { page: 'two' });
    expect(textOf(typed)).toContain('page (query): must be a whole number.');
    const unknown = await call('get_me', { verbose: true });
    expect(textOf(unknown)).toContain('Unknown field "verbose". get_me takes no arguments.');
    const huge = await call('post_contact_conversation_create_note', { uuid: 'x', body: { text: 'a'.repeat(2_000_000) } });
    expect(huge.isError).toBe(true);
    expect(textOf(huge)).toMatch(/The arguments are too large: \d+ bytes, at most 1048576/);
    const unknownTool = await call('drop_database');
    expect(textOf(unknownTool)).toContain('Unknown tool "drop_database"');
    const after = await call('get_me');
    expect(after.isError, textOf(after)).toBeFalsy();
  });

  it('turns a 401 for a wrong key into a tool error with the API message, without the key', async () => {
    const wrongKey = 'test_wrongKeyForMcp1234567890';
    const other = await connect(configFor(sandbox.url, { CALLBELL_API_KEY: wrongKey }));
    try {
      const result = await other.callTool({ name: 'get_contacts', arguments: {} });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^The API answered 401 Unauthorized \(unauthorized\): \S/);
      expect(textOf(result)).not.toContain(wrongKey);
    } finally {
      await other.close();
    }
  });

  it('never shows the key in any output', () => {
    expect(outputs.length).toBeGreaterThan(5);
    for (const text of outputs) expect(text).not.toContain(DOCS_DEMO_API_KEY);
  });
});

describe('production', () => {
  const production = (argv: string[] = []) =>
    configFor('http://127.0.0.1:9/v1', { API_ENVIRONMENT: 'production', PRODUCTION_API_URL: sandbox.url, CALLBELL_API_KEY: DOCS_DEMO_API_KEY }, argv);

  it('keeps the writing tools off unless --allow-writes', async () => {
    const readOnly = await connect(production());
    try {
      const names = (await readOnly.listTools()).tools.map((t) => t.name);
      const gets = operations.filter((op) => op.method === 'GET').map((op) => op.request);
      expect(names.sort()).toEqual([...gets, 'get_page', 'search_docs'].sort());
      const refused = await readOnly.callTool({ name: 'delete_contact', arguments: { uuid: '414a6d692bd645ed803f2e7ce360d4c8' } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain('--allow-writes');
      const read = await readOnly.callTool({ name: 'get_contact', arguments: { uuid: '414a6d692bd645ed803f2e7ce360d4c8' } });
      expect(read.isError, textOf(read)).toBeFalsy();
    } finally {
      await readOnly.close();
    }
    const writable = await connect(production(['--allow-writes']));
    try {
      expect((await writable.listTools()).tools.length).toBe(42);
    } finally {
      await writable.close();
    }
  });
});

describe('docs tools', () => {
  it('searches the docs in Italian (word search without a build, and says so)', async () => {
    const result = await call('search_docs', { query: 'elenca contatti', locale: 'it', limit: 3 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const text = textOf(result);
    expect(text).toContain('simple word search over the Markdown pages (it): no built search index was found');
    expect(text).toMatch(/^3 results[^\n]*\n\n1\. Elenca i contatti \(GET \/contacts\)[^\n]*\n {3}path: \/it\/api\/reference\/contacts_api\/get_contacts\n/m);
    expect(text).toContain('markdown: https://developers.callbell.eu/it/api/reference/contacts_api/get_contacts.md');
  }, 60_000);

  it('reads a page as Markdown in the chosen locale, by path or URL', async () => {
    const byPath = textOf(await call('get_page', { path: '/api/reference/contacts_api/get_contacts', locale: 'it' }));
    expect(byPath).toMatch(/^# GET \/contacts\n\n> Elenca i contatti/);
    expect(byPath).toContain('## Parametri facoltativi');
    expect(byPath).toContain("--url 'https://api.callbell.eu/v1/contacts'");
    const byUrl = textOf(await call('get_page', { path: 'https://developers.callbell.eu/it/api/reference/contacts_api/get_contacts.md' }));
    expect(byUrl).toBe(byPath);
    const index = textOf(await call('get_page', { path: '/es/api/reference/contacts_api/' }));
    expect(index).toMatch(/^# API de contactos/);
  });

  it('answers bad docs arguments with tool errors', async () => {
    expect(textOf(await call('get_page', { path: '/api/nope' }))).toContain('No page at "/api/nope" in locale en');
    expect(textOf(await call('search_docs', { query: 7 }))).toContain('query: must be a string.');
    expect(textOf(await call('search_docs', { query: 'errors', locale: 'fr' }))).toContain('locale: must be one of en, it, es, pt.');
    expect(textOf(await call('search_docs', { query: 'errors', extra: 1 }))).toContain('Unknown field "extra"');
  });
});
