/*
 * "Open in Cliq": Cliq's web app addresses a chat as /company/<org id>/chats/<chat id>. The API never tells us
 * the organisation, so it is learnt from an open Cliq tab (host permissions let the popup see those URLs) and
 * remembered per Cliq origin; without it, /chats/<chat id> is the best guess.
 */

const ORG_IN_PATH = /^\/company\/(\d+)\//;

export function orgIdFromUrl(url: string | undefined, origin: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== origin) return undefined;
    return ORG_IN_PATH.exec(parsed.pathname)?.[1];
  } catch {
    return undefined;
  }
}

export function chatUrl(origin: string, chatId: string, orgId?: string): string {
  const chat = encodeURIComponent(chatId);
  return orgId ? `${origin}/company/${orgId}/chats/${chat}` : `${origin}/chats/${chat}`;
}
