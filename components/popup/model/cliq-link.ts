/*
 * "Open in Cliq": Cliq's web app addresses a chat as /company/<org id>/chats/<chat id>. The API never tells us
 * the organisation, so it is learnt from an open Cliq tab (host permissions let the popup see those URLs) and
 * remembered per Cliq origin; without it, /chats/<chat id> is the best guess.
 */

export function chatUrl(origin: string, chatId: string, orgId?: string): string {
  const chat = encodeURIComponent(chatId);
  return orgId ? `${origin}/company/${orgId}/chats/${chat}` : `${origin}/chats/${chat}`;
}
