/**
 * GET /v1/contacts, as documented in openapi/openapi.yaml (operation
 * `get_contacts`): 25 contacts per page, oldest first; `source` and
 * `team_uuid` match exactly; `tags` is a comma list, trimmed, matched without
 * regard to letter case, and a contact must carry ALL the tags given; filters
 * combine; `include_field_types=true` adds `customFieldsMetadata`.
 */
import type { OperationModel } from '../../../src/lib/api/types';
import { customFieldsMetadata, type Contact, type SeedData } from '../data/seed';
import { sendJson } from '../json';
import { createParamValidator } from '../validate';
import { honoPath, type RouteDef } from './route';

export const PAGE_SIZE = 25;

/** The validated query of GET /contacts (shape guaranteed by the spec's parameter schemas). */
interface ContactsQuery {
  page: number;
  source?: string;
  tags?: string[];
  team_uuid?: string;
  include_field_types: boolean;
}

/** Case-insensitive comparison key of a tag. */
function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

function toResponse(contact: Contact, data: SeedData, withFieldTypes: boolean): Record<string, unknown> {
  const { team, ...rest } = contact;
  return {
    ...rest,
    ...(withFieldTypes ? { customFieldsMetadata: customFieldsMetadata(data.fields, contact.customFields) } : {}),
    ...(team ? { team } : {}),
  };
}

export function contactsRoutes(data: SeedData, op: OperationModel, prefix: string): RouteDef[] {
  const validate = createParamValidator(op);
  const byAge = [...data.contacts].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

  return [
    {
      method: op.method,
      path: `${prefix}${honoPath(op.path)}`,
      handler: (c) => {
        const { query } = validate({ query: new URL(c.req.url).searchParams, path: c.req.param() });
        const q = query as unknown as ContactsQuery;

        let matches = byAge;
        if (q.source !== undefined) matches = matches.filter((contact) => contact.source === q.source);
        if (q.tags !== undefined) {
          const wanted = q.tags.map(tagKey);
          matches = matches.filter((contact) => {
            const carried = new Set(contact.tags.map(tagKey));
            return wanted.every((tag) => carried.has(tag));
          });
        }
        if (q.team_uuid !== undefined) matches = matches.filter((contact) => contact.team?.uuid === q.team_uuid);

        const total = matches.length;
        const page = matches.slice((q.page - 1) * PAGE_SIZE, q.page * PAGE_SIZE);
        return sendJson(c, {
          contacts: page.map((contact) => toResponse(contact, data, q.include_field_types)),
          meta: { page: q.page, pages: Math.ceil(total / PAGE_SIZE), total },
        });
      },
    },
  ];
}
