/**
 * /channels (Channels API): list (25 per page, in the order they were
 * connected; `type` and `active` filter and combine), get (discarded or not),
 * rename. A new title shows at once on the contacts that show the channel.
 */
import type { StoredChannel } from '../data/types';
import { paginate } from '../pagination';
import { findOr404 } from '../rules';
import { channelView } from '../views';
import { handler, type ByUuid, type OperationHandlers, type Paged } from './route';

interface ChannelsQuery extends Paged {
  type?: string;
  active?: boolean;
}

export function channelsOperations(): OperationHandlers {
  return {
    get_channels: handler<{ query: ChannelsQuery }>(({ query }, { account }) => {
      let channels: StoredChannel[] = account.channels;
      if (query.type !== undefined) channels = channels.filter((ch) => ch.type === query.type);
      if (query.active !== undefined) channels = channels.filter((ch) => (ch.discardedAt === null) === query.active);
      const { items, meta } = paginate(channels, query.page);
      return { body: { channels: items.map(channelView), meta } };
    }),

    get_channel: handler<{ path: ByUuid }>(({ path }, { account }) => ({
      body: { channel: channelView(findOr404(account.channels, (ch) => ch.uuid === path.uuid)) },
    })),

    patch_channel: handler<{ path: ByUuid; body: { title?: string } }>(({ path, body }, { account }) => {
      const channel = findOr404(account.channels, (ch) => ch.uuid === path.uuid);
      if (body.title !== undefined) channel.title = body.title;
      return { body: { channel: channelView(channel) } };
    }),
  };
}
