import { describe, expect, it } from 'vitest';
import { countRequests, estimate } from '../../../components/popup/model/estimate';
import { endpoints } from '../../../lib/cliq';
import type { IntentInput } from '../../../lib/intents/intents';

const MINUTE = 60_000;
const unpin = (chatId: string, n: number): IntentInput => ({
  kind: 'unpinMessages',
  chatId,
  messageIds: Array.from({ length: n }, (_, i) => `${i}_1`),
});

describe('the request and time estimate a confirmation shows', () => {
  it('bulk unpins take one request per 25 pins per chat, on the unpin budget', () => {
    const counts = countRequests([unpin('c1', 25), unpin('c2', 26), unpin('c3', 1), unpin('c1', 0)]);
    expect([...counts.values()].map(({ budget, count }) => [budget.key, count])).toEqual([
      [endpoints.unpinMessages.budget.key, 4],
    ]);
  });

  it('requests within a budget go at once; each further full budget waits another minute', () => {
    const perMinute = endpoints.unpinMessages.budget.perMinute;
    const chats = (n: number) => Array.from({ length: n }, (_, i) => unpin(`c${i}`, 3));
    expect(estimate(chats(perMinute), { now: 0, minuteMs: MINUTE })).toEqual({ requests: perMinute, waitMs: 0 });
    expect(estimate(chats(perMinute + 1), { now: 0, minuteMs: MINUTE }).waitMs).toBe(MINUTE);
    expect(estimate(chats(3 * perMinute), { now: 0, minuteMs: MINUTE }).waitMs).toBe(2 * MINUTE);
    // A scaled sandbox minute scales the wait.
    expect(estimate(chats(perMinute + 1), { now: 0, minuteMs: 2_000 }).waitMs).toBe(2_000);
  });

  it('counts what the queue already used of a budget, and a lock-out', () => {
    const key = endpoints.unpinMessages.budget.key;
    const used = new Map([[key, { used: 19 }]]);
    expect(estimate([unpin('a', 1), unpin('b', 1)], { now: 0, minuteMs: MINUTE, use: used }).waitMs).toBe(MINUTE);
    const locked = new Map([[key, { used: 0, lockedUntil: 90_000 }]]);
    expect(estimate([unpin('a', 1)], { now: 30_000, minuteMs: MINUTE, use: locked }).waitMs).toBe(60_000);
  });

  it('the four folder PUTs share one budget, and a replace after another folder write reads the list first', () => {
    const intents: IntentInput[] = [
      { kind: 'replaceFolderChats', folderId: 'f1', chatIds: ['a'] },
      { kind: 'replaceFolderChats', folderId: 'f2', chatIds: ['b'] },
      { kind: 'renameFolder', folderId: 'f2', title: 'New' },
    ];
    const counts = countRequests(intents);
    expect(counts.get(endpoints.replaceFolderChats.budget.key)?.count).toBe(3);
    expect(counts.get(endpoints.listFolders.budget.key)?.count).toBe(1);
    expect(estimate(intents, { now: 0, minuteMs: MINUTE })).toEqual({ requests: 4, waitMs: 0 });
  });

  it('removing chats from every folder takes one request per 25 chats', () => {
    const chatIds = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const counts = countRequests([{ kind: 'removeChatsFromAllFolders', chatIds }]);
    expect(counts.get(endpoints.removeChatsFromAllFolders.budget.key)?.count).toBe(2);
  });

  it('a folder delete is one request on its own budget', () => {
    expect(estimate([{ kind: 'deleteFolder', folderId: 'f1', unpinAll: true }], { now: 0, minuteMs: MINUTE })).toEqual({
      requests: 1,
      waitMs: 0,
    });
  });
});
