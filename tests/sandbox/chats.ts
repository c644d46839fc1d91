/** Creating chats at run time (API calls, forks, bot broadcasts) with the defaults seeds also use. */
import type { Chat, ChatType, SandboxState } from './state';

export interface NewChat {
  /** A new id unless given (tests that name their chats). */
  id?: string;
  type: ChatType;
  title: string;
  memberIds: string[];
  creatorId: string;
  uniqueName?: string;
  parentChatId?: string;
  threadMessageId?: string;
}

export function createChat(state: SandboxState, fields: NewChat): Chat {
  const now = state.now();
  const { id, ...rest } = fields;
  return state.addChat({
    id: id ?? state.newChatId(),
    createdAt: now,
    modifiedAt: now,
    removed: false,
    muted: false,
    closed: false,
    drafts: false,
    historyEnabled: true,
    previousTitles: [],
    unreadCount: 0,
    usage: 0,
    ...rest,
    memberIds: [...new Set(fields.memberIds)],
  });
}

/** The direct chat (or bot chat) between two users, if they have one. */
export function directChatBetween(state: SandboxState, a: string, b: string, type: ChatType = 'direct_message') {
  return [...state.chats.values()].find(
    (chat) =>
      chat.type === type && chat.memberIds.length === 2 && chat.memberIds.includes(a) && chat.memberIds.includes(b),
  );
}
