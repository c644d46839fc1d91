import { describe, expect, it } from 'vitest';
import type { Chat } from '../../sandbox/state';
import { failureOf, first, useSandbox } from './harness';

const h = useSandbox();

/** A chat with at least `min` pins, none of which expires within the hour. */
function chatWithPins(min: number): Chat {
  const soon = h.sb().clock.now() + 3_600_000;
  const lasting = (c: Chat) =>
    h
      .sb()
      .state.pins.get(c.id)
      ?.entries.every((p) => p.expiry === -1 || p.expiry > soon);
  return first(
    h.chats().filter((c) => h.pinCount(c) >= min && lasting(c)),
    `chat with ${min} lasting pins`,
  );
}

function unpinnedMessageOf(chat: Chat) {
  const pinned = new Set(h.pinnedIds(chat));
  return first(
    h.messages(chat).filter((m) => !pinned.has(m.id)),
    'unpinned message',
  );
}

describe('listPinnedMessages', () => {
  it('lists a chat’s pins, primary first, with a view on the sandbox clock', async () => {
    const chat = chatWithPins(2);
    const before = h.sb().clock.now();
    const result = await h.client().call('listPinnedMessages', { chatId: chat.id, limit: 25 });
    const after = h.sb().clock.now();
    h.expectRoute('listPinnedMessages');
    expect(result.data.map((p) => p.id)).toEqual(h.pinnedIds(chat));
    expect(result.data[0]?.pin_information.is_primary).toBe(true);
    expect(result.data.slice(1).every((p) => !p.pin_information.is_primary)).toBe(true);
    // The earliest the sandbox clock can have shown at the send: never later than the read, and off by at most
    // the Date header's second plus the round trip.
    expect(result.view.lastSyncTime).toBeLessThanOrEqual(after);
    expect(result.view.lastSyncTime).toBeGreaterThanOrEqual(before - 1_000 - (after - before));
    expect(result.unpinnedIds).toEqual([]);
  });

  it('pages with next_token', async () => {
    const chat = chatWithPins(2);
    const page1 = await h.client().call('listPinnedMessages', { chatId: chat.id, limit: 1 });
    expect(page1.next_token).toBeDefined();
    const page2 = await h
      .client()
      .call('listPinnedMessages', { chatId: chat.id, limit: 1, nextToken: page1.next_token });
    expect(page2.data[0]?.id).toBe(h.pinnedIds(chat)[1]);
  });

  it('reports pins removed since a sync token', async () => {
    const chat = chatWithPins(2);
    const full = await h.client().call('listPinnedMessages', { chatId: chat.id, limit: 25 });
    const gone = h.pinnedIds(chat)[1] as string;
    await h.client().call('unpinMessages', { chatId: chat.id, messageIds: [gone] });
    const delta = await h.client().call('listPinnedMessages', { chatId: chat.id, syncToken: full.sync_token });
    expect(delta.unpinnedIds).toEqual([gone]);
  });

  it('answers operation_failed for an unknown token, as invalid', async () => {
    const chat = chatWithPins(1);
    const error = await failureOf(h.client().call('listPinnedMessages', { chatId: chat.id, syncToken: 'bm9wZQ' }));
    expect(error).toMatchObject({ kind: 'invalid', status: 400, code: 'operation_failed' });
  });

  it('refuses a chat the user is not in with operation_not_allowed', async () => {
    const outsider = first(
      [...h.sb().state.chats.values()].filter((c) => !h.sb().state.isParticipant(c)),
      'chat the user is not in',
    );
    const error = await failureOf(h.client().call('listPinnedMessages', { chatId: outsider.id }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_not_allowed' });
  });
});

describe('getPrimaryPinnedMessage', () => {
  it('gives the primary pin, or nothing for a chat without pins', async () => {
    const pinned = chatWithPins(1);
    const primary = await h.client().call('getPrimaryPinnedMessage', { chatId: pinned.id });
    h.expectRoute('getPrimaryPinnedMessage');
    expect(primary.data?.id).toBe(h.pinnedIds(pinned)[0]);
    const bare = first(
      h.chats().filter((c) => h.pinCount(c) === 0 && h.messages(c).length > 0),
      'chat without pins',
    );
    expect((await h.client().call('getPrimaryPinnedMessage', { chatId: bare.id })).data).toBeUndefined();
  });
});

describe('pinMessage', () => {
  it('pins a message as primary and answers with the pin', async () => {
    const chat = chatWithPins(1);
    const message = unpinnedMessageOf(chat);
    const pin = await h.client().call('pinMessage', { chatId: chat.id, messageId: message.id, primary: true });
    h.expectRoute('pinMessage');
    expect(pin.data).toMatchObject({ id: message.id, pin_information: { is_primary: true, expiry_time: -1 } });
    expect(h.pinnedIds(chat)[0]).toBe(message.id);
  });

  it('takes an ISO 8601 expiry and refuses one in the past', async () => {
    const chat = chatWithPins(1);
    const message = unpinnedMessageOf(chat);
    const later = new Date(h.sb().clock.now() + 3_600_000).toISOString();
    const pin = await h.client().call('pinMessage', { chatId: chat.id, messageId: message.id, expiryTime: later });
    expect(pin.data.pin_information.expiry_time).not.toBe(-1);
    const past = h.sb().clock.now() - 60_000;
    const error = await failureOf(
      h.client().call('pinMessage', { chatId: chat.id, messageId: message.id, expiryTime: past }),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_failed' });
  });

  it('refuses a 26th pin in a chat', async () => {
    h.sb().reset('large');
    const full = first(
      h.chats().filter((c) => h.pinCount(c) === 25),
      'chat with 25 pins',
    );
    const error = await failureOf(
      h.client().call('pinMessage', { chatId: full.id, messageId: unpinnedMessageOf(full).id }),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_failed' });
  });
});

describe('reorderPinnedMessage', () => {
  it('moves a pin above the primary, making it primary', async () => {
    const chat = chatWithPins(3);
    const list = await h.client().call('listPinnedMessages', { chatId: chat.id, limit: 25 });
    const [primary, , last] = list.data.map((p) => p.id);
    h.sb().clock.advance(1000);
    await h.client().call('reorderPinnedMessage', {
      chatId: chat.id,
      messageId: last as string,
      pinAbove: primary,
      basedOn: list.view,
    });
    h.expectRoute('reorderPinnedMessage');
    expect(h.pinnedIds(chat)[0]).toBe(last);
  });

  it('is refused by Cliq as a conflict when the pins changed after the view', async () => {
    const chat = chatWithPins(3);
    const list = await h.client().call('listPinnedMessages', { chatId: chat.id, limit: 25 });
    h.sb().clock.advance(1000);
    await h.otherDevice().call('unpinMessages', { chatId: chat.id, messageIds: [list.data[1]?.id as string] });
    h.sb().clock.advance(1000);
    const error = await failureOf(
      h
        .client()
        .call('reorderPinnedMessage', { chatId: chat.id, messageId: list.data[2]?.id as string, basedOn: list.view }),
    );
    expect(error).toMatchObject({ kind: 'conflict', status: 400, code: 'client_not_synced' });
  });

  it("is accepted when this computer's clock runs ten minutes behind Cliq's", async () => {
    const chat = chatWithPins(4);
    const behind = h.clientWith({ now: () => h.sb().clock.now() - 600_000 });
    // Another device's change, just now on Cliq's clock: a view stamped on the lagging clock would predate it.
    await h.otherDevice().call('unpinMessages', { chatId: chat.id, messageIds: [h.pinnedIds(chat)[1] as string] });
    h.sb().clock.advance(1500);
    const list = await behind.call('listPinnedMessages', { chatId: chat.id, limit: 25 });
    const primary = list.data[0]?.id;
    const last = list.data.at(-1)?.id;
    h.sb().clock.advance(1500);
    await behind.call('reorderPinnedMessage', {
      chatId: chat.id,
      messageId: last as string,
      pinAbove: primary,
      basedOn: list.view,
    });
    expect(h.pinnedIds(chat)[0]).toBe(last);
  });
});

describe('unpinMessages', () => {
  it('unpins exactly the given messages', async () => {
    const chat = chatWithPins(3);
    const [keep, drop1, drop2] = h.pinnedIds(chat);
    await h
      .client()
      .call('unpinMessages', { chatId: chat.id, messageIds: [drop1 as string, drop2 as string, drop1 as string] });
    h.expectRoute('unpinMessages');
    expect(h.sb().requests().at(-1)?.body).toEqual({ message_ids: [drop1, drop2] });
    expect(h.pinnedIds(chat)).toContain(keep);
    expect(h.pinnedIds(chat)).not.toContain(drop1);
  });

  it('never reaches Cliq with an empty list, so every pin survives', async () => {
    const chat = chatWithPins(2);
    const before = h.pinnedIds(chat);
    const error = await failureOf(h.client().call('unpinMessages', { chatId: chat.id, messageIds: [] }));
    expect(error.kind).toBe('invalid');
    expect(h.requestCount()).toBe(0);
    expect(h.pinnedIds(chat)).toEqual(before);
  });
});

describe('message kinds', () => {
  it('a pinned file arrives with its name and kind, its comment as text', async () => {
    const state = h.sb().state;
    const chat = first(
      h.chats().filter((c) => h.pinnedIds(c).some((id) => state.message(c, id)?.file)),
      'chat with a pinned file',
    );
    const result = await h.client().call('listPinnedMessages', { chatId: chat.id, limit: 25 });
    const file = first(
      result.data.filter((p) => p.type === 'file'),
      'file pin',
    );
    const message = state.message(chat, file.id);
    expect(file.content?.file).toEqual({ name: message?.file?.name, type: message?.file?.type });
    expect(file.content?.comment).toBe(message?.text);
    expect(file.content?.text).toBeUndefined();
  });
});
