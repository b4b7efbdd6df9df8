/**
 * Share links: the filled request (environment, documented example, parameters,
 * body) in the page URL's query string, never the API key. Decoding ignores anything unknown,
 * so a link can neither add a host nor smuggle a key. A link's environment is
 * only a suggestion: the panel opens in the build's default one and switches
 * when the user says so, and a writing request a link filled asks before it
 * goes anywhere but the sandbox (`needsSendConfirmation`). Values are returned
 * as they are; the panel checks them exactly like typed ones.
 */
import type { ClientOperation } from '../api/clientModel';
import type { Environment, HttpMethod, RequestValues } from '../api/types';
import { exampleById, requestExamples } from './examples';

const PREFIX = 'try.';
const MAX_BODY = 16_384;

export interface SharedState {
  /** A configured environment the link names; never applied without the user's confirmation. */
  suggestedEnvironment?: string;
  /** The documented example the link names (./examples.ts id), when the operation has it. */
  example?: string;
  values: RequestValues;
}

/**
 * Query string (without `?`) for a share link. `example` names the documented example the
 * values started from (./examples.ts); the values are written in full all the same.
 */
export function encodeShare(op: ClientOperation, environment: string, values: RequestValues, example?: string): string {
  const params = new URLSearchParams();
  params.set(`${PREFIX}request`, op.request);
  params.set(`${PREFIX}env`, environment);
  if (example !== undefined) params.set(`${PREFIX}example`, example);
  for (const param of op.params) {
    if (param.in === 'header') continue;
    const source = param.in === 'path' ? values.path : values.query;
    const raw = source?.[param.name];
    if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    params.set(`${PREFIX}${param.in}.${param.name}`, Array.isArray(raw) ? raw.join(',') : String(raw));
  }
  if (op.body && values.body !== undefined && values.body.length <= MAX_BODY) {
    params.set(`${PREFIX}body`, values.body);
  }
  return params.toString();
}

/**
 * Reads a share link for this operation; undefined when the link is for another one. A link
 * that names a documented example and carries no values (`?try.request=…&try.example=image`)
 * gets that example's values; an unknown example name is ignored.
 */
export function decodeShare(op: ClientOperation, search: string, environments: Environment[]): SharedState | undefined {
  const params = new URLSearchParams(search);
  if (params.get(`${PREFIX}request`) !== op.request) return undefined;
  const env = params.get(`${PREFIX}env`);
  let values: RequestValues = { path: {}, query: {} };
  let carriesValues = false;
  for (const param of op.params) {
    if (param.in === 'header') continue;
    const raw = params.get(`${PREFIX}${param.in}.${param.name}`);
    if (raw === null) continue;
    carriesValues = true;
    if (param.in === 'path') values.path![param.name] = raw;
    else values.query![param.name] = raw;
  }
  const body = params.get(`${PREFIX}body`);
  if (op.body && body !== null && body.length <= MAX_BODY) {
    values.body = body;
    carriesValues = true;
  }
  const example = exampleById(requestExamples(op), params.get(`${PREFIX}example`) ?? undefined);
  if (example && !carriesValues) values = { path: { ...example.values.path }, query: { ...example.values.query }, ...(example.values.body !== undefined ? { body: example.values.body } : {}) };
  return {
    ...(env && environments.some((e) => e.id === env) ? { suggestedEnvironment: env } : {}),
    ...(example ? { example: example.id } : {}),
    values,
  };
}

/** Removes share parameters from a search string (after they were applied). */
export function stripShare(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(PREFIX)) params.delete(key);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/** The methods that change data. */
export const WRITING_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface SendContext {
  method: HttpMethod;
  /** The environment the request is about to go to. */
  environment: string;
  /** The values in the panel came from a share link and were not confirmed since. */
  fromShareLink: boolean;
}

/**
 * Whether sending needs the user's explicit confirmation first: a writing request
 * whose values a share link filled, going to any environment but the sandbox (on a
 * build whose default is production, that is the first send of such a link).
 */
export function needsSendConfirmation(context: SendContext): boolean {
  return context.fromShareLink && WRITING_METHODS.includes(context.method) && context.environment !== 'sandbox';
}
