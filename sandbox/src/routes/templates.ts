/**
 * /templates (Templates API): list (25 per page, oldest first, any approval
 * status), get, retitle (the approved text cannot change).
 */
import { oldestFirst, paginate } from '../pagination';
import { findOr404 } from '../rules';
import type { OperationHandlers } from './route';

export function templatesOperations(): OperationHandlers {
  return {
    get_templates: ({ query }, { account }) => {
      const { items, meta } = paginate(oldestFirst(account.templates), Number(query.page));
      return { body: { templates: items.map((t) => ({ ...t })), meta } };
    },

    get_template: ({ path }, { account }) => ({
      body: { template: { ...findOr404(account.templates, (t) => t.uuid === path.uuid) } },
    }),

    patch_template: ({ path, body }, { account }) => {
      const template = findOr404(account.templates, (t) => t.uuid === path.uuid);
      const { title } = body as { title?: string };
      if (title !== undefined) template.title = title;
      return { body: { template: { ...template } } };
    },
  };
}
