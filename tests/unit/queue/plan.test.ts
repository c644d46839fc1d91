import { describe, expect, it } from 'vitest';
import { readFolders } from '../../../lib/board/read-models';
import { shownPins } from '../../../lib/lists/overlay';
import { getPinList } from '../../../lib/store/cache';
import { makeHarness } from './harness';

const DAY = 86_400_000;

describe('changing a pin expiry (Cliq has no call for it)', () => {
  it('unpins and pins again, then moves it back to where it was', async () => {
    const { fake, queue, clock, db } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2', '1700000000001_3', '1700000000001_4']);
    await queue.enqueue({
      kind: 'reorderPin',
      chatId: 'CT_1_1',
      messageId: '1700000000001_1',
      above: '1700000000001_1',
    }); // reads the list
    await queue.run();
    const expiry = clock.now() + DAY;
    await queue.enqueue({ kind: 'changePinExpiry', chatId: 'CT_1_1', messageId: '1700000000001_3', expiry });
    // Shown at once with the new expiry, in its place.
    expect((await shownPins(db, 'CT_1_1')).map((p) => [p.messageId, p.expiry])).toEqual([
      ['1700000000001_1', -1],
      ['1700000000001_2', -1],
      ['1700000000001_3', expiry],
      ['1700000000001_4', -1],
    ]);
    await queue.run();
    // The first read was made after both intents, so the change starts from it.
    expect(fake.calls.map((c) => c.op)).toEqual([
      'listPinnedMessages',
      'unpinMessages',
      'pinMessage',
      'listPinnedMessages',
      'reorderPinnedMessage',
    ]);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_1', '1700000000001_2', '1700000000001_3', '1700000000001_4']);
    expect(fake.pins('CT_1_1')[2]?.expiry).toBe(expiry);
    expect((await getPinList(db, 'CT_1_1'))?.pins.map((p) => p.messageId)).toEqual([
      '1700000000001_1',
      '1700000000001_2',
      '1700000000001_3',
      '1700000000001_4',
    ]);
  });

  it('keeps the primary pin primary', async () => {
    const { fake, queue, clock } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    await queue.enqueue({
      kind: 'changePinExpiry',
      chatId: 'CT_1_1',
      messageId: '1700000000001_1',
      expiry: clock.now() + DAY,
    });
    await queue.run();
    expect(fake.callsOf('pinMessage')[0]?.params).toMatchObject({ primary: true, notify: false });
    expect(fake.callsOf('reorderPinnedMessage')).toHaveLength(0);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_1', '1700000000001_2']);
  });

  it('fails without a request when the pin is gone', async () => {
    const { fake, queue, clock } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_2']);
    await queue.enqueue({
      kind: 'changePinExpiry',
      chatId: 'CT_1_1',
      messageId: '1700000000001_1',
      expiry: clock.now() + DAY,
    });
    await queue.run();
    expect(fake.calls.map((c) => c.op)).toEqual(['listPinnedMessages']);
    expect(await queue.progress()).toMatchObject({ failed: 1 });
  });
});

describe('folder intents', () => {
  it('re-applies a chat-list replacement to the list Cliq has now, losing nobody’s chats', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.addFolder({ id: '7', title: 'Team', chatIds: ['CT_10_1', 'CT_11_1'] });
    fake.chat('CT_12_1');
    fake.chat('CT_13_1');
    await queue.enqueue({ kind: 'moveChatInFolder', folderId: '7', chatId: 'CT_11_1' });
    await queue.run(); // reads the folder list: b is already last
    await queue.enqueue({ kind: 'replaceFolderChats', folderId: '7', chatIds: ['CT_11_1', 'CT_12_1'] });
    // A second later, another device pins z into the folder just before the replacement arrives.
    fake.script('replaceFolderChats', {
      before: async () => {
        fake.clock.advance(1000);
        await fake.otherDevice.call('pinChat', { chatId: 'CT_13_1', categoryId: '7' });
      },
    });
    await queue.run();
    expect(fake.callsOf('replaceFolderChats').map((c) => (c.params as { chatIds: string[] }).chatIds)).toEqual([
      ['CT_11_1', 'CT_12_1'],
      ['CT_11_1', 'CT_12_1', 'CT_13_1'],
    ]);
    expect((await readFolders(db)).find((f) => f.folderId === '7')?.chatIds).toEqual(['CT_11_1', 'CT_12_1', 'CT_13_1']);
  });

  it('shows queued changes at once and drops them when they fail', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.addFolder({ id: '7', title: 'Team', chatIds: ['CT_10_1'] });
    fake.chat('CT_14_1');
    await queue.enqueue({ kind: 'moveChatInFolder', folderId: '7', chatId: 'CT_10_1' });
    await queue.run(); // reads the folder list
    await queue.enqueue([
      { kind: 'renameFolder', folderId: '7', title: 'Crew' },
      { kind: 'createFolder', title: 'New', chatIds: ['CT_10_1'] },
      { kind: 'pinChatToFolder', chatId: 'CT_14_1' },
    ]);
    const shown = await readFolders(db);
    expect(shown.map((f) => [f.title, f.chatIds, f.pending])).toEqual([
      [undefined, ['CT_14_1'], true],
      ['Crew', ['CT_10_1'], true],
      ['New', ['CT_10_1'], true],
    ]);
    fake.script('updateFolder', { fail: 'invalid' });
    await queue.run();
    const after = await readFolders(db);
    expect(after.map((f) => [f.title, f.chatIds, f.pending])).toEqual([
      [undefined, ['CT_14_1'], false],
      ['Team', ['CT_10_1'], false],
      ['New', ['CT_10_1'], false],
    ]);
    expect(after.every((f) => !f.folderId.startsWith('pending'))).toBe(true);
  });
});
