import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperationName, ParamsOf } from '../../../lib/cliq/endpoints/index';
import type { CliqError } from '../../../lib/cliq/errors';
import { failureOf, scriptedClient } from './scripted-fetch';

const view = { lastSyncTime: 1_000_000 };

/** Calls `op` and expects an `invalid` refusal with no request made. */
async function refused<Op extends OperationName>(op: Op, params: ParamsOf<Op>): Promise<CliqError> {
  const { client, spy } = scriptedClient([]);
  const error = await failureOf(client.call(op, params));
  expect(error.kind).toBe('invalid');
  expect(spy).not.toHaveBeenCalled();
  return error;
}

const ids = (n: number, kind: 'message' | 'chat' = 'message') =>
  Array.from({ length: n }, (_, i) => (kind === 'message' ? `${1_700_000_000_000 + i}_1` : `CT_${i}_1`));

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
    const { client, sent } = scriptedClient([{ status: 204 }]);
    const unique = ids(25);
    await client.call('unpinMessages', { chatId: 'CT_91_1', messageIds: [...unique, ...unique.slice(0, 5)] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('DELETE');
    expect(sent[0]?.body).toEqual({ message_ids: unique });
  });

  it('sends exactly the distinct ids when there are 1..25 of them, and nothing otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ids(40)), { maxLength: 60 }), async (chosen) => {
        const { client, sent } = scriptedClient([{ status: 204 }]);
        const distinct = [...new Set(chosen)];
        const outcome = await client.call('unpinMessages', { chatId: 'CT_91_1', messageIds: chosen }).then(
          () => 'sent',
          (e: CliqError) => e.kind,
        );
        if (distinct.length >= 1 && distinct.length <= 25) {
          expect(outcome).toBe('sent');
          expect(sent[0]?.body).toEqual({ message_ids: distinct });
        } else {
          expect(outcome).toBe('invalid');
          expect(sent).toHaveLength(0);
        }
      }),
    );
  });

  it('reads v2 ids written with an encoded space as the same message', async () => {
    const { client, sent } = scriptedClient([{ status: 204 }]);
    await client.call('unpinMessages', { chatId: 'CT_91_1', messageIds: ['1573708648341%20375412769224'] });
    expect(sent[0]?.body).toEqual({ message_ids: ['1573708648341_375412769224'] });
  });
});

describe('removeChatsFromAllFolders', () => {
  it('refuses an empty or missing list and more than 25 chats', async () => {
    await refused('removeChatsFromAllFolders', { chatIds: [] });
    await refused('removeChatsFromAllFolders', {} as ParamsOf<'removeChatsFromAllFolders'>);
    await refused('removeChatsFromAllFolders', { chatIds: ids(26, 'chat') });
  });

  it('sends the distinct ids as one comma-separated parameter', async () => {
    const { client, sent } = scriptedClient([{ status: 204 }]);
    await client.call('removeChatsFromAllFolders', { chatIds: ['CT_301_1', 'CT_302_1', 'CT_301_1'] });
    expect(sent[0]?.url).toBe('https://cliq.zoho.com/api/v3/pin-categories?chat_ids=CT_301_1,CT_302_1');
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
    const { client, sent } = scriptedClient([{ json: { data: { category_id: 'F9', title: 'Work' } } }]);
    const created = await client.call('createFolder', { title: 'Work' });
    expect(sent[0]?.body).toEqual({ title: 'Work', symbol: '' });
    expect(created.data.category_id).toBe('F9');
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

  it('pins with no expiry and no notification unless asked', async () => {
    const pin = { id: '1700000000000_1', pin_information: { expiry_time: -1, is_primary: true } };
    const { client, sent } = scriptedClient([{ json: { data: pin } }]);
    await client.call('pinMessage', { chatId: 'CT_91_1', messageId: '1700000000000_1' });
    expect(sent[0]?.body).toEqual({ message_id: '1700000000000_1', expiry_time: -1, notify: false });
  });
});

describe('signed out', () => {
  it('fails as auth without a request when there is no token', async () => {
    const { client, spy } = scriptedClient([], { getToken: async () => undefined });
    const error = await failureOf(client.call('listFolders', {}));
    expect(error).toMatchObject({ kind: 'auth', operation: 'listFolders' });
    expect(error.message).toMatch(/not signed in/);
    expect(spy).not.toHaveBeenCalled();
  });
});
