import { describe, expect, it } from 'vitest';
import { loadSeed, MINUTE_MS, ofTemplate, pinnedIds, seedChats, useQueueSandbox } from './setup';

const PIN_MESSAGES = '/v3/chats/{CHAT_ID}/pin-messages';
const h = useQueueSandbox();

describe('when Cliq locks a budget', () => {
  it('says until when, and sends nothing of that budget before then', async () => {
    const sandbox = h.sb();
    const { seed, chats } = seedChats(1, 30, 0);
    await loadSeed(sandbox, seed);
    const [chat] = chats;
    if (!chat) throw new Error('seeded');
    // Another app of the same user spends the whole pin budget for this minute.
    for (const messageId of chat.messageIds.slice(0, 20)) {
      const answer = await fetch(`${sandbox.url}/api/v3/chats/${chat.chatId}/pin-messages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message_id: messageId, expiry_time: -1, notify: false }),
      });
      expect(answer.status).toBe(200);
    }
    sandbox.clearRequests();
    const worker = await h.worker('lockout');
    const ours = chat.messageIds[25] as string;
    await worker.queue.enqueue({ kind: 'pinMessage', chatId: chat.chatId, messageId: ours });

    const seen: { lock?: number } = {};
    const watching = setInterval(async () => {
      seen.lock = (await worker.queue.progress()).lockedUntil ?? seen.lock;
    }, 50);
    await worker.queue.run();
    clearInterval(watching);

    const posts = ofTemplate(sandbox.requests(), 'POST', PIN_MESSAGES);
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    const [refused, sent] = posts as [(typeof posts)[number], (typeof posts)[number]];
    // The lock the progress reported is the documented 5 minutes (scaled), and the retry waited for it.
    const lock = seen.lock ?? Number.NaN;
    expect(lock - refused.at).toBeGreaterThanOrEqual(5 * MINUTE_MS - 100);
    expect(sent.at).toBeGreaterThanOrEqual(lock);
    expect(pinnedIds(sandbox, chat.chatId)).toContain(ours);
  });
});
