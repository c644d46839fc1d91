/**
 * The Cliq-like web app: `/company/<orgId>/chats/<chatId>` serves the shell, and the page's own script
 * reads `/__sandbox/page/chats/<chatId>` (unauthenticated, standing in for Cliq's web session) and
 * `/__sandbox/page/events` (server-sent events for messages that arrive while the page is open).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect, sendHtml, sendJson } from '../http';
import type { Chat, MessageEvent, SandboxState } from '../state';
import { MARKUPS, type Markup, notFoundHtml, shellHtml } from './html';

const APP_JS = readFileSync(new URL('./app.js', import.meta.url), 'utf8');

export interface PageSettings {
  /** Default markup when the URL has no `?markup=`; set through `POST /__sandbox/page/markup`. */
  markup: Markup;
}

/** Chats in the sidebar: the signed-in user's open chats (no threads), most recent first. */
export function sidebarChats(state: SandboxState): Chat[] {
  return [...state.chats.values()]
    .filter((c) => state.isParticipant(c) && !c.closed && c.type !== 'thread')
    .sort((a, b) => state.lastActivity(b) - state.lastActivity(a));
}

function messageJson(state: SandboxState, m: MessageEvent['message']) {
  const senderName = (id: string) => state.users.get(id)?.name ?? '';
  const chat = m.replyTo ? state.chat(m.chatId) : undefined;
  const replied = chat && m.replyTo ? state.message(chat, m.replyTo) : undefined;
  return {
    id: m.id,
    senderId: m.senderId,
    senderName: senderName(m.senderId),
    time: m.time,
    text: m.text,
    replyTo: replied && {
      id: replied.id,
      senderId: replied.senderId,
      senderName: senderName(replied.senderId),
      text: replied.text,
    },
  };
}

/** A channel by the unique name its `/channels/<name>` link carries. */
const channelNamed = (state: SandboxState, name: string) =>
  [...state.chats.values()].find((c) => c.type === 'channel' && c.uniqueName === name && state.isParticipant(c));

export function handleWebApp(res: ServerResponse, url: URL, state: SandboxState, settings: PageSettings): void {
  const asked = MARKUPS.find((m) => m === url.searchParams.get('markup'));
  const markup: Markup = asked ?? settings.markup;
  // Addresses without a chat id: the entry page opens the most recent chat, a channel link its channel.
  const channel = /^\/channels\/([^/]+)$/.exec(url.pathname)?.[1];
  if (url.pathname === '/index.do' || (channel && channelNamed(state, decodeURIComponent(channel)))) {
    sendHtml(res, 200, shellHtml(state.orgId, markup));
    return;
  }
  // A message's permalink (`…/chats/<chat>/messages/<message>`) opens its chat, as Cliq's does.
  const [, company, orgId, chats, chatId, extra, messageId, more] = url.pathname.split('/');
  const permalink = extra === undefined || (extra === 'messages' && messageId && more === undefined);
  if (company !== 'company' || orgId !== state.orgId || chats !== 'chats' || !permalink) {
    sendHtml(res, 404, notFoundHtml('No such page in the sandbox web app.'));
    return;
  }
  if (!chatId) {
    const first = sidebarChats(state)[0];
    if (!first) {
      sendHtml(res, 200, shellHtml(state.orgId, markup));
      return;
    }
    redirect(res, `/company/${state.orgId}/chats/${encodeURIComponent(first.id)}${url.search}`);
    return;
  }
  const chat = state.chat(decodeURIComponent(chatId));
  if (!chat || !state.isParticipant(chat)) {
    sendHtml(res, 404, notFoundHtml('No such chat.'));
    return;
  }
  sendHtml(res, 200, shellHtml(state.orgId, markup));
}

/** `/__sandbox/page/*`: the script, chat data and the live event stream. */
export function handlePageData(req: IncomingMessage, res: ServerResponse, url: URL, state: SandboxState): void {
  const rest = url.pathname.slice('/__sandbox/page/'.length);
  if (rest === 'app.js') {
    res.setHeader('Content-Type', 'text/javascript;charset=UTF-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(APP_JS);
    return;
  }
  if (rest === 'events') {
    streamEvents(req, res, state);
    return;
  }
  const match = /^(chats|channels)\/([^/]+)$/.exec(rest);
  const key = match?.[2] ? decodeURIComponent(match[2]) : undefined;
  const chat =
    rest === 'recent'
      ? sidebarChats(state)[0]
      : key && (match?.[1] === 'channels' ? channelNamed(state, key) : state.chat(key));
  if (!chat || !state.isParticipant(chat)) {
    sendJson(res, 404, { message: 'No such chat.' }, state.now());
    return;
  }
  const me = state.currentUser();
  sendJson(
    res,
    200,
    {
      orgId: state.orgId,
      me: { id: me.id, name: me.name },
      chats: sidebarChats(state).map((c) => ({
        id: c.id,
        title: state.chatName(c),
        type: c.type,
        unread: c.unreadCount,
      })),
      chat: { id: chat.id, title: state.chatName(chat), type: chat.type, participantCount: chat.memberIds.length },
      messages: state.visibleMessages(chat).map((m) => messageJson(state, m)),
    },
    state.now(),
  );
}

function streamEvents(req: IncomingMessage, res: ServerResponse, state: SandboxState): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = state.subscribe((event) => {
    res.write(
      `data: ${JSON.stringify({ kind: event.kind, chatId: event.chatId, message: messageJson(state, event.message) })}\n\n`,
    );
  });
  req.on('close', unsubscribe);
}
