import { describe, expect, it, vi } from 'vitest';
import { CliqError } from '../../../lib/cliq/errors';
import { failureOf, scriptedClient } from './scripted-fetch';

const pin = (id: string, expiry: unknown = -1, primary = false) => ({
  id,
  type: 'text',
  content: { text: `pin ${id}` },
  is_pinned: true,
  pin_information: { expiry_time: expiry, is_primary: primary },
});

describe('requests', () => {
  it('sends the bearer token, JSON bodies and the documented method', async () => {
    const { client, sent } = scriptedClient([{ status: 204 }]);
    await client.call('reorderPinnedMessage', {
      chatId: 'C1',
      messageId: '1_2',
      pinAbove: '3_4',
      basedOn: { lastSyncTime: 1745068184000 },
    });
    expect(sent[0]).toEqual({
      url: 'https://cliq.zoho.com/api/v3/chats/C1/pin-messages',
      method: 'PUT',
      headers: { authorization: 'Bearer token-1', accept: 'application/json', 'content-type': 'application/json' },
      body: { message_id: '1_2', pin_above: '3_4', last_sync_time: 1745068184000 },
    });
  });

  it('sends no body and no content type for reads', async () => {
    const { client, sent } = scriptedClient([{ json: { chats: [] } }]);
    await client.call('listChats', { pinned: true, limit: 50, chatIds: ['a', 'b'] });
    expect(sent[0]?.url).toBe('https://cliq.zoho.com/api/v3/chats?limit=50&pinned=true&chat_ids=a,b');
    expect(sent[0]?.headers['content-type']).toBeUndefined();
    expect(sent[0]?.body).toBeUndefined();
  });

  it('picks the body operation for each PUT on one chat', async () => {
    const { client, sent } = scriptedClient([{ status: 204 }, { json: { data: { chat_id: 'C1', title: 'New' } } }]);
    await client.call('markChatUnread', { chatId: 'C1', messageId: '5_6' });
    const renamed = await client.call('renameChat', { chatId: 'C1', title: 'New' });
    expect(sent.map((r) => r.body)).toEqual([
      { operation: 'mark_as_unread', message_id: '5_6' },
      { operation: 'update_title', title: 'New' },
    ]);
    expect(renamed.data.title).toBe('New');
  });
});

describe('answers', () => {
  it('gives undefined for 204, and ignores a status object where no content is documented', async () => {
    const { client } = scriptedClient([{ status: 204 }, { json: { 'Response Code': '204 No response' } }]);
    expect(await client.call('muteChatV2', { chatId: 'C1' })).toBeUndefined();
    expect(await client.call('unmuteChatV2', { chatId: 'C1' })).toBeUndefined();
  });

  it('keeps documented fields and tolerates fields Zoho adds', async () => {
    const { client } = scriptedClient([
      { json: { type: 'pinmessages', data: [{ ...pin('1_1'), shiny: true }], extra: 1 } },
    ]);
    const result = await client.call('listPinnedMessages', { chatId: 'C1' });
    expect(result.data[0]?.pin_information.expiry_time).toBe(-1);
    expect(result.data[0]?.content?.text).toBe('pin 1_1');
  });

  it('treats a primary read on a chat without pins as no pin', async () => {
    const { client } = scriptedClient([{ json: { url: '/v3/chats/C1/pin-messages', type: 'pinmessages' } }]);
    expect((await client.call('getPrimaryPinnedMessage', { chatId: 'C1' })).data).toBeUndefined();
  });

  it('separates pins from ids that a sync read reports as no longer pinned', async () => {
    const { client } = scriptedClient([
      { json: { sync_token: 't2', data: [pin('1_1'), { id: '2_2', is_pinned: false }] } },
    ]);
    const delta = await client.call('listPinnedMessages', { chatId: 'C1', syncToken: 't1' });
    expect(delta.data.map((p) => p.id)).toEqual(['1_1']);
    expect(delta.unpinnedIds).toEqual(['2_2']);
    expect(delta.sync_token).toBe('t2');
  });

  it('writes v2 message ids with an underscore', async () => {
    const sticky = {
      type: 'stickymessage',
      data: { expiry_time: -1, message: { msguid: '1573641936588%20345281288778', msg: 'hi' }, created_time: 1 },
    };
    const { client } = scriptedClient([{ json: sticky }, { json: { message_id: '1599387839188 229293271789' } }]);
    expect((await client.call('getStickyMessage', { chatId: 'C1' }))?.data?.message.msguid).toBe(
      '1573641936588_345281288778',
    );
    const posted = await client.call('postToChat', { chatId: 'C1', text: 'hi', syncMessage: true });
    expect(posted?.message_id).toBe('1599387839188_229293271789');
  });
});

describe('malformed answers', () => {
  it('names a field of the wrong type', async () => {
    const data = [pin('1_1', -1, true), pin('2_2'), pin('3_3'), pin('4_4', 1745068184000)];
    const { client } = scriptedClient([{ json: { data } }]);
    const error = await failureOf(client.call('listPinnedMessages', { chatId: 'C1' }));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data[3].pin_information.expiry_time' });
    expect(error.message).toBe(
      "Cliq answered with data we don't understand: data[3].pin_information.expiry_time should be a string or -1. Nothing was changed.",
    );
  });

  it('names a missing field', async () => {
    const { client } = scriptedClient([{ json: { data: [{ category_id: 'default' }, { title: 'Work' }] } }]);
    const error = await failureOf(client.call('listFolders', {}));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data[1].category_id' });
    expect(error.message).toMatch(/data\[1\]\.category_id is missing/);
  });

  it('names a collection that is not a list', async () => {
    const { client } = scriptedClient([{ json: { data: { items: [] } } }]);
    const error = await failureOf(client.call('listFolders', {}));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data' });
    expect(error.message).toMatch(/: data should be a list\. Nothing was changed\.$/);
  });

  it('reports an answer that is not JSON', async () => {
    const { client } = scriptedClient([{ text: '<html>Sign in</html>' }]);
    const error = await failureOf(client.call('listFolders', {}));
    expect(error.kind).toBe('malformed');
    expect(error.field).toBeUndefined();
    expect(error.message).toMatch(/not JSON/);
  });

  it('reports an empty answer where data was documented', async () => {
    const { client } = scriptedClient([{ status: 200, text: '' }]);
    const error = await failureOf(client.call('listFolders', {}));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/the whole response\) is missing/);
  });

  it('tells the user a write with an unreadable answer was probably made', async () => {
    const { client } = scriptedClient([{ json: { data: { category_id: 7 } } }]);
    const error = await failureOf(client.call('createFolder', { title: 'Work' }));
    expect(error).toMatchObject({ kind: 'malformed', field: 'data.category_id' });
    expect(error.message).toMatch(/probably made; reload to check/);
  });

  it('names an enum field with its allowed values', async () => {
    const { client } = scriptedClient([{ json: { data: [{ category_id: 'F1', state: 'open' }] } }]);
    const error = await failureOf(client.call('listFolders', {}));
    expect(error.message).toMatch(/data\[0\]\.state should be one of "expanded", "collapsed"/);
  });
});

describe('time-outs and cancellation', () => {
  it('gives up when no answer comes within the time-out', async () => {
    const { client } = scriptedClient([{ hang: 'headers' }], { timeoutMs: 30 });
    const error = await failureOf(client.call('listFolders', {}));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/did not answer within 30 ms/);
  });

  it('gives up when the body stalls after the headers', async () => {
    const { client } = scriptedClient([{ hang: 'body' }], { timeoutMs: 30 });
    expect((await failureOf(client.call('listFolders', {}))).kind).toBe('transient');
  });

  it('defaults to a 20 s time-out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { client } = scriptedClient([{ hang: 'headers' }]);
      let settled = false;
      const pending = failureOf(client.call('listFolders', {})).finally(() => {
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
    const { client, spy } = scriptedClient([]);
    const controller = new AbortController();
    controller.abort(new Error('user left'));
    const outcome = await client.call('listFolders', {}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(CliqError);
    expect((outcome as Error).message).toBe('user left');
    expect(spy).not.toHaveBeenCalled();
  });
});
