import { describe, expect, it } from 'vitest';
import { START } from './helpers';
import { startSandbox } from './index';
import { livePins } from './pins';
import { loadSeed } from './seed-data';
import { buildSeed } from './seeds';
import { SandboxState } from './state';

function load(name: 'default' | 'large' | 'empty') {
  const state = new SandboxState(() => START);
  loadSeed(state, buildSeed(name, START));
  return state;
}

const pinnedChats = (state: SandboxState) => [...state.chats.values()].filter((c) => livePins(state, c).length > 0);

describe('seeds', () => {
  it('default: a few dozen chats of every type, pins in many chats, five folders with emoji', () => {
    const state = load('default');
    const chats = [...state.chats.values()];
    expect(chats.length).toBeGreaterThanOrEqual(30);
    expect(new Set(chats.map((c) => c.type))).toEqual(
      new Set(['direct_message', 'group_chat', 'channel', 'bot', 'thread']),
    );
    const pinned = pinnedChats(state);
    expect(pinned.length).toBeGreaterThanOrEqual(10);
    const expiries = pinned.flatMap((c) => livePins(state, c).map((p) => p.expiry));
    expect(expiries.filter((e) => e === -1).length).toBeGreaterThan(5);
    expect(expiries.some((e) => e !== -1 && e - START <= 2 * 60_000)).toBe(true);
    expect(expiries.filter((e) => e !== -1 && e - START <= 24 * 3_600_000).length).toBeGreaterThanOrEqual(3);
    for (const chat of pinned)
      for (const pin of livePins(state, chat)) expect(state.message(chat, pin.messageId)).toBeDefined();
    expect(state.folders[0]?.id).toBe('default');
    expect(state.folders[0]?.chatIds.length).toBeGreaterThan(0);
    const folders = state.folders.slice(1);
    expect(folders).toHaveLength(5);
    for (const folder of folders) {
      expect(folder.symbol).toMatch(/\p{Extended_Pictographic}/u);
      expect(folder.chatIds.length).toBeGreaterThanOrEqual(2);
    }
    for (const thread of chats.filter((c) => c.type === 'thread')) {
      const parent = state.chat(thread.parentChatId as string);
      expect(parent && state.message(parent, thread.threadMessageId as string)).toBeDefined();
    }
  });

  it('large: 200+ chats, 25-pin chats, 20+ folders and chats with 5,000+ messages, generated lazily', () => {
    const state = load('large');
    const chats = [...state.chats.values()];
    expect(chats.length).toBeGreaterThanOrEqual(200);
    expect(chats.every((c) => c.messages.length === 0 && c.generated)).toBe(true);
    expect(chats.filter((c) => (c.generated?.count ?? 0) >= 5000).length).toBeGreaterThanOrEqual(3);
    expect(pinnedChats(state).filter((c) => livePins(state, c).length === 25).length).toBeGreaterThanOrEqual(3);
    expect(state.folders.length - 1).toBeGreaterThanOrEqual(20);
    const big = chats.find((c) => (c.generated?.count ?? 0) >= 5000);
    if (!big) throw new Error('no big chat');
    const pinnedId = livePins(state, big)[0]?.messageId as string;
    expect(state.messagesOf(big).length).toBeGreaterThanOrEqual(5000);
    expect(state.message(big, pinnedId)).toBeDefined();
  });

  it('empty: only the signed-in user and an empty My Pins', () => {
    const state = load('empty');
    expect([...state.users.keys()]).toEqual([state.currentUserId]);
    expect(state.chats.size).toBe(0);
    expect(state.folders).toEqual([{ id: 'default', title: '', symbol: '', state: 'expanded', chatIds: [] }]);
  });

  it('is deterministic for a given start time, over HTTP too', async () => {
    const [a, b] = await Promise.all([startSandbox({ startTime: START }), startSandbox({ startTime: START })]);
    try {
      const read = async (url: string, token: string) => {
        const res = await fetch(`${url}/api/v3/pin-categories?include_fields=chats`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        return res.json();
      };
      expect(await read(a.url, a.token)).toEqual(await read(b.url, b.token));
      expect([...a.state.chats.keys()]).toEqual([...b.state.chats.keys()]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
