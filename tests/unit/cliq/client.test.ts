import { describe, expect, it, vi } from 'vitest';
import { CliqError } from '../../../lib/cliq/errors';
import { failureOf } from '../../helpers';
import type { Chat } from '../../sandbox/state';
import { useClientSandbox } from './sandbox-client';

/*
 * The client against the sandbox: what it puts on the wire (read back from the sandbox's log), how it reads what
 * comes back, and when it gives up. Bodies the sandbox would never send are served through its real routes with
 * `serve`, after the route's own checks.
 */
const { sb, connect } = useClientSandbox();
const last = () => sb().requests().at(-1);
const PINS = '/v3/chats/{CHAT_ID}/pin-messages';
const FOLDERS = '/v3/pin-categories';

/** A chat of the signed-in user with at least `pins` pins (and, for `pins: 0`, none). */
function chatWith(pins: number): Chat {
  const chat = [...sb().state.chats.values()].find((c) => {
    const count = sb().state.pins.get(c.id)?.entries.length ?? 0;
    return sb().state.isParticipant(c) && c.type === 'group_chat' && (pins === 0 ? count === 0 : count >= pins);
  });
  if (!chat) throw new Error(`the default seed has no group chat with ${pins} pins`);
  return chat;
}

const pinIds = (chat: Chat) =>
  sb()
    .state.pins.get(chat.id)
    ?.entries.map((p) => p.messageId) ?? [];

const pin = (id: string, expiry: unknown = -1, primary = false) => ({
  id,
  type: 'text',
  content: { text: `pin ${id}` },
  is_pinned: true,
  pin_information: { expiry_time: expiry, is_primary: primary },
});

describe('requests', () => {
  it('sends the documented method, path and JSON body, with a token Cliq accepts', async () => {
    const chat = chatWith(2);
    const [first, second] = pinIds(chat);
    const { view } = await connect().call('listPinnedMessages', { chatId: chat.id });
    await connect().call('reorderPinnedMessage', {
      chatId: chat.id,
      messageId: second as string,
      pinAbove: first,
      basedOn: view,
    });
    expect(last()).toMatchObject({
      method: 'PUT',
      path: `/api/v3/chats/${chat.id}/pin-messages`,
      status: 204,
      body: { message_id: second, pin_above: first, last_sync_time: view.lastSyncTime },
    });
  });

  it('sends reads with their query and no body', async () => {
    const [a, b] = [...sb().state.chats.keys()];
    await connect().call('listChats', { pinned: true, limit: 50, chatIds: [a as string, b as string] });
    expect(last()).toMatchObject({
      method: 'GET',
      status: 200,
      query: { limit: '50', pinned: 'true', chat_ids: `${a},${b}` },
    });
    expect(last()?.body).toBeUndefined();
  });

  it('picks the body operation for each PUT on one chat', async () => {
    const chat = chatWith(1);
    const message = sb().state.messagesOf(chat).at(-1)?.id as string;
    await connect().call('markChatUnread', { chatId: chat.id, messageId: message });
    const unread = last()?.body;
    const renamed = await connect().call('renameChat', { chatId: chat.id, title: 'New' });
    expect([unread, last()?.body]).toEqual([
      { operation: 'mark_as_unread', message_id: message },
      { operation: 'update_title', title: 'New' },
    ]);
    expect(renamed.data.title).toBe('New');
  });
});

describe('answers', () => {
  it('gives undefined for 204, and ignores a status object where no content is documented', async () => {
    const chat = chatWith(1);
    expect(await connect().call('muteChatV2', { chatId: chat.id })).toBeUndefined();
    sb().serve('POST', '/v2/chats/{CHAT_ID}/unmute', JSON.stringify({ 'Response Code': '204 No response' }));
    expect(await connect().call('unmuteChatV2', { chatId: chat.id })).toBeUndefined();
  });

  it('keeps documented fields and tolerates fields Zoho adds', async () => {
    const chat = chatWith(1);
    sb().serve('GET', PINS, JSON.stringify({ type: 'pinmessages', data: [{ ...pin('1_1'), shiny: true }], extra: 1 }));
    const result = await connect().call('listPinnedMessages', { chatId: chat.id });
    expect(result.data[0]?.pin_information.expiry_time).toBe(-1);
    expect(result.data[0]?.content?.text).toBe('pin 1_1');
  });

  it('treats a primary read on a chat without pins as no pin', async () => {
    const chat = chatWith(0);
    expect((await connect().call('getPrimaryPinnedMessage', { chatId: chat.id })).data).toBeUndefined();
  });

  it('separates pins from ids that a sync read reports as no longer pinned', async () => {
    const chat = chatWith(2);
    const client = connect();
    const first = await client.call('listPinnedMessages', { chatId: chat.id });
    const [gone] = pinIds(chat);
    await connect().call('unpinMessages', { chatId: chat.id, messageIds: [gone as string] });
    const delta = await client.call('listPinnedMessages', { chatId: chat.id, syncToken: first.sync_token });
    expect(delta.unpinnedIds).toEqual([gone]);
    expect(delta.data.map((p) => p.id)).not.toContain(gone);
    expect(delta.sync_token).toEqual(expect.any(String));
  });

  it('reads v2 message ids written with %20 or a space as the underscore ids of v3', async () => {
    const chat = chatWith(1);
    const [primary] = pinIds(chat);
    // The sb() writes the sticky message's id with %20, as Cliq does.
    expect((await connect().call('getStickyMessage', { chatId: chat.id }))?.data?.message.msguid).toBe(primary);
    sb().serve('POST', '/v2/chats/{CHAT_ID}/message', JSON.stringify({ message_id: '1599387839188 229293271789' }));
    const posted = await connect().call('postToChat', { chatId: chat.id, text: 'hi', syncMessage: true });
    expect(posted?.message_id).toBe('1599387839188_229293271789');
  });
});

describe('malformed answers', () => {
  const served = async (template: string, body: string) => {
    sb().serve('GET', template, body);
    const chat = chatWith(1);
    return failureOf(
      template === PINS ? connect().call('listPinnedMessages', { chatId: chat.id }) : connect().call('listFolders', {}),
    );
  };

  it('names a field of the wrong type', async () => {
    const data = [pin('1_1', -1, true), pin('2_2'), pin('3_3'), pin('4_4', 1745068184000)];
    const error = await served(PINS, JSON.stringify({ data }));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data[3].pin_information.expiry_time' });
    expect(error.message).toBe(
      "Cliq answered with data we don't understand: data[3].pin_information.expiry_time should be a string or -1. Nothing was changed.",
    );
  });

  it('names a missing field', async () => {
    const error = await served(FOLDERS, JSON.stringify({ data: [{ category_id: 'default' }, { title: 'Work' }] }));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data[1].category_id' });
    expect(error.message).toMatch(/data\[1\]\.category_id is missing/);
  });

  it('names a collection that is not a list', async () => {
    const error = await served(FOLDERS, JSON.stringify({ data: { items: [] } }));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data' });
    expect(error.message).toMatch(/: data should be a list\. Nothing was changed\.$/);
  });

  it('reports an answer that is not JSON', async () => {
    const error = await served(FOLDERS, '<html>Sign in</html>');
    expect(error.kind).toBe('malformed');
    expect(error.field).toBeUndefined();
    expect(error.message).toMatch(/not JSON/);
  });

  it('reports an empty answer where data was documented', async () => {
    const error = await served(FOLDERS, '');
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/the whole response\) is missing/);
  });

  it('tells the user a write with an unreadable answer was probably made', async () => {
    sb().serve('POST', FOLDERS, JSON.stringify({ data: { category_id: 7 } }));
    const error = await failureOf(connect().call('createFolder', { title: 'Work' }));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data.category_id' });
    expect(error.message).toMatch(/probably made; reload to check/);
    expect(sb().state.folders.map((f) => f.title)).toContain('Work');
  });

  it('names an enum field with its allowed values', async () => {
    const error = await served(FOLDERS, JSON.stringify({ data: [{ category_id: 'F1', state: 'open' }] }));
    expect(error.message).toMatch(/data\[0\]\.state should be one of "expanded", "collapsed"/);
  });
});

describe('time-outs and cancellation', () => {
  it('gives up when no answer comes within the time-out', async () => {
    sb().setFaults('latency=2000');
    const error = await failureOf(connect({ timeoutMs: 30 }).call('listFolders', {}));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/did not answer within 30 ms/);
  });

  it('gives up when the body stalls after the headers', async () => {
    sb().setFaults('slow=1,slowms=2000');
    expect((await failureOf(connect({ timeoutMs: 100 }).call('listFolders', {}))).kind).toBe('transient');
  });

  it('defaults to a 20 s time-out', async () => {
    // The sb() holds the answer back; only the client's own timer is moved by hand.
    sb().setFaults('latency=60000');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const pending = failureOf(connect().call('listFolders', {})).finally(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(19_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).message).toMatch(/within 20 s/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with the caller’s reason, not a CliqError, when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user left'));
    const outcome = await connect()
      .call('listFolders', {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(CliqError);
    expect((outcome as Error).message).toBe('user left');
    expect(sb().requests()).toEqual([]);
  });
});
