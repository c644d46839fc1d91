import { SANDBOX_BUILD } from '../build-mode';
import { DATA_CENTRES } from '../cliq/datacentres';

/** Where the Cliq web app is: whatever the URL names; a Cliq page outside a chat has no `chatId`. */
export interface CliqLocation {
  orgId?: string;
  chatId?: string;
  messageId?: string;
}

const CLIQ_HOSTS: ReadonlySet<string> = new Set(Object.values(DATA_CENTRES).map((dc) => `cliq.${dc.domain}`));

/** `/company/<org>/chats/<chat>`, `/chats/<chat>`, either followed by `/messages/<message>`. */
const CHAT_PATH = /^(?:\/company\/([^/]+))?\/chats\/([^/]+)(?:\/messages\/([^/]+))?\/?$/;
const COMPANY_PATH = /^\/company\/([^/]+)(?:\/|$)/;
/** What a Cliq id can be; anything else in the URL is not passed on to the background as an id. */
const ID = /^[^\s/\\?#%<>"'`]{1,100}$/;

export function isCliqPage(url: URL, allowLoopback = SANDBOX_BUILD): boolean {
  if (url.protocol === 'https:' && CLIQ_HOSTS.has(url.hostname)) return true;
  return allowLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

function segment(raw: string | undefined, space = ' '): string | undefined {
  if (raw === undefined) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(raw).replaceAll(' ', space);
  } catch {
    return undefined;
  }
  return ID.test(value) ? value : undefined;
}

/**
 * Reads org, chat and message from a Cliq web-app URL on any data centre's host (and the loopback sandbox in
 * sandbox builds). Null for any other page. Message ids are written with `_` (some Cliq links encode it as a space).
 */
export function parseCliqUrl(href: string | URL, allowLoopback = SANDBOX_BUILD): CliqLocation | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!isCliqPage(url, allowLoopback)) return null;
  const chat = CHAT_PATH.exec(url.pathname);
  if (!chat) {
    const orgId = segment(COMPANY_PATH.exec(url.pathname)?.[1]);
    return orgId ? { orgId } : {};
  }
  const location: CliqLocation = {};
  const orgId = segment(chat[1]);
  const chatId = segment(chat[2]);
  const messageId = segment(chat[3], '_');
  if (orgId) location.orgId = orgId;
  if (chatId) location.chatId = chatId;
  if (chatId && messageId) location.messageId = messageId;
  return location;
}

/**
 * A chat in Cliq's web app, or a message in it (Cliq's permalink, `…/chats/<chat>/messages/<message>`). The API
 * never names the organisation; without it, `/chats/<chat>` is the best guess.
 */
export function chatUrl(origin: string, chatId: string, orgId?: string, messageId?: string): string {
  const chat = encodeURIComponent(chatId);
  const path = orgId ? `${origin}/company/${orgId}/chats/${chat}` : `${origin}/chats/${chat}`;
  return messageId ? `${path}/messages/${encodeURIComponent(messageId)}` : path;
}
