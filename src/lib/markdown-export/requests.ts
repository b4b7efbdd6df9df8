/**
 * What `<RequestTabs endpoint=… request=…/>` becomes in a page's Markdown: the cURL and
 * Python examples of the documented request, against the production URL with the
 * `<YOUR_API_KEY>` placeholder, made by the portal's own request builder and snippet
 * targets (the code the page's tabs show). An operation whose response examples come
 * from different requests (`x-request` of each named example) gets one pair per
 * request, each under its example's summary; the first pair is the page's own request.
 * Pure.
 */
import type { OperationModel, RequestValues } from '../api/types';
import { buildRequest } from '../request/build';
import { requestExamples } from '../request/examples';
import { generateSnippet, targets, type TargetId } from '../snippets';
import { plainText } from './text';

/** The languages a Markdown page carries, in this order. */
export const MARKDOWN_TARGETS: readonly TargetId[] = ['curl', 'python'];

export interface ExampleRequest {
  /** The named example's summary; undefined when the operation documents one request only. */
  label?: string;
  values: RequestValues;
}

/**
 * The distinct requests an operation documents, as the page's example selector lists them
 * (src/lib/request/examples.ts): the page's own first, then each request of the named
 * response examples. Labels only when there are several.
 */
export function exampleRequests(op: OperationModel): ExampleRequest[] {
  const examples = requestExamples(op);
  if (examples.length === 1) return [{ values: examples[0]!.values }];
  return examples.map(({ label, values }) => ({ label, values }));
}

/** A fenced code block whose fence is longer than any backtick run inside the code. */
export function codeFence(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

/** The cURL and Python snippets of one request against `baseUrl`, with the key placeholder. */
export function snippetsFor(op: OperationModel, values: RequestValues, baseUrl: string): Array<{ id: TargetId; language: string; code: string }> {
  const request = buildRequest(op, values, { baseUrl });
  return MARKDOWN_TARGETS.map((id) => ({ id, language: targets[id].language, code: generateSnippet(id, request) }));
}

/** The Markdown of one RequestTabs block: code blocks, each request's pair under its bold label when there are several. */
export function requestTabsMarkdown(op: OperationModel, productionUrl: string): string {
  return exampleRequests(op)
    .map(({ label, values }) => {
      const blocks = snippetsFor(op, values, productionUrl).map((s) => codeFence(s.code, s.language));
      return [...(label ? [`**${plainText(label)}**`] : []), ...blocks].join('\n\n');
    })
    .join('\n\n');
}
