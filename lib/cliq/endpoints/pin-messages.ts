import { t } from '../../i18n';
import { MAX_PINS_PER_CHAT } from '../constants';
import * as z from '../zod';
import { endpoint } from './define';
import { chatId, expiryTime, idList, type Label, listView, messageId, named, timestamp } from './params';
import { ROUTES } from './routes';
import { noContent, type PinnedMessage, pinListEntry, pinnedMessage } from './shapes';

const token = (label: Label) =>
  z.string().check(z.minLength(1), z.maxLength(100, { error: () => t('cliqGuardTooLong', named(label), '100') }));
const chatPath = (p: { chatId: string }) => ({ CHAT_ID: p.chatId });

export const pinMessageEndpoints = {
  /**
   * One page of a chat's pins, primary first. With `syncToken` only the pins changed since that token come back,
   * and those since unpinned are listed in `unpinnedIds`.
   * The result's `view` is what `reorderPinnedMessage` needs; when paging, keep the first page's view.
   */
  listPinnedMessages: endpoint({
    ...ROUTES.listPinnedMessages,
    scope: 'ZohoCliq.Chats.READ',
    params: z.object({
      chatId: chatId(),
      limit: z.optional(z.int().check(z.positive())),
      nextToken: z.optional(token('cliqLabelNextToken')),
      syncToken: z.optional(token('cliqLabelSyncToken')),
    }),
    query: z.object({
      limit: z.optional(z.int().check(z.positive())),
      next_token: z.optional(z.string().check(z.maxLength(100))),
      sync_token: z.optional(z.string().check(z.maxLength(100))),
    }),
    toWire: (p) => ({
      path: chatPath(p),
      query: { limit: p.limit, next_token: p.nextToken, sync_token: p.syncToken },
    }),
    response: z.pipe(
      z.object({
        sync_token: z.optional(z.string()),
        next_token: z.optional(z.string()),
        data: z._default(z.array(pinListEntry), []),
      }),
      z.transform(({ data, ...tokens }) => ({
        ...tokens,
        data: data.filter((entry): entry is PinnedMessage => entry.is_pinned !== false),
        unpinnedIds: data.filter((entry) => entry.is_pinned === false).map((entry) => entry.id),
      })),
    ),
    snapshotOf: 'pinList',
  }),

  /** Same budget as the list: it is the same method and path with `primary=true`. */
  getPrimaryPinnedMessage: endpoint({
    ...ROUTES.getPrimaryPinnedMessage,
    scope: 'ZohoCliq.Chats.READ',
    params: z.object({ chatId: chatId() }),
    query: z.object({ primary: z.literal(true) }),
    toWire: (p) => ({ path: chatPath(p), query: { primary: true } }),
    // A chat without pins answers 200 with no `data`.
    response: z.object({ data: z.optional(pinnedMessage) }),
  }),

  pinMessage: endpoint({
    ...ROUTES.pinMessage,
    scope: 'ZohoCliq.Chats.CREATE',
    params: z.object({
      chatId: chatId(),
      messageId: messageId(),
      expiryTime: z._default(expiryTime, -1),
      notify: z._default(z.boolean(), false),
      primary: z.optional(z.boolean()),
    }),
    body: z.object({
      message_id: z.string(),
      expiry_time: z.union([z.string(), z.number()]),
      notify: z.boolean(),
      primary: z.optional(z.boolean()),
    }),
    toWire: (p) => ({
      path: chatPath(p),
      body: { message_id: p.messageId, expiry_time: p.expiryTime, notify: p.notify, primary: p.primary },
    }),
    response: z.object({ data: pinnedMessage }),
    changes: 'pinList',
  }),

  /** Moves a pin directly above `pinAbove` (above the primary makes it primary); without it, to the end. */
  reorderPinnedMessage: endpoint({
    ...ROUTES.reorderPinnedMessage,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z.object({
      chatId: chatId(),
      messageId: messageId(),
      pinAbove: z.optional(messageId('cliqLabelPinAbove')),
      basedOn: listView,
    }),
    body: z.object({
      message_id: z.string(),
      pin_above: z.optional(z.string()),
      last_sync_time: timestamp('cliqLabelLastSyncTime'),
    }),
    toWire: (p) => ({
      path: chatPath(p),
      body: { message_id: p.messageId, pin_above: p.pinAbove, last_sync_time: p.basedOn.lastSyncTime },
    }),
    response: noContent,
    changes: 'pinList',
  }),

  /** Never sends an empty list: on the wire that unpins every message in the chat. */
  unpinMessages: endpoint({
    ...ROUTES.unpinMessages,
    scope: 'ZohoCliq.Chats.DELETE',
    params: z.object({
      chatId: chatId(),
      messageIds: idList({
        label: 'cliqLabelMessageId',
        labels: 'cliqLabelMessageIds',
        min: 1,
        max: MAX_PINS_PER_CHAT,
        emptyUnpinsAll: true,
        item: messageId(),
      }),
    }),
    body: z.object({ message_ids: z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_PINS_PER_CHAT)) }),
    toWire: (p) => ({ path: chatPath(p), body: { message_ids: p.messageIds } }),
    response: noContent,
    changes: 'pinList',
  }),
};
