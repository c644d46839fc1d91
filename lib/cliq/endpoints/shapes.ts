import * as z from '../zod';
import { normaliseMessageId } from './params';

/*
 * Response shapes: fields the extension reads are required and typed; everything else is optional, and
 * unknown fields are dropped rather than rejected, because Zoho adds fields without notice.
 */

/** Endpoints that answer 204; any JSON they do send (Zoho sometimes echoes a status object) is ignored. */
export const noContent = z.pipe(
  z.unknown(),
  z.transform((): undefined => undefined),
);

const person = z.object({ id: z.optional(z.string()), name: z.optional(z.string()) });

/**
 * A JSON object whose fields are read loosely by the caller. Not `anyObject`, which means
 * the same for parsed JSON but brings zod's record kind (0.6 kB gzip) into the background for this alone.
 */
const anyObject = z.looseObject({});

/** v2 payloads spell message ids with an encoded space; results always carry the `_` spelling. */
export const v2MessageId = z.pipe(z.string(), z.transform(normaliseMessageId));

const pinInformation = z.object({
  expiry_time: z.union([z.string(), z.literal(-1)]),
  is_primary: z.boolean(),
  creator: z.optional(person),
  created_time: z.optional(z.string()),
  last_modified_time: z.optional(z.string()),
});

/**
 * A message's body. v3 documents only `text`; a file message carries `file` and an optional `comment`, as the
 * v2 messages docs show them (the pinned-message object is the original message's fields).
 */
const messageContent = z.object({
  text: z.optional(z.string()),
  comment: z.optional(z.string()),
  file: z.optional(z.object({ name: z.optional(z.string()), type: z.optional(z.string()) })),
});

export const pinnedMessage = z.object({
  id: z.string(),
  type: z.optional(z.string()),
  content: z.optional(messageContent),
  sender: z.optional(person),
  time: z.optional(z.string()),
  mentions: z.optional(
    z.array(z.object({ id: z.optional(z.string()), name: z.optional(z.string()), type: z.optional(z.string()) })),
  ),
  is_pinned: z.optional(z.literal(true)),
  pin_information: pinInformation,
});
export type PinnedMessage = z.output<typeof pinnedMessage>;

/**
 * A `sync_token` read lists changed pins; one that is no longer pinned (unpinned or expired) comes as
 * `{ id, is_pinned: false }`. The docs are silent on this form: it is the sandbox's rule.
 */
export const pinListEntry = z.byKey('is_pinned', [
  pinnedMessage,
  z.object({ id: z.string(), is_pinned: z.literal(false) }),
]);

const pinnedChat = z.object({
  chat_id: z.string(),
  chat_type: z.optional(z.string()),
  name: z.optional(z.string()),
  participant_count: z.optional(z.number()),
  is_pinned: z.optional(z.boolean()),
  recipients_summary: z.optional(z.array(person)),
  last_message_info: z.optional(
    z.object({
      id: z.optional(z.string()),
      sender: z.optional(person),
      time: z.optional(z.string()),
      type: z.optional(z.string()),
      content: z.optional(z.object({ text: z.optional(z.string()) })),
    }),
  ),
});

/** The default folder (My Pins) arrives as `{ category_id: "default" }` and nothing else. */
export const folder = z.object({
  category_id: z.string(),
  title: z.optional(z.string()),
  symbol: z.optional(z.string()),
  state: z.optional(z.literal(['expanded', 'collapsed'])),
  chats: z.optional(z.array(pinnedChat)),
});
export type Folder = z.output<typeof folder>;

export const v3Chat = z.object({
  chat_id: z.string(),
  name: z.optional(z.string()),
  chat_type: z.optional(z.string()),
  participant_count: z.optional(z.number()),
  created_time: z.optional(z.string()),
  last_modified_time: z.optional(z.string()),
  pinned: z.optional(z.boolean()),
  removed: z.optional(z.boolean()),
  creator: z.optional(person),
  last_message_info: z.optional(anyObject),
  unread_message_count: z.optional(z.number()),
  unread_time: z.optional(z.string()),
  thread_message_id: z.optional(z.string()),
  parent_chat_id: z.optional(z.string()),
});

export const v2Chat = z.object({
  chat_id: z.string(),
  name: z.optional(z.string()),
  chat_type: z.optional(z.string()),
  creation_time: z.optional(z.string()),
  creator_id: z.optional(z.string()),
  last_modified_time: z.optional(z.string()),
  removed: z.optional(z.boolean()),
  pinned: z.optional(z.boolean()),
  participant_count: z.optional(z.number()),
  recipients_summary: z.optional(z.array(z.object({ user_id: z.optional(z.string()), name: z.optional(z.string()) }))),
  last_message_info: z.optional(anyObject),
});

/** v2 message times are epoch milliseconds, sometimes as strings. */
export const v2Message = z.object({
  id: v2MessageId,
  time: z.optional(z.union([z.number(), z.string()])),
  type: z.optional(z.string()),
  sender: z.optional(anyObject),
  content: z.unknown(),
});
