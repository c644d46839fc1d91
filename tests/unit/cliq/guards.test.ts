import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { OperationName, ParamsOf } from '../../../lib/cliq/endpoints/index';
import { ISO_DATE_TIME } from '../../../lib/cliq/endpoints/params';
import type { CliqError } from '../../../lib/cliq/errors';
import { failureOf } from '../../helpers';
import { addPin } from '../../sandbox/pins';
import type { Chat } from '../../sandbox/state';
import { useClientSandbox } from './sandbox-client';

/*
 * The client's guards against the sandbox: a refused call must leave the sandbox's request log empty, and a call
 * the guards let through is read back from that log (method, path, route template, query and body).
 */
const { sb, connect, onlyRequest } = useClientSandbox();
const PINS = '/v3/chats/{CHAT_ID}/pin-messages';
const FOLDERS = '/v3/pin-categories';

const view = { lastSyncTime: 1_000_000 };

/** Calls `op` and expects an `invalid` refusal with no request made. */
async function refused<Op extends OperationName>(op: Op, params: ParamsOf<Op>): Promise<CliqError> {
  const error = await failureOf(connect().call(op, params));
  expect(error.kind).toBe('invalid');
  expect(sb().requests()).toEqual([]);
  return error;
}

const ids = (n: number, kind: 'message' | 'chat' = 'message') =>
  Array.from({ length: n }, (_, i) => (kind === 'message' ? `${1_700_000_000_000 + i}_1` : `CT_${i}_1`));

/** A group chat of the signed-in user with at least `messages` messages and no pins. */
function unpinnedChat(messages = 1): Chat {
  const chat = [...sb().state.chats.values()].find(
    (c) =>
      sb().state.isParticipant(c) &&
      c.type === 'group_chat' &&
      (sb().state.pins.get(c.id)?.entries.length ?? 0) === 0 &&
      sb().state.messagesOf(c).length >= messages,
  );
  if (!chat) throw new Error(`the default seed has no unpinned group chat with ${messages} messages`);
  return chat;
}

/** A chat of the default seed with a pinned message, and that message's id. */
function pinnedMessage(): { chatId: string; messageId: string } {
  const [chatId, list] = [...sb().state.pins.entries()].find(([, l]) => l.entries.length > 0) ?? [];
  const messageId = list?.entries[0]?.messageId;
  if (!chatId || !messageId) throw new Error('the default seed has no pinned message');
  return { chatId, messageId };
}

/** Pins `messageIds` (messages of `chat`) in the sandbox's model, so unpinning them all is a real success. */
function pinAll(chat: Chat, messageIds: readonly string[]): void {
  for (const messageId of messageIds) {
    addPin(sb().state, chat, { messageId, expiry: -1, primary: false, creatorId: sb().state.currentUserId });
  }
}

const messageIdsOf = (chat: Chat, n: number) =>
  sb()
    .state.messagesOf(chat)
    .slice(-n)
    .map((m) => m.id);

describe('unpinMessages', () => {
  it('refuses an empty list, which on the wire would unpin every message in the chat', async () => {
    const error = await refused('unpinMessages', { chatId: 'CT_91_1', messageIds: [] });
    expect(error.message).toMatch(/every message in the chat/);
    expect(error.message).toMatch(/Nothing was sent to Cliq/);
    expect(error.field).toBe('messageIds');
  });

  it('refuses a missing list', async () => {
    const error = await refused('unpinMessages', { chatId: 'CT_91_1' } as unknown as ParamsOf<'unpinMessages'>);
    expect(error.message).toMatch(/every message in the chat/);
  });

  it('refuses more than 25 distinct ids', async () => {
    const error = await refused('unpinMessages', { chatId: 'CT_91_1', messageIds: ids(26) });
    expect(error.message).toMatch(/at most 25 .* \(got 26\)/);
  });

  it('sends each id once, so 30 ids with 5 repeats fit in one request', async () => {
    const chat = unpinnedChat(25);
    const unique = messageIdsOf(chat, 25);
    pinAll(chat, unique);
    await connect().call('unpinMessages', { chatId: chat.id, messageIds: [...unique, ...unique.slice(0, 5)] });
    const sent = onlyRequest({
      method: 'DELETE',
      path: `/api/v3/chats/${chat.id}/pin-messages`,
      template: PINS,
      status: 204,
    });
    expect(sent.body).toEqual({ message_ids: unique });
  });

  it('sends exactly the distinct ids when there are 1..25 of them, and nothing otherwise', async () => {
    const chat = unpinnedChat(40);
    const pool = messageIdsOf(chat, 40);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), async (chosen) => {
        sb().reset('default');
        const distinct = [...new Set(chosen)];
        if (distinct.length >= 1 && distinct.length <= 25) pinAll(chat, distinct);
        const outcome = await connect()
          .call('unpinMessages', { chatId: chat.id, messageIds: chosen })
          .then(
            () => 'sent',
            (e: CliqError) => e.kind,
          );
        if (distinct.length >= 1 && distinct.length <= 25) {
          expect(outcome).toBe('sent');
          const sent = onlyRequest({ method: 'DELETE', template: PINS, status: 204 });
          expect(sent.body).toEqual({ message_ids: distinct });
        } else {
          expect(outcome).toBe('invalid');
          expect(sb().requests()).toHaveLength(0);
        }
      }),
    );
  });

  it('reads v2 ids written with an encoded space as the same message', async () => {
    const { chatId, messageId } = pinnedMessage();
    await connect().call('unpinMessages', { chatId, messageIds: [messageId.replace('_', '%20')] });
    expect(sb().requests()).toHaveLength(1);
    expect(sb().requests()[0]).toMatchObject({ method: 'DELETE', template: PINS, status: 204 });
    expect(sb().requests()[0]?.body).toEqual({ message_ids: [messageId] });
  });
});

describe('removeChatsFromAllFolders', () => {
  it('refuses an empty or missing list and more than 25 chats', async () => {
    await refused('removeChatsFromAllFolders', { chatIds: [] });
    await refused('removeChatsFromAllFolders', {} as ParamsOf<'removeChatsFromAllFolders'>);
    await refused('removeChatsFromAllFolders', { chatIds: ids(26, 'chat') });
  });

  it('sends the distinct ids as one comma-separated parameter', async () => {
    const [first, second] = sb().state.folders.flatMap((f) => f.chatIds);
    if (!first || !second) throw new Error('the default seed has fewer than two pinned chats');
    await connect().call('removeChatsFromAllFolders', { chatIds: [first, second, first] });
    const sent = onlyRequest({ method: 'DELETE', path: '/api/v3/pin-categories', template: FOLDERS, status: 204 });
    expect(sent.query).toEqual({ chat_ids: `${first},${second}` });
    expect(sent.body).toBeUndefined();
  });
});

describe('folder guards', () => {
  it('replaceFolderChats needs the view the list was edited from', async () => {
    const error = await refused('replaceFolderChats', {
      categoryId: '501',
      chatIds: ['CT_301_1'],
    } as unknown as ParamsOf<'replaceFolderChats'>);
    expect(error.field).toBe('basedOn');
    expect(error.message).toMatch(/view of the list/);
  });

  it('refuses more than 100 chats in a folder', async () => {
    await refused('replaceFolderChats', { categoryId: '501', chatIds: ids(101, 'chat'), basedOn: view });
    await refused('createFolder', { title: 'Work', chatIds: ids(101, 'chat') });
  });

  it('refuses titles over 255 and symbols over 50 characters', async () => {
    const long = await refused('createFolder', { title: 'x'.repeat(256) });
    expect(long.message).toMatch(/folder title is longer than 255 characters/);
    await refused('createFolder', { title: 'Work', symbol: 'x'.repeat(51) });
    await refused('updateFolder', { categoryId: '501', title: 'x'.repeat(256) });
  });

  it('refuses an update that changes nothing', async () => {
    const error = await refused('updateFolder', { categoryId: '501' });
    expect(error.message).toMatch(/nothing to change/);
  });

  it('refuses to move or delete My Pins, or to put a folder above it', async () => {
    await refused('moveFolder', { categoryId: 'default', basedOn: view });
    await refused('moveFolder', { categoryId: '501', pinAbove: 'default', basedOn: view });
    await refused('deleteFolder', { categoryId: 'default' });
  });

  it('creates a folder with an empty symbol when none is given', async () => {
    const before = sb().state.folders.map((f) => f.id);
    const created = await connect().call('createFolder', { title: 'Work' });
    const sent = onlyRequest({ method: 'POST', path: '/api/v3/pin-categories', template: FOLDERS, status: 200 });
    expect(sent.body).toEqual({ title: 'Work', symbol: '' });
    const folder = sb().state.folders.at(-1);
    expect(before).not.toContain(folder?.id);
    expect(folder).toMatchObject({ title: 'Work', symbol: '' });
    expect(created.data.category_id).toBe(folder?.id);
  });
});

describe('ids and text', () => {
  it('refuses an id longer than any Cliq id, naming the parameter', async () => {
    const error = await refused('listPinnedMessages', { chatId: 'c'.repeat(101) });
    expect(error.field).toBe('chatId');
    expect(error.message).toMatch(/chat id is longer than 100 characters/);
  });

  it('refuses ids with spaces, slashes or query characters', async () => {
    await refused('getChat', { chatId: 'a b' });
    await refused('getChat', { chatId: '../x' });
    await refused('getChat', { chatId: 'a?b' });
  });

  it('refuses message text over 5000 characters and tokens over 100', async () => {
    await refused('postToChat', { chatId: 'CT_91_1', text: 'x'.repeat(5001) });
    await refused('listPinnedMessages', { chatId: 'CT_91_1', syncToken: 't'.repeat(101) });
  });

  it('refuses an expiry that is neither -1, epoch ms nor ISO 8601', async () => {
    const error = await refused('pinMessage', {
      chatId: 'CT_91_1',
      messageId: '1700000000000_1',
      expiryTime: 'tomorrow',
    });
    expect(error.message).toMatch(/expiry time must be/);
  });

  it("takes exactly the times zod's iso.datetime({ offset: true }) takes (the guard reuses its pattern)", () => {
    expect(ISO_DATE_TIME.source).toBe(z.iso.datetime({ offset: true })._zod.def.pattern?.source);
    expect(ISO_DATE_TIME.test('2024-02-29T23:59:59.5+05:30')).toBe(true);
    expect(ISO_DATE_TIME.test('2023-02-29T09:00:00Z')).toBe(false);
    expect(ISO_DATE_TIME.test('2024-03-01T09:00Z')).toBe(false);
  });

  it('pins with no expiry and no notification unless asked', async () => {
    const chat = unpinnedChat();
    const [messageId] = messageIdsOf(chat, 1);
    await connect().call('pinMessage', { chatId: chat.id, messageId: messageId as string });
    const sent = onlyRequest({
      method: 'POST',
      path: `/api/v3/chats/${chat.id}/pin-messages`,
      template: PINS,
      status: 200,
    });
    expect(sent.body).toEqual({ message_id: messageId, expiry_time: -1, notify: false });
  });
});

describe('signed out', () => {
  it('fails as auth without a request when there is no token', async () => {
    const error = await failureOf(connect({ getToken: async () => undefined }).call('listFolders', {}));
    expect(error).toMatchObject({ kind: 'auth', operation: 'listFolders' });
    expect(error.message).toMatch(/not signed in/);
    expect(sb().requests()).toEqual([]);
  });
});
