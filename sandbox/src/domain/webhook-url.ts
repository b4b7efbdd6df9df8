/**
 * Which webhook URLs the sandbox takes: the spec's rule is the `pattern` of
 * the subscribe body's `url` (no loopback, however it is spelled). The
 * sandbox validates that body without the pattern and applies it in the
 * webhook verdict instead (../webhooks.ts), with its one exception: hosts
 * listed in SANDBOX_WEBHOOK_HOSTS.
 */
import type { OperationModel, Schema } from '../../../src/lib/api/types';

/** The spec's rule for a webhook URL: the `pattern` of the subscribe body's `url` (a `u` regular expression, as Ajv runs it). */
export function webhookUrlPattern(op: OperationModel): RegExp {
  const pattern = op.body?.schema.properties?.url?.pattern;
  if (typeof pattern !== 'string') throw new Error(`${op.request} documents no pattern for url`);
  return new RegExp(pattern, 'u');
}

/** The subscribe operation with the `pattern` of `url` left to the webhook verdict. */
export function withoutUrlPattern(op: OperationModel): OperationModel {
  if (!op.body) return op;
  const schema = structuredClone(op.body.schema);
  const url: Schema | undefined = schema.properties?.url;
  if (url) delete url.pattern;
  return { ...op, body: { ...op.body, schema } };
}
