import { describe, expect, it } from 'vitest';
import { failureOf, first, useSandbox } from './harness';

const h = useSandbox();

const chatWithOwnMessage = () =>
  first(
    h.chats().filter((c) => h.messages(c).some((m) => m.senderId === h.me())),
    'chat with a message by the user',
  );
const ownMessage = (chatId: string) => {
  const chat = h.sb().state.chat(chatId);
  return h.messages(chat as NonNullable<typeof chat>).find((m) => m.senderId === h.me()) as { id: string };
};

describe('reading messages', () => {
  it('lists the newest messages of a chat', async () => {
    const chat = first(
      h.chats('group_chat').filter((c) => h.messages(c).length > 3),
      'group chat with messages',
    );
    const result = await h.client().call('listMessages', { chatId: chat.id, limit: 3 });
    h.expectRoute('listMessages');
    expect(result.data.map((m) => m.id)).toEqual(
      h
        .messages(chat)
        .slice(-3)
        .map((m) => m.id),
    );
  });

  it('retrieves one message', async () => {
    const chat = first(h.chats('group_chat'), 'group chat');
    const message = h.messages(chat)[0];
    const result = await h.client().call('getMessage', { chatId: chat.id, messageId: message?.id as string });
    h.expectRoute('getMessage');
    expect(result).toMatchObject({ id: message?.id, content: message?.text });
  });

  it('lists the replies in a message’s thread', async () => {
    const thread = first(h.chats('thread'), 'thread');
    const result = await h.client().call('listThreadMessages', {
      chatId: thread.parentChatId as string,
      messageId: thread.threadMessageId as string,
    });
    h.expectRoute('listThreadMessages');
    expect(result.data.map((m) => m.id)).toEqual(h.messages(thread).map((m) => m.id));
  });

  it('answers 404 for a message that does not exist, as invalid', async () => {
    const chat = first(h.chats('group_chat'), 'group chat');
    const error = await failureOf(h.client().call('getMessage', { chatId: chat.id, messageId: '1000000000000_1' }));
    expect(error).toMatchObject({ kind: 'invalid', status: 404 });
  });
});

describe('posting messages', () => {
  it('posts to a chat, with the new id when asked to wait for it', async () => {
    const chat = first(h.chats('group_chat'), 'group chat');
    const posted = await h.client().call('postToChat', { chatId: chat.id, text: 'Hello team', syncMessage: true });
    h.expectRoute('postToChat');
    expect(posted?.message_id).toBe(h.messages(chat).at(-1)?.id);
    expect(await h.client().call('postToChat', { chatId: chat.id, text: 'No wait' })).toBeUndefined();
  });

  it('posts to a channel by its unique name, also as a bot in it', async () => {
    const channel = first(
      h.chats('channel').filter((c) => c.memberIds.some((id) => h.sb().state.chats.get(botChatOf(id))?.uniqueName)),
      'channel with a bot',
    );
    const botId = channel.memberIds.find((id) => botChatOf(id)) as string;
    const botName = h.sb().state.chats.get(botChatOf(botId))?.uniqueName as string;
    await h
      .client()
      .call('postToChannel', { channelName: channel.uniqueName as string, text: 'Deploy at 5', asBot: botName });
    h.expectRoute('postToChannel');
    expect(h.messages(channel).at(-1)).toMatchObject({ text: 'Deploy at 5', senderId: botId });
  });

  it('posts to a bot, broadcasting to chosen users', async () => {
    const bot = first(
      [...h.sb().state.chats.values()].filter((c) => c.type === 'bot'),
      'bot',
    );
    const users = [h.me()];
    const result = await h
      .client()
      .call('postToBot', { botName: bot.uniqueName as string, text: 'Ping', userIds: users });
    h.expectRoute('postToBot');
    const detail = result?.message_details?.[h.me()];
    expect(detail?.message_id).toMatch(/^\d+_\d+$/);
  });

  it('posts to a colleague by email, and not to an outside contact', async () => {
    const colleague = first(
      [...h.sb().state.users.values()].filter((u) => u.id !== h.me() && u.active && !u.external && u.email),
      'colleague',
    );
    await h.client().call('postToUser', { user: colleague.email, text: 'Lunch?' });
    h.expectRoute('postToUser');
    const outsider = first(
      [...h.sb().state.users.values()].filter((u) => u.external && u.email),
      'outside contact',
    );
    const error = await failureOf(h.client().call('postToUser', { user: outsider.email, text: 'Hi' }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_not_allowed' });
  });
});

describe('editing and deleting', () => {
  it('edits the user’s own message and refuses someone else’s', async () => {
    const chat = first(
      h
        .chats()
        .filter(
          (c) => h.messages(c).some((m) => m.senderId === h.me()) && h.messages(c).some((m) => m.senderId !== h.me()),
        ),
      'chat with messages by the user and by others',
    );
    const mine = ownMessage(chat.id);
    await h.client().call('editMessage', { chatId: chat.id, messageId: mine.id, text: 'Edited', notifyEdit: false });
    h.expectRoute('editMessage');
    expect(h.sb().state.message(chat, mine.id)?.text).toBe('Edited');
    const theirs = h.messages(chat).find((m) => m.senderId !== h.me()) as { id: string };
    const error = await failureOf(h.client().call('editMessage', { chatId: chat.id, messageId: theirs.id, text: 'x' }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_not_allowed' });
  });

  it('deletes the user’s own message', async () => {
    const chat = chatWithOwnMessage();
    const mine = ownMessage(chat.id);
    await h.client().call('deleteMessage', { chatId: chat.id, messageId: mine.id });
    h.expectRoute('deleteMessage');
    expect(h.sb().state.message(chat, mine.id)).toBeUndefined();
  });
});

describe('reactions', () => {
  it('adds, lists and removes a reaction', async () => {
    const chat = first(h.chats('group_chat'), 'group chat');
    const message = h.messages(chat)[0] as { id: string };
    const at = { chatId: chat.id, messageId: message.id };
    await h.client().call('addReaction', { ...at, emoji: '👍' });
    h.expectRoute('addReaction');
    const listed = await h.client().call('listReactions', at);
    h.expectRoute('listReactions');
    expect(listed.data['👍']?.some((entry) => entry.split(':')[1] === h.me())).toBe(true);
    await h.client().call('removeReaction', { ...at, emoji: '👍' });
    h.expectRoute('removeReaction');
    expect((await h.client().call('listReactions', at)).data['👍']).toBeUndefined();
  });
});

/** The id of the bot chat whose bot user is `userId`, or '' when `userId` is no bot. */
function botChatOf(userId: string): string {
  const chat = [...h.sb().state.chats.values()].find((c) => c.type === 'bot' && c.creatorId === userId);
  return chat?.id ?? '';
}
