/** /funnels (Funnels API): the funnel stages by position, 25 per page. */
import { paginate } from '../pagination';
import { handler, type OperationHandlers, type Paged } from './route';

export function funnelsOperations(): OperationHandlers {
  return {
    get_funnels: handler<{ query: Paged }>(({ query }, { account }) => {
      const byPosition = [...account.funnels].sort((a, b) => a.position - b.position);
      const { items, meta } = paginate(byPosition, query.page);
      return { body: { funnels: items.map((f) => ({ ...f })), meta } };
    }),
  };
}
