/**
 * /channels (Channels API): list (25 per page, in the order they were
 * connected; `type` and `active` filter and combine), get (discarded or not),
 * rename. A new title shows at once on the contacts that show the channel.
 */
import type { StoredChannel } from '../data/account';
import { paginate } from '../pagination';
import { findOr404 } from '../rules';
import { channelView } from '../views';
import type { OperationHandlers } from './route';

export function channelsOperations(): OperationHandlers {
  return {
    get_channels: ({ query }, { account }) => {
      let channels: StoredChannel[] = account.channels;
      if (query.type !== undefined) channels = channels.filter((ch) => ch.type === query.type);
      if (query.active !== undefined) channels = channels.filter((ch) => (ch.discardedAt === null) === query.active);
      const { items, meta } = paginate(channels, Number(query.page));
      return { body: { channels: items.map(channelView), meta } };
    },

    get_channel: ({ path }, { account }) => ({
      body: { channel: channelView(findOr404(account.channels, (ch) => ch.uuid === path.uuid)) },
    }),

    patch_channel: ({ path, body }, { account }) => {
      const channel = findOr404(account.channels, (ch) => ch.uuid === path.uuid);
      const { title } = body as { title?: string };
      if (title !== undefined) channel.title = title;
      return { body: { channel: channelView(channel) } };
    },
  };
}
