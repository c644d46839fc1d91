import { t } from '../../i18n';
import * as z from '../zod';
import { endpoint } from './define';
import { chatId, cliqId, csv, idList } from './params';
import { perMinute } from './routes';
import { v3Chat } from './shapes';

/*
 * The one v3 chat operation the product calls (sync reads the chats' names and types), apart from the rest of
 * chats-v3.ts: the background bundles only the operations it may call (product.ts).
 */

export const chatList = z.object({ chats: z._default(z.array(v3Chat), []) });
const epochMs = z.int().check(z.nonnegative());

export const chatListEndpoints = {
  /** Filters combine; `pinned: true` lists the chats the user pinned. */
  listChats: endpoint({
    method: 'GET',
    path: '/v3/chats',
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(30, 10),
    params: z.object({
      name: z.optional(z.string().check(z.maxLength(200))),
      recipient: z.optional(cliqId('recipient')),
      limit: z.optional(z.int().check(z.gte(1), z.lte(100, { error: () => t('cliqGuardPageSize', '100') }))),
      modifiedBefore: z.optional(epochMs),
      modifiedAfter: z.optional(epochMs),
      muted: z.optional(z.boolean()),
      drafts: z.optional(z.boolean()),
      pinned: z.optional(z.boolean()),
      closed: z.optional(z.boolean()),
      joined: z.optional(z.boolean()),
      chatIds: z.optional(idList({ label: 'cliqLabelChatId', labels: 'cliqLabelChatIds', min: 1, max: 100 })),
      parentChatId: z.optional(chatId('parent chat id')),
      type: z.optional(z.literal(['guests', 'threads', 'channel', 'bot', 'dm', 'muted'])),
    }),
    query: z.object({
      name: z.optional(z.string()),
      recipient: z.optional(z.string()),
      limit: z.optional(z.number()),
      modified_before: z.optional(z.number()),
      modified_after: z.optional(z.number()),
      muted: z.optional(z.boolean()),
      drafts: z.optional(z.boolean()),
      pinned: z.optional(z.boolean()),
      closed: z.optional(z.boolean()),
      joined: z.optional(z.boolean()),
      chat_ids: z.optional(z.string()),
      parent_chid: z.optional(z.string()),
      type: z.optional(z.string()),
    }),
    toWire: ({ modifiedBefore, modifiedAfter, chatIds, parentChatId, ...same }) => ({
      query: {
        ...same,
        modified_before: modifiedBefore,
        modified_after: modifiedAfter,
        chat_ids: chatIds && csv(chatIds),
        parent_chid: parentChatId,
      },
    }),
    response: chatList,
  }),
};
