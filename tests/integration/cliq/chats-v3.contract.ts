import { describe, expect, it } from 'vitest';
import { failureOf, first, useSandbox } from './harness';

const h = useSandbox();

const group = () => first(h.chats('group_chat'), 'group chat');
const colleagues = () =>
  [...h.sb().state.users.values()].filter((u) => u.id !== h.me() && u.active && !u.external).map((u) => u.id);

describe('listing and searching', () => {
  it('lists the chats the user pinned', async () => {
    const result = await h.client().call('listChats', { pinned: true });
    h.expectRoute('listChats');
    const pinned = new Set(h.folders().flatMap((f) => f.chatIds));
    expect(result.chats.length).toBeGreaterThan(0);
    expect(result.chats.every((c) => pinned.has(c.chat_id) && c.pinned === true)).toBe(true);
  });

  it('lists chosen chats by id', async () => {
    const ids = h
      .chats('channel')
      .slice(0, 2)
      .map((c) => c.id);
    const result = await h.client().call('listChats', { chatIds: ids });
    expect(result.chats.map((c) => c.chat_id).sort()).toEqual([...ids].sort());
  });

  it('searches by title and chat type', async () => {
    const channel = first(h.chats('channel'), 'channel');
    const result = await h
      .client()
      .call('searchChats', { title: channel.title, chatTypes: ['channel'], sortBy: 'usage' });
    h.expectRoute('searchChats');
    expect(result.chats.map((c) => c.chat_id)).toContain(channel.id);
  });

  it('reports search’s nested error form as invalid with its code', async () => {
    const error = await failureOf(h.client().call('searchChats', { modifiedAfter: 2000, modifiedBefore: 1000 }));
    expect(error).toMatchObject({ kind: 'invalid', status: 400, code: 'invalid.time.submitted' });
  });

  it('gets one chat with its last message', async () => {
    const chat = group();
    const result = await h.client().call('getChat', { chatId: chat.id, includeLastMessage: true });
    h.expectRoute('getChat');
    expect(result.data).toMatchObject({ chat_id: chat.id, name: chat.title, chat_type: 'group_chat' });
    expect(result.data.last_message_info).toBeDefined();
  });
});

describe('createChat', () => {
  it('creates a direct chat and a group chat', async () => {
    const [a, b] = colleagues();
    const direct = await h.client().call('createChat', { type: 'direct_message', userId: a as string });
    h.expectRoute('createChat');
    expect(direct.data.chat_type).toBe('direct_message');
    const made = await h.client().call('createChat', {
      type: 'group_chat',
      userIds: [a as string, b as string],
      title: 'Tiger team',
    });
    expect(made.data).toMatchObject({ chat_type: 'group_chat', name: 'Tiger team', participant_count: 3 });
  });

  it('refuses a group of two with insufficient_members_to_create_group_chat', async () => {
    const error = await failureOf(
      h.client().call('createChat', { type: 'group_chat', userIds: [colleagues()[0] as string], title: 'Pair' }),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'insufficient_members_to_create_group_chat' });
  });
});

describe('read state in bulk', () => {
  it('marks chats read and reports which succeeded', async () => {
    const chats = h
      .chats()
      .filter((c) => c.unreadCount > 0 && h.messages(c).length > 0)
      .slice(0, 2);
    const result = await h.client().call('markChatsRead', {
      chats: chats.map((c) => ({ chatId: c.id, lastMessageId: h.messages(c).at(-1)?.id as string })),
    });
    h.expectRoute('markChatsRead');
    expect(result?.data.success.sort()).toEqual(chats.map((c) => c.id).sort());
    expect(chats.every((c) => c.unreadCount === 0)).toBe(true);
  });

  it('clears unread counts', async () => {
    const chat = first(
      h.chats().filter((c) => c.unreadCount > 0),
      'unread chat',
    );
    await h.client().call('clearUnreadCounts', { chatIds: [chat.id] });
    h.expectRoute('clearUnreadCounts');
    expect(chat.unreadCount).toBe(0);
  });
});

describe('operations on one chat', () => {
  it('renames a group chat but not a channel', async () => {
    const chat = group();
    const renamed = await h.client().call('renameChat', { chatId: chat.id, title: 'Renamed room' });
    h.expectRoute('renameChat');
    expect(renamed.data).toEqual({ chat_id: chat.id, title: 'Renamed room' });
    const channel = first(h.chats('channel'), 'channel');
    const error = await failureOf(h.client().call('renameChat', { chatId: channel.id, title: 'x' }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'channel_title_update_not_supported' });
  });

  it('switches history off', async () => {
    const chat = group();
    await h.client().call('setChatHistory', { chatId: chat.id, history: 'disabled' });
    h.expectRoute('setChatHistory');
    expect(chat.historyEnabled).toBe(false);
  });

  it('marks one chat read, then unread from a message', async () => {
    const chat = first(
      h.chats('group_chat').filter((c) => h.messages(c).length > 2),
      'group chat with messages',
    );
    const messages = h.messages(chat);
    await h.client().call('markChatRead', { chatId: chat.id, lastMessageId: messages.at(-1)?.id as string });
    h.expectRoute('markChatRead');
    expect(chat.unreadCount).toBe(0);
    await h.client().call('markChatUnread', { chatId: chat.id, messageId: messages.at(-2)?.id as string });
    h.expectRoute('markChatUnread');
    expect(chat.unreadCount).toBe(2);
  });

  it('clears local history and closes a chat', async () => {
    const chat = group();
    await h.client().call('clearLocalHistory', { chatId: chat.id });
    h.expectRoute('clearLocalHistory');
    expect(h.sb().state.visibleMessages(chat)).toEqual([]);
    await h.client().call('closeChat', { chatId: chat.id });
    h.expectRoute('closeChat');
    expect(chat.closed).toBe(true);
  });

  it('refuses to clear a channel’s local history', async () => {
    const channel = first(h.chats('channel'), 'channel');
    const error = await failureOf(h.client().call('clearLocalHistory', { chatId: channel.id }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'chat_clear_local_history_not_supported' });
  });
});

describe('members, forks and typing', () => {
  it('adds and removes members of a group chat', async () => {
    const chat = group();
    const newcomer = colleagues().find((id) => !chat.memberIds.includes(id)) as string;
    const added = await h.client().call('addChatMembers', { chatId: chat.id, userIds: [newcomer] });
    h.expectRoute('addChatMembers');
    expect(added.data).toEqual({ chat_id: chat.id, added_user_ids: [newcomer] });
    const removed = await h.client().call('removeChatMembers', { chatId: chat.id, userIds: [newcomer] });
    h.expectRoute('removeChatMembers');
    expect(removed.data.removed_user_ids).toEqual([newcomer]);
    expect(chat.memberIds).not.toContain(newcomer);
  });

  it('refuses to add members to a direct chat', async () => {
    const direct = first(h.chats('direct_message'), 'direct chat');
    const error = await failureOf(
      h.client().call('addChatMembers', { chatId: direct.id, userIds: [colleagues()[0] as string] }),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'one_to_one_chat_add_member_not_allowed' });
  });

  it('forks a chat from a message', async () => {
    const chat = group();
    const from = h.messages(chat)[0] as { id: string };
    const forked = await h.client().call('forkChat', {
      chatId: chat.id,
      messageId: from.id,
      title: 'Follow-up',
      includeParticipants: true,
    });
    h.expectRoute('forkChat');
    expect(forked.data).toMatchObject({ name: 'Follow-up', chat_type: 'group_chat' });
  });

  it('refuses a fork from a message that does not exist with invalid_request', async () => {
    const error = await failureOf(
      h.client().call('forkChat', { chatId: group().id, messageId: '1000000000000_1', title: 'x' }),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'invalid_request' });
  });

  it('sends a typing indicator', async () => {
    expect(await h.client().call('sendTypingActivity', { chatId: group().id, action: 'typing' })).toBeUndefined();
    h.expectRoute('sendTypingActivity');
  });
});
