import { z } from 'zod';
import { normaliseMessageId } from './params';

/*
 * Response shapes: fields the extension reads are required and typed; everything else is optional, and
 * unknown fields are dropped rather than rejected, because Zoho adds fields without notice.
 */

/** Endpoints that answer 204; any JSON they do send (Zoho sometimes echoes a status object) is ignored. */
export const noContent = z.unknown().transform((): undefined => undefined);

const person = z.object({ id: z.string().optional(), name: z.string().optional() });

/** v2 payloads spell message ids with an encoded space; results always carry the `_` spelling. */
export const v2MessageId = z.string().transform(normaliseMessageId);

const pinInformation = z.object({
  expiry_time: z.union([z.string(), z.literal(-1)]),
  is_primary: z.boolean(),
  creator: person.optional(),
  created_time: z.string().optional(),
  last_modified_time: z.string().optional(),
});

/**
 * A message's body. v3 documents only `text`; a file message carries `file` and an optional `comment`, as the
 * v2 messages docs show them (the pinned-message object is the original message's fields).
 */
const messageContent = z.object({
  text: z.string().optional(),
  comment: z.string().optional(),
  file: z.object({ name: z.string().optional(), type: z.string().optional() }).optional(),
});

export const pinnedMessage = z.object({
  id: z.string(),
  type: z.string().optional(),
  content: messageContent.optional(),
  sender: person.optional(),
  time: z.string().optional(),
  mentions: z
    .array(z.object({ id: z.string().optional(), name: z.string().optional(), type: z.string().optional() }))
    .optional(),
  is_pinned: z.literal(true).optional(),
  pin_information: pinInformation,
});
export type PinnedMessage = z.output<typeof pinnedMessage>;

/**
 * A `sync_token` read lists changed pins; one that is no longer pinned (unpinned or expired) comes as
 * `{ id, is_pinned: false }`. The docs are silent on this form: it is the sandbox's rule.
 */
export const pinListEntry = z.discriminatedUnion('is_pinned', [
  pinnedMessage,
  z.object({ id: z.string(), is_pinned: z.literal(false) }),
]);

const pinnedChat = z.object({
  chat_id: z.string(),
  chat_type: z.string().optional(),
  name: z.string().optional(),
  participant_count: z.number().optional(),
  is_pinned: z.boolean().optional(),
  recipients_summary: z.array(person).optional(),
  last_message_info: z
    .object({
      id: z.string().optional(),
      sender: person.optional(),
      time: z.string().optional(),
      type: z.string().optional(),
      content: z.object({ text: z.string().optional() }).optional(),
    })
    .optional(),
});

/** The default folder (My Pins) arrives as `{ category_id: "default" }` and nothing else. */
export const folder = z.object({
  category_id: z.string(),
  title: z.string().optional(),
  symbol: z.string().optional(),
  state: z.enum(['expanded', 'collapsed']).optional(),
  chats: z.array(pinnedChat).optional(),
});
export type Folder = z.output<typeof folder>;

export const v3Chat = z.object({
  chat_id: z.string(),
  name: z.string().optional(),
  chat_type: z.string().optional(),
  participant_count: z.number().optional(),
  created_time: z.string().optional(),
  last_modified_time: z.string().optional(),
  pinned: z.boolean().optional(),
  removed: z.boolean().optional(),
  creator: person.optional(),
  last_message_info: z.record(z.string(), z.unknown()).optional(),
  unread_message_count: z.number().optional(),
  unread_time: z.string().optional(),
  thread_message_id: z.string().optional(),
  parent_chat_id: z.string().optional(),
});

export const v2Chat = z.object({
  chat_id: z.string(),
  name: z.string().optional(),
  chat_type: z.string().optional(),
  creation_time: z.string().optional(),
  creator_id: z.string().optional(),
  last_modified_time: z.string().optional(),
  removed: z.boolean().optional(),
  pinned: z.boolean().optional(),
  participant_count: z.number().optional(),
  recipients_summary: z.array(z.object({ user_id: z.string().optional(), name: z.string().optional() })).optional(),
  last_message_info: z.record(z.string(), z.unknown()).optional(),
});

/** v2 message times are epoch milliseconds, sometimes as strings. */
export const v2Message = z.object({
  id: v2MessageId,
  time: z.union([z.number(), z.string()]).optional(),
  type: z.string().optional(),
  sender: z.record(z.string(), z.unknown()).optional(),
  content: z.unknown(),
});
