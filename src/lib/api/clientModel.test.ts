/**
 * The operation a page embeds for the browser (clientOperation) drops what the browser
 * never reads, and every function the browser runs on it gives what it gives on the
 * full model: snippets, the example selector, share links, the panel's fields, hints
 * and checks. For every operation, in every locale.
 */
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../config/locales';
import { buildRequest, exampleValues } from '../request/build';
import { requestExamples } from '../request/examples';
import { paramControl, paramHints, panelParams } from '../request/fields';
import { decodeShare, encodeShare } from '../request/share';
import { liveIssues, validateRequest } from '../request/validate';
import { generateSnippet, targetIds } from '../snippets';
import { clientOperation, schemaRules, type ClientOperation } from './clientModel';
import { loadSpec } from './load';
import { localeStrings } from './localeStrings';
import { localizedOperation, type LocalizedOperationModel } from './localize';
import { operationModels } from './model';
import type { Environment, RequestValues, Schema } from './types';

const spec = loadSpec();
const environments: Environment[] = [{ id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' }];
const KEY = 'test_gshuPaZoeEG6ovbc8M79w0QyM';

const models: LocalizedOperationModel[] = localeCodes().flatMap((locale) =>
  operationModels(spec).map((op) => localizedOperation(spec, localeStrings(locale).spec, locale, op.group, op.request)),
);

/** Values the panel may hold: documented ones, each example's, and broken ones for every check. */
function cases(op: ClientOperation): RequestValues[] {
  const documented = exampleValues(op);
  const list: RequestValues[] = [documented, ...requestExamples(op).map((e) => e.values)];
  for (const param of op.params) {
    for (const text of ['', ' 2', 'abc', '-1', '0', '99999999999', 'x'.repeat(300), 'a,,b', '\u0007']) {
      const where = param.in === 'path' ? 'path' : 'query';
      list.push({ ...documented, [where]: { ...documented[where], [param.name]: text } });
    }
  }
  if (op.body) {
    list.push({ ...documented, body: '{}' }, { ...documented, body: '[]' }, { ...documented, body: '{"a": 1' }, { ...documented, body: '' });
    const parsed: unknown = documented.body === undefined ? undefined : JSON.parse(documented.body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const key of Object.keys(parsed)) {
        for (const wrong of [12345, 'x', null, [], {}]) list.push({ ...documented, body: JSON.stringify({ ...parsed, [key]: wrong }) });
        const { [key]: _dropped, ...without } = parsed as Record<string, unknown>;
        list.push({ ...documented, body: JSON.stringify(without) });
      }
    }
  }
  return list;
}

describe('schemaRules', () => {
  it('drops annotations at every depth and keeps every rule, default included', () => {
    const schema: Schema = {
      type: 'object',
      description: 'A thing.',
      'x-description-lang': 'en',
      required: ['description'],
      properties: {
        // A property may be called like an annotation: it stays.
        description: { type: 'string', description: 'Its description.', maxLength: 10, example: 'x' },
        tags: { type: 'array', title: 'Tags', items: { type: 'string', description: 'A tag.', pattern: '^[a-z]+$' } },
        page: { type: 'integer', default: 1, minimum: 1, examples: [2] },
      },
      additionalProperties: { oneOf: [{ type: 'string', description: 'text' }, { type: 'array', items: { type: 'string' } }] },
    };
    expect(schemaRules(schema)).toEqual({
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string', maxLength: 10 },
        tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
        page: { type: 'integer', default: 1, minimum: 1 },
      },
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    });
  });
});

describe('clientOperation', () => {
  it('carries no response body, status, locale or schema description', () => {
    for (const model of models) {
      const text = JSON.stringify(clientOperation(model));
      for (const example of model.examples) {
        if (example.value !== null && typeof example.value === 'object') expect(text, `${model.locale} ${model.request} ${example.name}`).not.toContain(JSON.stringify(example.value));
      }
      expect(clientOperation(model)).not.toHaveProperty('successStatus');
      expect(clientOperation(model)).not.toHaveProperty('locale');
      expect(JSON.stringify(clientOperation(model).body?.schema ?? {})).not.toMatch(/"description":"|"x-description-lang"/);
    }
  });

  it('is what the page embeds for GET /contacts: under half of the model', () => {
    const model = models.find((m) => m.locale === 'en' && m.request === 'get_contacts')!;
    expect(JSON.stringify(clientOperation(model)).length).toBeLessThan(JSON.stringify(model).length / 2);
  });

  it('gives the browser\'s functions the same results as the full model, for every operation in every locale', () => {
    for (const model of models) {
      const client = clientOperation(model);
      const where = `${model.locale} ${model.request}`;
      expect(exampleValues(client), where).toEqual(exampleValues(model));
      expect(requestExamples(client), where).toEqual(requestExamples(model));
      expect(panelParams(client), where).toEqual({
        path: panelParams(model).path.map((p) => ({ ...p, schema: schemaRules(p.schema) })),
        query: panelParams(model).query.map((p) => ({ ...p, schema: schemaRules(p.schema) })),
      });
      client.params.forEach((param, i) => {
        expect(paramHints(param), where).toEqual(paramHints(model.params[i]!));
        expect(paramControl(param), where).toEqual(paramControl(model.params[i]!));
        expect(param.description, where).toBe(model.params[i]!.description);
        expect(param.descriptionLang, where).toBe(model.params[i]!.descriptionLang);
      });
      for (const values of cases(client)) {
        const request = buildRequest(client, values, { baseUrl: 'https://api.example/v1', apiKey: KEY });
        expect(request, where).toEqual(buildRequest(model, values, { baseUrl: 'https://api.example/v1', apiKey: KEY }));
        for (const id of targetIds) expect(generateSnippet(id, request)).toBe(generateSnippet(id, buildRequest(model, values, { baseUrl: 'https://api.example/v1', apiKey: KEY })));
        expect(validateRequest(client, values, { apiKey: KEY, baseUrl: 'https://api.example/v1' }), `${where} ${JSON.stringify(values)}`).toEqual(
          validateRequest(model, values, { apiKey: KEY, baseUrl: 'https://api.example/v1' }),
        );
        expect(liveIssues(client, values, KEY)).toEqual(liveIssues(model, values, KEY));
        const share = encodeShare(client, 'sandbox', values, requestExamples(client)[0]!.id);
        expect(share, where).toBe(encodeShare(model, 'sandbox', values, requestExamples(model)[0]!.id));
        expect(decodeShare(client, `?${share}`, environments), where).toEqual(decodeShare(model, `?${share}`, environments));
      }
    }
  });
});
