import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConfig, lint } from '@redocly/openapi-core';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadSpec, SPEC_PATH } from './load';
import { componentSchema, deref, findOperation, operationModels, resolvePointer } from './model';
import { firstColumns } from '../markdown/tables';

const doc = loadSpec();

describe('openapi/openapi.yaml', () => {
  it('passes the Redocly linter (recommended-strict) with no problem', async () => {
    // The real API has /contacts/phone/{phone_number} beside /contacts/{uuid}/messages:
    // ambiguous by shape, but those are the documented paths, so that one rule is off.
    const config = await createConfig({ extends: ['recommended-strict'], rules: { 'no-ambiguous-paths': 'off' } });
    const problems = await lint({ ref: SPEC_PATH, config });
    expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it('has every documented example valid against its response schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    let checked = 0;
    for (const op of operationModels(doc)) {
      const raw = (doc.paths[op.path] as Record<string, { responses: Record<string, unknown> }>)[op.method.toLowerCase()]!;
      const status = Object.keys(raw.responses).find((s) => /^2\d\d$/.test(s))!;
      const response = deref(doc, raw.responses[status]) as { content?: { 'application/json': { schema: object } } };
      if (!response.content) {
        expect(status, `${op.request} has no body, so its success must be 204`).toBe('204');
        continue;
      }
      const validate = ajv.compile(response.content['application/json'].schema);
      for (const example of op.examples) {
        checked++;
        expect(validate(example.value), `${op.request}/${example.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('has every schema example valid against its schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const name of Object.keys((doc.components?.schemas ?? {}) as object)) {
      const schema = componentSchema(doc, name);
      for (const example of (schema.examples as unknown[] | undefined) ?? []) {
        const validate = ajv.compile({ ...schema, examples: undefined });
        expect(validate(example), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it('has every request body example valid against its schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const op of operationModels(doc)) {
      if (!op.body) continue;
      const validate = ajv.compile(op.body.schema);
      expect(validate(op.body.example), `${op.request}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      for (const example of op.examples) {
        if (example.request.body === undefined) continue;
        expect(validate(JSON.parse(example.request.body)), `${op.request}/${example.name}`).toBe(true);
      }
    }
  });
});

describe('operation models', () => {
  it('describes GET /contacts with its five optional query parameters', () => {
    const op = findOperation(doc, 'contacts_api', 'get_contacts');
    expect(op.method).toBe('GET');
    expect(op.path).toBe('/contacts');
    expect(op.auth).toBe(true);
    expect(op.params.map((p) => [p.name, p.in, p.required])).toEqual([
      ['page', 'query', false],
      ['source', 'query', false],
      ['tags', 'query', false],
      ['team_uuid', 'query', false],
      ['include_field_types', 'query', false],
    ]);
    expect(op.params.find((p) => p.name === 'tags')?.explode).toBe(false);
    expect(op.params.find((p) => p.name === 'source')?.schema.enum).toContain('whatsapp');
    expect(op.examples.map((e) => e.name)).toEqual(['default', 'withFieldTypes']);
    expect(op.examples[1]?.request.query).toEqual({ include_field_types: true });
  });

  it('names the known operations when one is missing', () => {
    expect(() => findOperation(doc, 'contacts_api', 'nope')).toThrow(/contacts_api\/get_contacts/);
    expect(() => findOperation(doc, 'other_api', 'get_contacts')).toThrow(/No operation/);
  });

  it('resolves references and refuses dangling or cyclic ones', () => {
    expect(componentSchema(doc, 'Contact').properties?.source?.enum).toEqual(['whatsapp', 'facebook', 'instagram', 'telegram']);
    expect(() => resolvePointer(doc, '#/components/schemas/Nope')).toThrow(/Dangling/);
    const cyclic = { openapi: '3.1.0', paths: {}, components: { schemas: { A: { $ref: '#/components/schemas/A' } } } };
    expect(() => deref(cyclic, { $ref: '#/components/schemas/A' })).toThrow(/Cyclic/);
  });
});

describe('the English page agrees with the spec', () => {
  const page = readFileSync(new URL('../../../docs/api/reference/contacts_api/get_contacts.mdx', import.meta.url), 'utf8');
  const op = findOperation(doc, 'contacts_api', 'get_contacts');

  it('lists exactly the spec parameters in its parameter table', () => {
    const section = page.split('## Optional Parameters')[1]!.split('\n## ')[0]!;
    const names = firstColumns(section).flat();
    expect(names).toEqual(op.params.map((p) => p.name));
  });

  it('shows the spec examples, value for value', () => {
    const blocks = [...page.matchAll(/```json[^\n]*\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
    expect(blocks).toEqual(op.examples.map((e) => e.value));
  });

  it('lists the response fields of the 200 schema', () => {
    const section = page.split('## Response')[1]!.split('\n## ')[0]!;
    const names = firstColumns(section).flat();
    const raw = doc.paths['/contacts'] as { get: { responses: Record<string, unknown> } };
    const schema = (deref(doc, raw.get.responses['200']) as { content: { 'application/json': { schema: { properties: object } } } })
      .content['application/json'].schema;
    expect(names).toEqual(Object.keys(schema.properties));
  });

  it('the Contact page lists every field of the Contact schema', () => {
    const contact = readFileSync(new URL('../../../docs/api/reference/object_types/contact.mdx', import.meta.url), 'utf8');
    const section = contact.split('## Fields')[1]!.split('\n## ')[0]!;
    const names = firstColumns(section).flat();
    expect(names).toEqual(Object.keys(componentSchema(doc, 'Contact').properties ?? {}));
  });
});
