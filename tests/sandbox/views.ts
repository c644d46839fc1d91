/**
 * Wire shapes, field for field as the OpenAPI documents (v3) and the docs' examples (v2) give them.
 * The same model object looks different per API generation: v2 chats say `dm`/`chat` and epoch ms,
 * v3 chats say `direct_message`/`group_chat` and ISO 8601.
 */
import { isChatPinned } from './folders';
import type { Chat, Message, Pin, SandboxState } from './state';

const iso = (ms: number): string => new Date(ms).toISOString();

function person(state: SandboxState, id: string): { name: string; id: string } {
  return { name: state.users.get(id)?.name ?? 'Unknown user', id };
}

/** A file message as the v2 messages docs show one: the file, and the text as its `comment`. */
function contentView(message: Message | undefined) {
  if (message?.file) {
    const comment = message.text ? { comment: message.text } : {};
    return { type: 'file', content: { file: { name: message.file.name, type: message.file.type }, ...comment } };
  }
  return { type: 'text', content: { text: message?.text ?? '' } };
}

export function pinnedMessageView(state: SandboxState, chat: Chat, pin: Pin, isPrimary: boolean) {
  const message = state.message(chat, pin.messageId);
  return {
    id: pin.messageId,
    ...contentView(message),
    sender: person(state, message?.senderId ?? ''),
    time: iso(message?.time ?? pin.createdAt),
    ...(message?.mentions?.length ? { mentions: message.mentions } : {}),
    is_pinned: true,
    pin_information: {
      expiry_time: pin.expiry === -1 ? -1 : iso(pin.expiry),
      creator: person(state, pin.creatorId),
      created_time: iso(pin.createdAt),
      last_modified_time: iso(pin.modifiedAt),
      is_primary: isPrimary,
    },
  };
}

/** Sandbox representation of an unpinned (or expired) message in a `sync_token` delta. */
export function removedPinView(messageId: string) {
  return { id: messageId, is_pinned: false };
}

function lastMessageInfoV3(state: SandboxState, chat: Chat) {
  const last = state.lastMessage(chat);
  if (!last) return undefined;
  return {
    message_id: last.id,
    sender: last.senderId,
    time: iso(last.time),
    content: { text: last.text },
    type: 'text',
  };
}

export function chatV3View(state: SandboxState, chat: Chat, withLastMessage: boolean) {
  const lastMessageInfo = withLastMessage ? lastMessageInfoV3(state, chat) : undefined;
  return {
    chat_id: chat.id,
    name: state.chatName(chat),
    chat_type: chat.type,
    participant_count: chat.memberIds.length,
    created_time: iso(chat.createdAt),
    last_modified_time: iso(state.lastActivity(chat)),
    pinned: isChatPinned(state, chat.id),
    removed: chat.removed,
    creator: person(state, chat.creatorId),
    unread_message_count: chat.unreadCount,
    ...(chat.previousTitles.length ? { previous_titles: chat.previousTitles.join(', ') } : {}),
    ...(chat.type === 'thread' ? { thread_message_id: chat.threadMessageId, parent_chat_id: chat.parentChatId } : {}),
    ...(lastMessageInfo ? { last_message_info: lastMessageInfo } : {}),
  };
}

/** `POST /v3/chats` reports membership flags in `user_membership`. */
export function createdChatView(state: SandboxState, chat: Chat) {
  const { pinned, removed, unread_message_count: _unread, ...rest } = chatV3View(state, chat, false);
  return { user_membership: { pinned, removed }, ...rest };
}

export function chatV2View(state: SandboxState, chat: Chat) {
  const last = state.lastMessage(chat);
  return {
    name: state.chatName(chat),
    creation_time: iso(chat.createdAt),
    creator_id: chat.creatorId,
    last_modified_time: iso(state.lastActivity(chat)),
    removed: chat.removed,
    recipients_summary: chat.memberIds
      .filter((id) => id !== state.currentUserId)
      .map((id) => ({ user_id: id, name: person(state, id).name })),
    chat_type: chat.type === 'direct_message' ? 'dm' : 'chat',
    chat_id: chat.id,
    ...(last
      ? {
          last_message_info: {
            sender_id: last.senderId,
            message_type: 'text',
            time: iso(last.time),
            text: last.text,
            sender_name: person(state, last.senderId).name,
          },
        }
      : {}),
    pinned: isChatPinned(state, chat.id),
    participant_count: chat.memberIds.length,
  };
}

export function pinnedChatView(
  state: SandboxState,
  chat: Chat,
  include: { recipients: boolean; lastMessage: boolean },
) {
  const last = include.lastMessage ? state.lastMessage(chat) : undefined;
  return {
    chat_id: chat.id,
    chat_type: chat.type,
    name: state.chatName(chat),
    participant_count: chat.memberIds.length,
    ...(include.recipients
      ? { recipients_summary: chat.memberIds.map((id) => ({ id, name: person(state, id).name })) }
      : {}),
    ...(last
      ? {
          last_message_info: {
            id: last.id,
            sender: { id: last.senderId, name: person(state, last.senderId).name },
            time: iso(last.time),
            type: 'text',
            content: { text: last.text },
          },
        }
      : {}),
    is_pinned: true,
  };
}

export function messageV2View(state: SandboxState, message: Message) {
  return {
    sender: person(state, message.senderId),
    id: message.id,
    time: message.time,
    type: 'text',
    content: { text: message.text },
  };
}

/** The single-message endpoint's documented example uses different sender keys and a string content. */
export function singleMessageV2View(state: SandboxState, message: Message) {
  return {
    sender: { senderName: person(state, message.senderId).name, senderID: message.senderId },
    id: message.id,
    time: message.time,
    type: 'text',
    content: message.text,
  };
}

/** v2 "sticky" message: epoch-ms numbers and a `%20`-encoded message id, as in the v2 docs. */
export function stickyView(state: SandboxState, chat: Chat, pin: Pin) {
  const message = state.message(chat, pin.messageId);
  return {
    expiry_time: pin.expiry,
    creator: person(state, pin.creatorId),
    message: {
      msg: message?.text ?? '',
      sender: message?.senderId ?? '',
      lmsgtime: String(message?.editedAt ?? message?.time ?? pin.createdAt),
      msguid: pin.messageId.replace('_', '%20'),
      time: String(message?.time ?? pin.createdAt),
      dname: person(state, message?.senderId ?? '').name,
    },
    created_time: pin.createdAt,
    last_modified_time: pin.modifiedAt,
    chat_id: chat.id,
  };
}

export function memberView(state: SandboxState, userId: string, fields: readonly string[] | undefined) {
  const user = state.users.get(userId);
  const full: Record<string, string> = { user_id: userId, email_id: user?.email ?? '', name: user?.name ?? '' };
  if (!fields) return full;
  return Object.fromEntries(Object.entries(full).filter(([key]) => fields.includes(key)));
}
