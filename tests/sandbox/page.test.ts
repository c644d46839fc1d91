import { describe, expect, it } from 'vitest';
import { chatsOfType, useSandbox } from './helpers';
import { sidebarChats } from './page/routes';
import { HOSTILE_TEXTS } from './seeds';
import type { Chat } from './state';

const { sandbox } = useSandbox();
const chatUrl = (chatId: string, query = '') => `${sandbox().url}/company/${sandbox().orgId}/chats/${chatId}${query}`;
const security = () => chatsOfType(sandbox(), 'group_chat').find((c) => c.title === 'Security Drills') as Chat;

describe('web app over HTTP', () => {
  it('redirects /chats to the most recent chat and serves the shell', async () => {
    const res = await fetch(`${sandbox().url}/company/${sandbox().orgId}/chats?markup=scrambled`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const first = sidebarChats(sandbox().state)[0] as Chat;
    expect(res.headers.get('location')).toBe(`/company/${sandbox().orgId}/chats/${first.id}?markup=scrambled`);
    const shell = await fetch(chatUrl(first.id));
    expect(shell.headers.get('content-type')).toContain('text/html');
    expect(await shell.text()).toContain('src="/__sandbox/page/app.js"');
  });

  it('answers 404 pages for unknown organisations and chats', async () => {
    expect((await fetch(`${sandbox().url}/company/1/chats`)).status).toBe(404);
    expect((await fetch(chatUrl('CT_0_none'))).status).toBe(404);
  });

  it('serves page data without auth: sidebar chats, the chat and all of its messages', async () => {
    const chat = security();
    const res = await fetch(`${sandbox().url}/__sandbox/page/chats/${chat.id}`);
    const data = await res.json();
    expect(data.chat).toEqual({
      id: chat.id,
      title: 'Security Drills',
      type: 'group_chat',
      participantCount: chat.memberIds.length,
    });
    expect(data.messages).toHaveLength(sandbox().state.messagesOf(chat).length);
    expect(data.messages.map((m: { text: string }) => m.text)).toEqual(expect.arrayContaining(HOSTILE_TEXTS));
    expect(data.chats[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      type: expect.any(String),
      unread: expect.any(Number),
    });
  });
});
