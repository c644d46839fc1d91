import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../lib/intents/intents';
import { mergeChatEdit } from '../../../lib/lists/rules';
import { useMessages } from '../messages';
import { makeHarness } from './harness';

describe('intent validation', () => {
  it('accepts what the popup and page send, normalising ids and expiry', () => {
    expect(
      parseIntent({
        kind: 'unpinMessages',
        chatId: 'CT_1_1',
        messageIds: ['1700000000001%201', '1700000000001_1', '1700000000001 2'],
      }),
    ).toEqual({
      ok: true,
      intent: { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1', '1700000000001_2'] },
    });
    expect(
      parseIntent({
        kind: 'pinMessage',
        chatId: 'CT_1_1',
        messageId: '1700000000001_1',
        expiry: '2030-01-01T00:00:00+05:30',
      }),
    ).toEqual({
      ok: true,
      intent: {
        kind: 'pinMessage',
        chatId: 'CT_1_1',
        messageId: '1700000000001_1',
        expiry: Date.parse('2030-01-01T00:00:00+05:30'),
        notify: false,
      },
    });
  });

  it('refuses what must never reach Cliq', () => {
    const refused = [
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: [] },
      { kind: 'removeChatsFromAllFolders', chatIds: [] },
      { kind: 'moveFolder', folderId: 'default' },
      { kind: 'deleteFolder', folderId: 'default' },
      { kind: 'moveFolder', folderId: '42', above: 'default' },
      { kind: 'pinMessage', chatId: 'CT_1/../x', messageId: '1700000000001_1' },
      { kind: 'pinMessage', chatId: 'CT_1_1', messageId: '1700000000001_1', expiry: 'tomorrow' },
      { kind: 'createFolder', title: '   ' },
      { kind: 'replaceFolderChats', folderId: '42', chatIds: Array.from({ length: 101 }, (_, i) => `CT_${i}_1`) },
      { kind: 'dropEverything' },
      // Dot ids would resolve away in the URL and hit the list endpoints instead.
      { kind: 'deleteFolder', folderId: '.', unpinAll: true },
      { kind: 'deleteFolder', folderId: '..' },
      { kind: 'deleteFolder', folderId: '%2e' },
      { kind: 'unpinMessages', chatId: '..', messageIds: ['1700000000001_1'] },
      { kind: 'unpinChat', chatId: '.' },
      { kind: 'pinMessage', chatId: 'CT_1_1', messageId: '..' },
      // Not Cliq's shapes at all.
      { kind: 'pinChatToFolder', chatId: 'general' },
      { kind: 'pinMessage', chatId: 'CT_1_1', messageId: 'm1' },
    ];
    for (const input of refused) expect(parseIntent(input).ok, JSON.stringify(input)).toBe(false);
    expect(parseIntent({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: [] })).toEqual({
      ok: false,
      error: 'messageIds: at least 1 message id is required',
    });
  });

  it("refuses in the UI's language, naming the field as the intent spells it", () => {
    useMessages('fr', 'fr-FR');
    expect(parseIntent({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: [] })).toEqual({
      ok: false,
      error: 'messageIds: au moins 1 ID de message est obligatoire',
    });
    expect(parseIntent({ kind: 'explode' })).toEqual({ ok: false, error: 'kind: action inconnue « explode »' });
  });

  it('names an unknown action in one short line', () => {
    expect(parseIntent({ kind: 'explode', chatId: 'CT_1_1' })).toEqual({
      ok: false,
      error: 'kind: unknown action "explode"',
    });
  });

  it('journals all of a batch or none of it', async () => {
    const { queue, db } = await makeHarness();
    const result = await queue.enqueue([
      { kind: 'pinChatToFolder', chatId: 'CT_1_1' },
      { kind: 'unpinChat', chatId: '' },
    ]);
    expect(result).toEqual({ ok: false, error: 'intent 2, chatId: chat id is empty' });
    expect(await db.getAll('intents')).toEqual([]);
  });
});

describe('re-applying a folder edit to a list that changed', () => {
  it('keeps the user’s additions and removals and what others did meanwhile', () => {
    const base = ['a', 'b', 'c'];
    const desired = ['c', 'a', 'd']; // removed b, added d, reordered
    const current = ['a', 'b', 'e']; // someone removed c, added e
    expect(mergeChatEdit(base, desired, current)).toEqual(['a', 'd', 'e']);
    expect(mergeChatEdit(undefined, desired, current)).toEqual(desired);
  });
});
