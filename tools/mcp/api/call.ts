/**
 * Runs one API tool: reads the arguments (./input.ts), validates them with the Try it
 * panel's core (`validateRequest`), builds the request with the portal's builder
 * (`buildRequest`, the key in `Authorization`) and sends it with the panel's sender
 * (`sendRequest`: only to the configured environments, with a timeout). Every problem
 * is a tool error (`isError: true`) whose text says what to fix; an API error carries
 * the API's status, code, message and fields. The key is never part of any text.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Environment, OperationModel } from '../../../src/lib/api/types';
import { buildRequest } from '../../../src/lib/request/build';
import { DEFAULT_TIMEOUT_MS, prettyJson, reasonPhrase, sendRequest } from '../../../src/lib/request/send';
import { validateRequest } from '../../../src/lib/request/validate';
import { readInput } from './input';
import { issueLine } from './issues';
import { isWriting } from './tools';

/** The longest answer body passed on to the assistant. */
export const MAX_RESULT_CHARS = 200_000;

export interface ApiCallContext {
  environment: Environment;
  environments: Environment[];
  apiKey?: string;
  writes: boolean;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

function clip(text: string): string {
  return text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}\n… (${text.length - MAX_RESULT_CHARS} more characters left out)` : text;
}

interface ApiErrorBody {
  error?: { status?: unknown; code?: unknown; message?: unknown; fields?: Array<{ name?: unknown; in?: unknown; message?: unknown }> };
}

/** The API's error answer as lines: status, code and message, then each field it names. */
export function apiErrorText(status: number, statusText: string, body: string): string {
  let parsed: ApiErrorBody | undefined;
  try {
    parsed = JSON.parse(body) as ApiErrorBody;
  } catch {
    parsed = undefined;
  }
  const error = parsed?.error;
  const head = `The API answered ${status} ${reasonPhrase(status, statusText)}`.trim();
  if (!error || typeof error !== 'object') return clip(`${head}.${body.trim() ? `\n${body.trim()}` : ''}`);
  const code = typeof error.code === 'string' ? ` (${error.code})` : '';
  const message = typeof error.message === 'string' ? `: ${error.message}` : '.';
  const fields = Array.isArray(error.fields)
    ? error.fields.map((f) => `- ${String(f.name ?? '')}${f.in ? ` (${String(f.in)})` : ''}: ${String(f.message ?? '')}`)
    : [];
  return clip([`${head}${code}${message}`, ...fields].join('\n'));
}

/** Calls one operation with a tool's arguments. */
export async function callOperation(op: OperationModel, args: unknown, ctx: ApiCallContext): Promise<CallToolResult> {
  if (isWriting(op.method) && !ctx.writes) {
    return toolError(
      `${op.request} changes data (${op.method}) and the server talks to ${ctx.environment.label}: writing tools are off there. Start the server with --allow-writes to turn them on.`,
    );
  }
  const input = readInput(op, args);
  if (!input.ok) return toolError(`Invalid arguments for ${op.request}:\n${input.problems.map((p) => `- ${p}`).join('\n')}`);
  const issues = validateRequest(op, input.values, { baseUrl: ctx.environment.proxyUrl ?? ctx.environment.baseUrl });
  if (issues.length) return toolError(`Invalid arguments for ${op.request}:\n${issues.map((i) => `- ${issueLine(i)}`).join('\n')}`);
  if (op.auth && !ctx.apiKey) {
    return toolError(`No API key: set CALLBELL_API_KEY to a key of your Callbell account before calling ${ctx.environment.label}.`);
  }
  const request = buildRequest(op, input.values, { baseUrl: ctx.environment.baseUrl, ...(ctx.apiKey ? { apiKey: ctx.apiKey } : {}) });
  const outcome = await sendRequest(request, {
    environments: ctx.environments,
    timeoutMs: ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(ctx.fetchImpl ? { fetchImpl: ctx.fetchImpl } : {}),
  });
  if (outcome.kind === 'error') {
    const why = { timeout: 'it did not answer in time', abort: 'the request was cancelled', network: 'it could not be reached', blocked_host: 'its URL is not one of the configured environments' }[outcome.type];
    return toolError(`The request to ${ctx.environment.label} (${ctx.environment.baseUrl}) failed: ${why}.`);
  }
  if (outcome.status < 200 || outcome.status >= 300) return toolError(apiErrorText(outcome.status, outcome.statusText, outcome.body));
  const body = outcome.body.trim() === '' ? '' : `\n\n${prettyJson(outcome.body) ?? outcome.body}`;
  return { content: [{ type: 'text', text: clip(`HTTP ${outcome.status} ${outcome.statusText}${body}`) }] };
}
