import { describe, expect, it } from 'vitest';
import { failureOf, first, useSandbox } from './harness';

const h = useSandbox();

describe('listChatsV2', () => {
  it('lists direct and group chats in the v2 shape', async () => {
    const result = await h.client().call('listChatsV2', { limit: 5 });
    h.expectRoute('listChatsV2');
    expect(result.chats.length).toBeGreaterThan(0);
    expect(result.chats.length).toBeLessThanOrEqual(5);
    for (const chat of result.chats) expect(['dm', 'chat']).toContain(chat.chat_type);
  });

  it('filters on drafts', async () => {
    const result = await h.client().call('listChatsV2', { drafts: true });
    expect(result.chats.map((c) => c.chat_id)).toEqual(
      h
        .chats()
        .filter((c) => c.drafts && (c.type === 'group_chat' || c.type === 'direct_message'))
        .map((c) => c.id),
    );
  });
});

describe('sticky messages (v2 pins)', () => {
  it('pins, reads and removes the sticky message with underscore ids', async () => {
    const chat = first(
      h.chats().filter((c) => h.pinCount(c) === 0 && h.messages(c).length > 0),
      'chat without pins',
    );
    const message = h.messages(chat).at(-1);
    const set = await h.client().call('setStickyMessage', { chatId: chat.id, messageId: message?.id as string });
    h.expectRoute('setStickyMessage');
    expect(set.data.message.msguid).toBe(message?.id);
    expect(set.data.expiry_time).toBe(-1);
    const read = await h.client().call('getStickyMessage', { chatId: chat.id });
    h.expectRoute('getStickyMessage');
    expect(read?.data?.message.msguid).toBe(message?.id);
    await h.client().call('removeStickyMessage', { chatId: chat.id });
    h.expectRoute('removeStickyMessage');
    expect(await h.client().call('getStickyMessage', { chatId: chat.id })).toBeUndefined();
  });

  it('refuses an expiry in the past', async () => {
    const chat = first(
      h.chats().filter((c) => h.messages(c).length > 0),
      'chat with messages',
    );
    const error = await failureOf(
      h.client().call('setStickyMessage', {
        chatId: chat.id,
        messageId: h.messages(chat)[0]?.id as string,
        expiryTime: h.sb().clock.now() - 1000,
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_failed' });
  });
});
