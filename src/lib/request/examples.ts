/**
 * The requests an operation documents, as the example selector of RequestTabs offers them:
 * the page's own request (`exampleValues`) first, then one per distinct request of the
 * response examples (`x-request` of each named example), in the spec's order. Each one
 * knows the response examples it produces (indexes into `op.examples`), so the page can
 * point at them. An example's `id` is the name of its first response example in the spec
 * (`image`, `templateDocument`): stable, the same in every locale, and what a share link
 * carries (`try.example`). Labels are the examples' summaries in the model's language.
 * Pure: no DOM, no React.
 */
import type { ClientOperation } from '../api/clientModel';
import type { RequestValues } from '../api/types';
import { exampleValues } from './build';

export interface RequestExample {
  /** The first response example's name (see the module comment); unique in the operation. */
  id: string;
  /** Its summary (the operation's summary for a request no response example shows). */
  label: string;
  /** The label's language when it is not the page's (a summary without translation). */
  labelLang?: string;
  values: RequestValues;
  /** Indexes into `op.examples` of the responses this request produces, in order. */
  responses: number[];
}

/** The id of the page's own request when no response example shows it. */
export const DOCUMENTED_REQUEST_ID = 'request';

/** A response example's request as full values: its own path, query and body, else the documented body. */
export function responseRequestValues(op: ClientOperation, request: RequestValues): RequestValues {
  const fallback = exampleValues(op);
  return {
    path: { ...(request.path ?? {}) },
    query: { ...(request.query ?? {}) },
    ...(request.body !== undefined ? { body: request.body } : fallback.body !== undefined ? { body: fallback.body } : {}),
  };
}

/** Whether two requests send the same thing (path, query and body text). */
export function sameRequest(a: RequestValues, b: RequestValues): boolean {
  const key = (v: RequestValues) => JSON.stringify([v.path ?? {}, v.query ?? {}, v.body ?? '']);
  return key(a) === key(b);
}

/** Every request the operation documents (see the module comment); always at least one. */
export function requestExamples(op: ClientOperation): RequestExample[] {
  const own = exampleValues(op);
  const found: RequestExample[] = [];
  op.examples.forEach((example, index) => {
    const values = responseRequestValues(op, example.request);
    const same = found.find((f) => sameRequest(f.values, values));
    if (same) {
      same.responses.push(index);
      return;
    }
    found.push({
      id: example.name,
      label: example.summary,
      ...(example.summaryLang ? { labelLang: example.summaryLang } : {}),
      values,
      responses: [index],
    });
  });
  const ownIndex = found.findIndex((f) => sameRequest(f.values, own));
  if (ownIndex > 0) found.unshift(...found.splice(ownIndex, 1));
  if (ownIndex === -1) {
    let id = DOCUMENTED_REQUEST_ID;
    while (found.some((f) => f.id === id)) id = `_${id}`;
    found.unshift({ id, label: op.summary, ...(op.summaryLang ? { labelLang: op.summaryLang } : {}), values: own, responses: [] });
  }
  return found;
}

/** The example with this id; undefined for an unknown one. */
export function exampleById(examples: readonly RequestExample[], id: string | undefined): RequestExample | undefined {
  return id === undefined ? undefined : examples.find((e) => e.id === id);
}

/** The chosen example, or the page's own request (the first) when none or an unknown one is chosen. */
export function chosenExample(examples: readonly RequestExample[], id: string | undefined): RequestExample {
  const first = examples[0];
  if (!first) throw new Error('An operation documents at least one request');
  return exampleById(examples, id) ?? first;
}
