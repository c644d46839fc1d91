import { t } from '../i18n';
import { type Intent, parseIntent } from '../intents/intents';
import { sameIds } from '../lists/rules';
import type { Sender } from '../messaging';
import { parseCliqUrl } from '../web/url';

/**
 * Least authority for content scripts. A content script runs in the Cliq page's process, so a compromised
 * page may speak for it: it gets only what the in-page features need, and only for the chat its tab shows,
 * judged by the tab's address as the browser reports it (`sender.tab.url`), never by what the page says.
 *
 * Cliq also shows chats at addresses that name none (`/index.do`, `/channels/<name>`). There the page is the
 * only witness of the open chat, so a request may concern one chat, whichever: a compromised page could then
 * change the pins of one chat of the user's per request, and still nothing else (no folder deletion, no bulk
 * removal, no reading of several chats).
 */
class ContentRefusal extends Error {
  override name = 'ContentRefusal';
}

/** The addresses where Cliq shows a chat without naming it: the app's entry page and a channel's link. */
const SHOWS_UNNAMED_CHAT = /^\/(?:index\.do|channels\/[^/]+)\/?$/;

/**
 * The chat the sender's tab has open by its URL; `unnamed` on a Cliq page whose address names no chat, where the
 * page shows it; undefined anywhere else.
 */
function tabChatId(sender: Sender): string | 'unnamed' | undefined {
  const url = sender.tab?.url;
  const location = url ? parseCliqUrl(url) : null;
  if (!location) return undefined;
  if (location.chatId) return location.chatId;
  return SHOWS_UNNAMED_CHAT.test(new URL(url as string).pathname) ? 'unnamed' : undefined;
}

/** Every chat a request concerns must be the tab's; on an address that names none, one chat per request. */
function allowed(chatIds: readonly string[], tabChat: string | 'unnamed' | undefined): boolean {
  if (tabChat === 'unnamed') return new Set(chatIds).size <= 1;
  return chatIds.every((id) => id === tabChat);
}

const PIN_KINDS = new Set(['pinMessage', 'unpinMessages', 'reorderPin', 'makePrimary', 'changePinExpiry']);

/**
 * What a content script may ask the queue for: pin changes in the tab's chat, and folder membership of one
 * chat at a time (the folder menus in the header and the chat list). Deleting, renaming or reordering
 * folders and removing chats in bulk are for the popup only.
 */
export function checkContentIntents(intents: readonly unknown[], sender: Sender): void {
  const tabChat = tabChatId(sender);
  const pinTargets: string[] = [];
  for (const raw of intents) {
    const parsed = parseIntent(raw);
    // Malformed intents are the queue's to refuse, with its own message.
    if (!parsed.ok) continue;
    const intent = parsed.intent;
    if (PIN_KINDS.has(intent.kind)) {
      if (!tabChat) throw new ContentRefusal(t('pagePolicyNoChat'));
      pinTargets.push((intent as { chatId: string }).chatId);
      if (!allowed(pinTargets, tabChat)) {
        throw new ContentRefusal(t('pagePolicyOtherChat'));
      }
      continue;
    }
    if (!oneChatMembership(intent)) {
      throw new ContentRefusal(t('pagePolicyPopupOnly', intent.kind));
    }
  }
}

function oneChatMembership(intent: Intent): boolean {
  switch (intent.kind) {
    case 'pinChatToFolder':
    case 'unpinChat':
      return true;
    case 'createFolder':
      return (intent.chatIds?.length ?? 0) <= 1;
    case 'replaceFolderChats': {
      // Taking one chat out of one folder, or putting one back where it was (undo), stated against a list the page
      // showed; every other chat keeps its place.
      const from = intent.editedFrom;
      if (!from) return false;
      const kept = new Set(intent.chatIds);
      const removed = from.filter((id) => !kept.has(id));
      const added = intent.chatIds.filter((id) => !from.includes(id));
      if (added.length === 0) return removed.length === 1;
      return (
        removed.length === 0 &&
        added.length === 1 &&
        sameIds(
          intent.chatIds.filter((id) => from.includes(id)),
          from,
        )
      );
    }
    default:
      return false;
  }
}

/** Reads of one chat's pins: only the tab's own chat. */
export function checkContentChat(chatIds: readonly string[], sender: Sender): void {
  if (!allowed(chatIds, tabChatId(sender))) {
    throw new ContentRefusal(t('pagePolicyReadOtherChat'));
  }
}
