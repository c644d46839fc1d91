import { describe, expect, it } from 'vitest';
import { chatsOfType, useSandbox } from './helpers';
import { addPin, livePins } from './pins';
import type { Chat, Message } from './state';

const { sandbox, call } = useSandbox();
const me = () => sandbox().state.currentUserId;
const group = () => chatsOfType(sandbox(), 'group_chat').find((c) => livePins(sandbox().state, c).length === 0) as Chat;
const lastOf = (chat: Chat) => sandbox().state.messagesOf(chat).at(-1) as Message;
const msgPath = (chat: Chat, id: string) => `/v2/chats/${chat.id}/messages/${id}`;

describe('GET /v2/chats/{CHAT_ID}/messages', () => {
  it('answers the newest messages in the window, oldest first, in the v2 shape', async () => {
    const chat = group();
    const all = sandbox().state.messagesOf(chat);
    const res = await call('GET', `/v2/chats/${chat.id}/messages?limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((m: { id: string }) => m.id)).toEqual(all.slice(-5).map((m) => m.id));
    expect(res.body.data[0]).toEqual({
      sender: { name: expect.any(String), id: expect.any(String) },
      id: expect.stringMatching(/^\d{13}_\d+$/),
      time: expect.any(Number),
      type: 'text',
      content: { text: expect.any(String) },
    });
    const older = await call('GET', `/v2/chats/${chat.id}/messages?limit=5&totime=${res.body.data[0].time - 1}`);
    expect(older.body.data.map((m: { id: string }) => m.id)).toEqual(all.slice(-10, -5).map((m) => m.id));
    const from = all.at(-3) as Message;
    const tail = await call('GET', `/v2/chats/${chat.id}/messages?fromtime=${from.time}`);
    expect(tail.body.data).toHaveLength(3);
    expect((await call('GET', `/v2/chats/${chat.id}/messages?limit=101`)).status).toBe(400);
  });

  it('serves thousands of messages in the large seed', async () => {
    sandbox().reset('large');
    const big = [...sandbox().state.chats.values()].find((c) => (c.generated?.count ?? 0) >= 5000) as Chat;
    const res = await call('GET', `/v2/chats/${big.id}/messages?limit=100`);
    expect(res.body.data).toHaveLength(100);
    expect(sandbox().state.messagesOf(big).length).toBeGreaterThanOrEqual(5000);
  });
});

describe('GET /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}', () => {
  it('answers the documented single-message shape, by _ or %20 id; unknown ids 404', async () => {
    const chat = group();
    const message = lastOf(chat);
    for (const id of [message.id, message.id.replace('_', '%20')]) {
      const res = await call('GET', msgPath(chat, id));
      expect(res.body).toEqual({
        sender: { senderName: expect.any(String), senderID: message.senderId },
        id: message.id,
        time: message.time,
        type: 'text',
        content: message.text,
      });
    }
    expect((await call('GET', msgPath(chat, '1_1'))).status).toBe(404);
  });

  it('answers a thread under its head message, and an empty list elsewhere', async () => {
    const thread = chatsOfType(sandbox(), 'thread')[0] as Chat;
    const parent = sandbox().state.chat(thread.parentChatId as string) as Chat;
    const res = await call('GET', `${msgPath(parent, thread.threadMessageId as string)}/messages`);
    expect(res.body.data).toHaveLength(sandbox().state.messagesOf(thread).length);
    const other = await call('GET', `${msgPath(parent, lastOf(parent).id)}/messages`);
    expect(other.body.data).toEqual([]);
  });
});

describe('posting messages', () => {
  it('posts to a chat: 204, or the new id with sync_message', async () => {
    const chat = group();
    expect((await call('POST', `/v2/chats/${chat.id}/message`, { body: { text: 'hello' } })).status).toBe(204);
    const res = await call('POST', `/v2/chats/${chat.id}/message`, {
      body: { text: 'again', sync_message: true, reply_to: lastOf(chat).id },
    });
    expect(res.body).toEqual({ message_id: lastOf(chat).id });
    expect(lastOf(chat)).toMatchObject({ text: 'again', senderId: me() });
    for (const body of [{}, { text: '' }, { text: 'x'.repeat(5001) }, { text: 'x', reply_to: '1_1' }]) {
      expect((await call('POST', `/v2/chats/${chat.id}/message`, { body })).status).toBe(400);
    }
  });

  it('posts to a channel by unique name, optionally as a bot that is in the channel', async () => {
    const engineering = chatsOfType(sandbox(), 'channel').find((c) => c.uniqueName === 'engineering') as Chat;
    expect((await call('POST', '/v2/channelsbyname/engineering/message', { body: { text: 'hi all' } })).status).toBe(
      204,
    );
    expect(lastOf(engineering).text).toBe('hi all');
    await call('POST', '/v2/channelsbyname/engineering/message?bot_unique_name=deploybot', {
      body: { text: 'deployed' },
    });
    expect(sandbox().state.users.get(lastOf(engineering).senderId)?.name).toBe('Deploy Bot');
    const notIn = await call('POST', '/v2/channelsbyname/general/message?bot_unique_name=taskbot', {
      body: { text: 'x' },
    });
    expect(notIn.body.code).toBe('operation_not_allowed');
    expect((await call('POST', '/v2/channelsbyname/nope/message', { body: { text: 'x' } })).status).toBe(404);
  });

  it('posts to a bot, or broadcasts to users with userids', async () => {
    const res = await call('POST', '/v2/bots/taskbot/message', { body: { text: 'ping', sync_message: true } });
    expect(res.body.message_id).toMatch(/^\d{13}_\d+$/);
    const users = [...sandbox().state.users.values()].slice(1, 3).map((u) => u.id);
    const broadcast = await call('POST', '/v2/bots/taskbot/message', {
      body: { text: 'news', userids: users.join(',') },
    });
    expect(broadcast.body.user_ids).toEqual(users);
    for (const id of users) {
      expect(broadcast.body.message_details[id]).toEqual({
        chat_id: expect.any(String),
        message_id: expect.stringMatching(/^\d{13}%20\d+$/),
      });
    }
  });

  it('posts to a user by email or id; users outside the organisation are refused', async () => {
    const user = [...sandbox().state.users.values()].find((u) => u.name === 'Priya Raman');
    const res = await call('POST', `/v2/buddies/${user?.email}/message`, { body: { text: 'hey', sync_message: true } });
    expect(res.body.message_id).toBeDefined();
    const vendor = [...sandbox().state.users.values()].find((u) => u.external);
    expect((await call('POST', `/v2/buddies/${vendor?.email}/message`, { body: { text: 'hey' } })).body.code).toBe(
      'operation_not_allowed',
    );
  });
});

describe('PUT / DELETE /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}', () => {
  it('edits own messages only', async () => {
    const chat = group();
    const mine = sandbox().state.appendMessage(chat, me(), 'typo');
    expect((await call('PUT', msgPath(chat, mine.id), { body: { text: 'fixed', notify_edit: false } })).status).toBe(
      204,
    );
    expect(mine.text).toBe('fixed');
    const theirs = sandbox().state.appendMessage(chat, chat.memberIds.find((id) => id !== me()) as string, 'theirs');
    expect((await call('PUT', msgPath(chat, theirs.id), { body: { text: 'x' } })).body.code).toBe(
      'operation_not_allowed',
    );
    expect((await call('PUT', msgPath(chat, mine.id), { body: {} })).status).toBe(400);
  });

  it('deletes own messages, unpinning them', async () => {
    const s = sandbox();
    const chat = group();
    const mine = s.state.appendMessage(chat, me(), 'pin me');
    addPin(s.state, chat, { messageId: mine.id, expiry: -1, primary: true, creatorId: me() });
    expect((await call('DELETE', msgPath(chat, mine.id))).status).toBe(204);
    expect(s.state.message(chat, mine.id)).toBeUndefined();
    expect(livePins(s.state, chat)).toEqual([]);
    expect((await call('DELETE', msgPath(chat, mine.id))).status).toBe(404);
  });
});

describe('/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/reactions', () => {
  it('adds, lists and removes reactions', async () => {
    const chat = group();
    const message = lastOf(chat);
    const path = `${msgPath(chat, message.id)}/reactions`;
    expect((await call('POST', path, { body: { emoji_code: '🔥' } })).status).toBe(204);
    await call('POST', path, { body: { emoji_code: '🔥' } });
    const res = await call('GET', path);
    expect(res.body).toEqual({ data: { '🔥': [expect.stringMatching(new RegExp(`^\\d+:${me()}:Alex Morgan$`))] } });
    expect((await call('DELETE', `${path}?emoji_code=${encodeURIComponent('🔥')}`)).status).toBe(204);
    expect((await call('GET', path)).body).toEqual({ data: {} });
    expect((await call('POST', path, { body: {} })).status).toBe(400);
  });
});
