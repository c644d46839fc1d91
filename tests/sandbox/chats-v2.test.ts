import { describe, expect, it } from 'vitest';
import { chatsOfType, useSandbox } from './helpers';
import { livePins } from './pins';
import type { Chat } from './state';

const { sandbox, call } = useSandbox();
const group = () => chatsOfType(sandbox(), 'group_chat').find((c) => livePins(sandbox().state, c).length === 0) as Chat;

describe('GET /v2/chats', () => {
  it('lists direct and group chats, most recent first, in the v2 shape', async () => {
    const res = await call('GET', '/v2/chats');
    expect(res.status).toBe(200);
    const chats: { chat_type: string; last_modified_time: string }[] = res.body.chats;
    expect(new Set(chats.map((c) => c.chat_type))).toEqual(new Set(['dm', 'chat']));
    expect(chats[0]).toEqual({
      name: expect.any(String),
      creation_time: expect.any(String),
      creator_id: expect.any(String),
      last_modified_time: expect.any(String),
      removed: expect.any(Boolean),
      recipients_summary: expect.arrayContaining([{ user_id: expect.any(String), name: expect.any(String) }]),
      chat_type: expect.stringMatching(/^(dm|chat)$/),
      chat_id: expect.any(String),
      last_message_info: {
        sender_id: expect.any(String),
        message_type: 'text',
        time: expect.any(String),
        text: expect.any(String),
        sender_name: expect.any(String),
      },
      pinned: expect.any(Boolean),
      participant_count: expect.any(Number),
    });
    const times = chats.map((c) => Date.parse(c.last_modified_time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by limit, drafts and modified_before/after; limit over 100 is a 400', async () => {
    expect((await call('GET', '/v2/chats?limit=3')).body.chats).toHaveLength(3);
    const drafts = (await call('GET', '/v2/chats?drafts=true')).body.chats;
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((c: { chat_id: string }) => sandbox().state.chat(c.chat_id)?.drafts)).toBe(true);
    const all = (await call('GET', '/v2/chats')).body.chats;
    const pivot = all[3].last_modified_time;
    const before = (await call('GET', `/v2/chats?modified_before=${encodeURIComponent(pivot)}`)).body.chats;
    expect(before.every((c: { last_modified_time: string }) => c.last_modified_time < pivot)).toBe(true);
    const after = (await call('GET', `/v2/chats?modified_after=${Date.parse(pivot)}`)).body.chats;
    expect(after).toHaveLength(3);
    expect((await call('GET', '/v2/chats?limit=101')).status).toBe(400);
    expect((await call('GET', '/v2/chats?modified_after=soon')).status).toBe(400);
  });
});

describe('GET /v2/chats/{CHAT_ID}/members', () => {
  it('lists members, narrowed by fields', async () => {
    const chat = group();
    const res = await call('GET', `/v2/chats/${chat.id}/members`);
    expect(res.body.members).toHaveLength(chat.memberIds.length);
    expect(res.body.members[0]).toEqual({
      user_id: expect.any(String),
      email_id: expect.stringContaining('@'),
      name: expect.any(String),
    });
    const narrow = await call('GET', `/v2/chats/${chat.id}/members?fields=name,user_id`);
    expect(Object.keys(narrow.body.members[0]).sort()).toEqual(['name', 'user_id']);
    expect((await call('GET', `/v2/chats/${chat.id}/members?fields=phone`)).status).toBe(400);
    expect((await call('GET', '/v2/chats/CT_0_x/members')).status).toBe(404);
  });
});

describe('POST /v2/chats/{CHAT_ID}/mute|unmute|leave', () => {
  it('mutes and unmutes with 204', async () => {
    const chat = group();
    expect((await call('POST', `/v2/chats/${chat.id}/mute`)).status).toBe(204);
    expect(chat.muted).toBe(true);
    expect((await call('POST', `/v2/chats/${chat.id}/unmute`)).status).toBe(204);
    expect(chat.muted).toBe(false);
  });

  it('leaves a group chat, which then refuses the user; direct chats cannot be left', async () => {
    const chat = group();
    expect((await call('POST', `/v2/chats/${chat.id}/leave`)).status).toBe(204);
    expect(chat.removed).toBe(true);
    expect((await call('GET', `/v2/chats/${chat.id}/members`)).body.code).toBe('operation_not_allowed');
    const direct = chatsOfType(sandbox(), 'direct_message')[0] as Chat;
    expect((await call('POST', `/v2/chats/${direct.id}/leave`)).body.code).toBe('operation_not_allowed');
  });
});

describe('/v2/chats/{CHAT_ID}/stickymessage', () => {
  it('pins a message as the primary (v2 view: epoch ms and %20 ids), reads and removes it', async () => {
    const chat = group();
    const message = sandbox().state.messagesOf(chat).at(-1) as { id: string; text: string };
    expect((await call('GET', `/v2/chats/${chat.id}/stickymessage`)).status).toBe(204);
    const expiry = sandbox().clock.now() + 3_600_000;
    const res = await call('POST', `/v2/chats/${chat.id}/stickymessage`, {
      body: { id: message.id, expiry_time: expiry, notify: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      expiry_time: expiry,
      creator: { name: 'Alex Morgan', id: sandbox().state.currentUserId },
      message: {
        msg: message.text,
        sender: expect.any(String),
        lmsgtime: expect.stringMatching(/^\d+$/),
        msguid: message.id.replace('_', '%20'),
        time: expect.stringMatching(/^\d+$/),
        dname: expect.any(String),
      },
      created_time: expect.any(Number),
      last_modified_time: expect.any(Number),
      chat_id: chat.id,
    });
    const get = await call('GET', `/v2/chats/${chat.id}/stickymessage`);
    expect(get.body).toMatchObject({ type: 'stickymessage', data: { chat_id: chat.id } });
    const v3 = await call('GET', `/v3/chats/${chat.id}/pin-messages?primary`);
    expect(v3.body.data.id).toBe(message.id);
    expect((await call('DELETE', `/v2/chats/${chat.id}/stickymessage`)).status).toBe(204);
    expect((await call('GET', `/v2/chats/${chat.id}/stickymessage`)).status).toBe(204);
  });

  it('accepts a %20 id and refuses past expiries and unknown ids', async () => {
    const chat = group();
    const id = (sandbox().state.messagesOf(chat).at(-1) as { id: string }).id;
    const encoded = await call('POST', `/v2/chats/${chat.id}/stickymessage`, { body: { id: id.replace('_', '%20') } });
    expect(encoded.body.data.expiry_time).toBe(-1);
    const past = await call('POST', `/v2/chats/${chat.id}/stickymessage`, { body: { id, expiry_time: 1000 } });
    expect(past.body.code).toBe('operation_failed');
    expect((await call('POST', `/v2/chats/${chat.id}/stickymessage`, { body: { id: '1_1' } })).status).toBe(400);
  });
});
