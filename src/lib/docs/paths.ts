/**
 * Where the reference pages live: the doc path (relative to docs/, no extension) of every
 * endpoint, object type and webhook event page, all derived from the spec. The sidebar, the
 * page renderer (tools/pages), the tests and the browser tests take them from here.
 */
import type { OpenApiDocument } from '../api/model';
import type { OperationModel } from '../api/types';
import { isObject } from '../isObject';

/** Object types with their own page, by schema name. */
export const OBJECT_TYPES = [
  'Contact', 'Conversation', 'CustomStatus', 'Funnel', 'Message', 'MessageSendRequest', 'MessageContactCard',
  'MessageContext', 'MessageForward', 'MessageInteractiveList', 'MessageLocation', 'MessageReplyButton', 'Team',
  'TeamMember', 'UserCustomStatus', 'Template', 'Channel', 'Bot', 'Webhook', 'WebhookEvent',
] as const;

/** `CustomStatus` -> `custom_status`. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function objectDocPath(name: string): string {
  return `api/reference/object_types/${snake(name)}`;
}

export function endpointDocPath(op: Pick<OperationModel, 'group' | 'request'>): string {
  return `api/reference/${op.group}/${op.request}`;
}

export function webhookDocPath(event: string): string {
  return `api/reference/webhooks/${event.split('_')[0]}_events/${event}`;
}

/** The webhook events of the spec, in its order (one page each). */
export function webhookEventNames(doc: OpenApiDocument): string[] {
  return isObject(doc.webhooks) ? Object.keys(doc.webhooks) : [];
}

/** `/contacts/{uuid}` -> `/contacts/:uuid` (braces would be JSX in MDX). */
export function displayPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
