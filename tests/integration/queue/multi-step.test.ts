import { describe, expect, it } from 'vitest';
import { planChatMove } from '../../../components/popup/model/undo';
import { failedOf } from '../../../lib/board/read-models';
import { deleteFolder, folderById } from '../../sandbox/folders';
import { loadSeed, pinnedIds, seedChats, useQueueSandbox } from './setup';

/*
 * Changes Cliq can only make in several requests: each finishes, or its failure says what is true in Cliq now
 * and Retry completes it. Judged by the sandbox's state.
 */

const h = useQueueSandbox();

describe('a change of expiry whose last step keeps failing', () => {
  it('says it was re-pinned but not moved back to its place, and Retry moves it back', async () => {
    const sandbox = h.sb();
    const { seed, chats } = seedChats(1, 12, 10);
    await loadSeed(sandbox, seed);
    const chat = chats[0] as (typeof chats)[number];
    const before = pinnedIds(sandbox, chat.chatId);
    const seventh = before[6] as string;
    const worker = await h.worker('multi-step');
    expect((await worker.sync.refreshChat(chat.chatId)).ok).toBe(true);

    // Every move of a pin fails; unpinning and pinning still work.
    sandbox.setFaults('fail=1,only=PUT /v3/chats/{CHAT_ID}/pin-messages');
    const expiry = Date.now() + 3 * 86_400_000;
    await worker.queue.enqueue({ kind: 'changePinExpiry', chatId: chat.chatId, messageId: seventh, expiry });
    await worker.queue.run();

    const [failed] = failedOf(await worker.db.getAll('intents'));
    expect(failed?.error?.message).toMatch(/^Re-pinned with the new expiry, but it could not be moved back to place 7/);
    expect(failed?.error?.message).toMatch(/Retry moves it back\.$/);
    expect(failed?.error?.message).not.toMatch(/Nothing was changed/);
    // What the message says is what Cliq holds: pinned, with the new expiry, not at place 7.
    const now = pinnedIds(sandbox, chat.chatId);
    expect(now).toContain(seventh);
    expect(now.indexOf(seventh)).not.toBe(6);

    sandbox.setFaults(null);
    expect(await worker.queue.retry(failed?.id as number)).toBe(true);
    await worker.queue.run();
    expect(pinnedIds(sandbox, chat.chatId)).toEqual(before);
    const pin = sandbox.state.pins.get(chat.chatId)?.entries.find((p) => p.messageId === seventh);
    expect(Math.abs((pin?.expiry ?? 0) - expiry)).toBeLessThan(1_000);
    expect(failedOf(await worker.db.getAll('intents'))).toEqual([]);
  });
});

describe('moving a chat between folders', () => {
  it('never leaves the chat pinned nowhere when it cannot be added to the target', async () => {
    const sandbox = h.sb();
    const { seed, chats } = seedChats(3, 1, 0);
    const [a, b, c] = chats.map((chat) => chat.chatId) as [string, string, string];
    await loadSeed(sandbox, {
      ...seed,
      folders: [
        { id: '9101', title: 'From', symbol: '📁', chatIds: [a, b] },
        { id: '9102', title: 'To', symbol: '⭐', chatIds: [c] },
      ],
    });
    const worker = await h.worker('multi-step');
    expect((await worker.sync.refreshFolders()).ok).toBe(true);
    const snapshot = (id: string) => ({
      folderId: id,
      collapsed: false,
      isMyPins: false,
      chatIds: [...(folderById(sandbox.state, id)?.chatIds ?? [])],
    });
    const intents = planChatMove([snapshot('9101'), snapshot('9102')], new Map([['9101', [a]]]), '9102');
    expect(intents.map((i) => i.kind === 'replaceFolderChats' && i.folderId)).toEqual(['9102', '9101']);

    // Someone deletes the target folder before the move goes out.
    deleteFolder(sandbox.state, folderById(sandbox.state, '9102') as NonNullable<ReturnType<typeof folderById>>, true);
    await worker.queue.enqueue(intents);
    await worker.queue.run();

    expect(folderById(sandbox.state, '9101')?.chatIds).toEqual([a, b]);
    const failures = failedOf(await worker.db.getAll('intents')).map((r) => r.error?.message);
    expect(failures).toContain('The chat was not added to the other folder, so it stays in this one.');
  });
});
