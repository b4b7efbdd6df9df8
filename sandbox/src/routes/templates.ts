/**
 * /templates (Templates API): list (25 per page, oldest first, any approval
 * status), get, retitle (the approved text cannot change).
 */
import { oldestFirst, paginate } from '../pagination';
import { findOr404 } from '../rules';
import { handler, type ByUuid, type OperationHandlers, type Paged } from './route';

export function templatesOperations(): OperationHandlers {
  return {
    get_templates: handler<{ query: Paged }>(({ query }, { account }) => {
      const { items, meta } = paginate(oldestFirst(account.templates), query.page);
      return { body: { templates: items.map((t) => ({ ...t })), meta } };
    }),

    get_template: handler<{ path: ByUuid }>(({ path }, { account }) => ({
      body: { template: { ...findOr404(account.templates, (t) => t.uuid === path.uuid) } },
    })),

    patch_template: handler<{ path: ByUuid; body: { title?: string } }>(({ path, body }, { account }) => {
      const template = findOr404(account.templates, (t) => t.uuid === path.uuid);
      if (body.title !== undefined) template.title = body.title;
      return { body: { template: { ...template } } };
    }),
  };
}
