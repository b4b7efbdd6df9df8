import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../config/locales';
import { loadSpec } from '../api/load';
import { localeStrings } from '../api/localeStrings';
import { localizedOperation } from '../api/localize';
import { operationModels } from '../api/model';
import type { Environment, OperationModel, RequestValues } from '../api/types';
import { endpointDocPath } from '../docs/paths';
import { sourceFile, translatedFile } from '../i18n/paths';
import { exampleValues } from './build';
import { chosenExample, DOCUMENTED_REQUEST_ID, exampleById, requestExamples, responseRequestValues, sameRequest } from './examples';
import { decodeShare, encodeShare } from './share';

const ROOT = path.resolve(__dirname, '../../..');
const spec = loadSpec();
const ops = operationModels(spec);
const environments: Environment[] = [{ id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' }];

function op(request: string): OperationModel {
  const found = ops.find((o) => o.request === request);
  if (!found) throw new Error(request);
  return found;
}

/** Values as a link carries them: query values as text, empty ones left out. */
function asLink(values: RequestValues): RequestValues {
  const text = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));
  const filled = (o: Record<string, unknown> = {}) => Object.fromEntries(Object.entries(o).filter(([, v]) => text(v) !== '').map(([k, v]) => [k, text(v)]));
  return { path: filled(values.path), query: filled(values.query), ...(values.body !== undefined ? { body: values.body } : {}) };
}

/** The page a locale serves for an operation: its translation, else the English page. */
function pageText(locale: string, model: OperationModel): string {
  const docPath = `${endpointDocPath(model)}.mdx`;
  const translated = locale === 'en' ? undefined : path.join(ROOT, translatedFile(locale, docPath));
  return readFileSync(translated && existsSync(translated) ? translated : path.join(ROOT, sourceFile(docPath)), 'utf8');
}

describe('the requests an operation documents', () => {
  it('POST /messages/send offers its 14 requests, the page\'s own first, each with its response', () => {
    const send = op('post_messages');
    const examples = requestExamples(send);
    expect(examples).toHaveLength(14);
    expect(examples.map((e) => e.id)).toEqual(send.examples.map((e) => e.name));
    expect(examples[0]).toMatchObject({ id: 'default', label: 'A text message from a given channel', responses: [0] });
    expect(examples[0]!.values).toEqual(exampleValues(send));
    const image = exampleById(examples, 'image')!;
    expect(JSON.parse(image.values.body!)).toMatchObject({ type: 'image', content: { url: 'https://example.com/my_image.jpeg' } });
    expect(image.responses).toEqual([send.examples.findIndex((e) => e.name === 'image')]);
  });

  it('groups response examples made by the same request, and keeps a request no response shows', () => {
    const base = op('get_contacts');
    const twice = { ...base, examples: [base.examples[0]!, { ...base.examples[0]!, name: 'again', summary: 'Again' }, base.examples[1]!] };
    expect(requestExamples(twice).map((e) => [e.id, e.responses])).toEqual([
      [base.examples[0]!.name, [0, 1]],
      [base.examples[1]!.name, [2]],
    ]);
    // DELETE /messages/{uuid} documents its request with x-request and no response example.
    const del = requestExamples(op('delete_message'));
    expect(del).toEqual([{ id: DOCUMENTED_REQUEST_ID, label: op('delete_message').summary, values: exampleValues(op('delete_message')), responses: [] }]);
  });

  it('falls back to the first example for no or an unknown choice', () => {
    const examples = requestExamples(op('post_messages'));
    expect(chosenExample(examples, undefined).id).toBe('default');
    expect(chosenExample(examples, 'nope').id).toBe('default');
    expect(chosenExample(examples, 'video').id).toBe('video');
  });

  it('labels an example with its summary in the page\'s language and says when it stayed English', () => {
    const send = op('post_messages');
    const localized = { ...send, locale: 'it', examples: send.examples.map((e, i) => (i === 1 ? { ...e, summary: 'Con i campi' } : { ...e, summaryLang: 'en' })) };
    const examples = requestExamples(localized);
    expect(examples[1]).toMatchObject({ label: 'Con i campi' });
    expect(examples[1]!.labelLang).toBeUndefined();
    expect(examples[0]).toMatchObject({ labelLang: 'en' });
  });
});

describe('every documented example of the spec can be reached from its page, in every locale', () => {
  for (const locale of localeCodes()) {
    it(locale, () => {
      const entries = localeStrings(locale).spec;
      let reached = 0;
      for (const model of ops) {
        const page = pageText(locale, model);
        // The page shows the block (which carries the selector) and one response section per example.
        expect(page, model.request).toMatch(new RegExp(`<RequestTabs endpoint=['"]${model.group}['"] request=['"]${model.request}['"]`));
        expect(page.match(/```json title=response\.json/g)?.length ?? 0, `${locale} ${model.request}`).toBe(model.examples.length);
        const localized = localizedOperation(spec, entries, locale, model.group, model.request);
        const examples = requestExamples(localized);
        expect(new Set(examples.map((e) => e.id)).size, model.request).toBe(examples.length);
        // Every response example is produced by exactly one offered request, with its own values.
        const covered = examples.flatMap((e) => e.responses).sort((a, b) => a - b);
        expect(covered, model.request).toEqual(model.examples.map((_e, i) => i));
        for (const example of examples) {
          expect(example.label.trim(), `${model.request}/${example.id}`).not.toBe('');
          for (const index of example.responses) {
            expect(sameRequest(example.values, responseRequestValues(model, model.examples[index]!.request))).toBe(true);
            expect(example.label).toBe(localized.examples[example.responses[0]!]!.summary);
          }
          // The operation's own documented request is offered first.
          expect(sameRequest(examples[0]!.values, exampleValues(model))).toBe(true);
          // A share link reaches it: by name alone, and with its values written out.
          const named = decodeShare(model, `?try.request=${model.request}&try.example=${encodeURIComponent(example.id)}`, environments);
          expect(named?.example).toBe(example.id);
          expect(sameRequest(named!.values, example.values)).toBe(true);
          const full = decodeShare(model, `?${encodeShare(model, 'sandbox', example.values, example.id)}`, environments);
          expect(full?.example).toBe(example.id);
          expect(asLink(full!.values)).toEqual(asLink(example.values));
          reached++;
        }
      }
      expect(reached).toBeGreaterThanOrEqual(ops.length + 14);
    });
  }
});
