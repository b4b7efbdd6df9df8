/** /funnels (Funnels API): the funnel stages by position, 25 per page. */
import { paginate } from '../pagination';
import type { OperationHandlers } from './route';

export function funnelsOperations(): OperationHandlers {
  return {
    get_funnels: ({ query }, { account }) => {
      const byPosition = [...account.funnels].sort((a, b) => a.position - b.position);
      const { items, meta } = paginate(byPosition, Number(query.page));
      return { body: { funnels: items.map((f) => ({ ...f })), meta } };
    },
  };
}
