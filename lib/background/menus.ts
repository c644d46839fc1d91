import { browser } from 'wxt/browser';
import { readChatPins, readFolders, type ShownFolder } from '../board/read-models';
import { t } from '../i18n';
import type { IntentInput } from '../intents/intents';
import type { Sender } from '../messaging';
import { askContextTarget, CLIQ_TABS, sendToTab } from '../messaging/events';
import { checkContentChat, checkContentIntents } from './content-policy';
import type { Services } from './services';

/**
 * The browser's context menu on Cliq pages: "Pin message…" or "Unpin message" on a message, "Add chat to
 * folder ▸" on a chat. Chrome calls the API `contextMenus`, Firefox `menus` (same shape for what is used here).
 * Entries exist only on Cliq pages (`documentUrlPatterns`). What was right-clicked is the page's word, so it is
 * held to the same least-authority rules as every content-script request (content-policy.ts).
 */
type MenusApi = typeof browser.contextMenus;
const menus = (): MenusApi =>
  import.meta.env.FIREFOX ? (browser as unknown as { menus: MenusApi }).menus : browser.contextMenus;

const MENU_PIN = 'cliq-pins-pin';
const MENU_UNPIN = 'cliq-pins-unpin';
const MENU_FOLDER = 'cliq-pins-folder';
const FOLDER_ENTRY = `${MENU_FOLDER}:`;
/** A folder created in this session has no Cliq id until the queue has sent it; it cannot take a chat yet. */
const NOT_YET_CREATED = /^pending-/;

type Context = 'page' | 'selection' | 'link' | 'image';
const ON_PAGE: [Context, ...Context[]] = ['page', 'selection', 'link', 'image'];

export interface MenuDeps {
  services(): Promise<Services | undefined>;
  kick(): void;
}

/**
 * What was right-clicked, as the content script reports it. Only strings are kept; the chat is judged by the
 * content policy against the tab's address, and intents' ids by the queue's schema.
 */
interface Target {
  chatId?: string | undefined;
  messageId?: string | undefined;
}

function targetOf(answer: unknown): Target {
  const raw = (answer ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.length <= 100 ? value : undefined);
  return { chatId: text(raw.chatId), messageId: text(raw.messageId) };
}

const isOurs = (id: string) => id === MENU_PIN || id === MENU_UNPIN || id.startsWith(FOLDER_ENTRY);

export interface Menus {
  /** Builds the entries again, with the folders as they are now (on start and whenever the folder list changes). */
  rebuild(): Promise<void>;
  /** A right-click in a Cliq page: show "Pin" or "Unpin" for the message, the folders for a chat. */
  fit(target: Target, sender: Sender): Promise<{ pinned: boolean | null }>;
  /** The background's click handler (also what tests call, since headless browsers show no native menu). */
  clicked(info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number; url?: string }): Promise<void>;
}

export function createMenus({ services, kick }: MenuDeps): Menus {
  let building: Promise<void> = Promise.resolve();

  async function folders(): Promise<ShownFolder[]> {
    const open = await services();
    return open ? (await readFolders(open.db)).filter((folder) => !NOT_YET_CREATED.test(folder.folderId)) : [];
  }

  async function build(): Promise<void> {
    const api = menus();
    await api.removeAll();
    const base = { documentUrlPatterns: [...CLIQ_TABS], contexts: ON_PAGE };
    api.create({ ...base, id: MENU_PIN, title: t('menuPinMessage') });
    api.create({ ...base, id: MENU_UNPIN, title: t('menuUnpinMessage') });
    const shown = await folders();
    if (shown.length === 0) return;
    // No 'selection' context: Chrome would put the selected text in place of a folder title's "%s".
    const onChat = {
      documentUrlPatterns: [...CLIQ_TABS],
      contexts: ['page', 'link', 'image'] as [Context, ...Context[]],
    };
    api.create({ ...onChat, id: MENU_FOLDER, title: t('menuAddChatToFolder') });
    for (const folder of shown) {
      const name = folder.isMyPins ? t('popupMyPins') : folder.title || folder.folderId;
      // Firefox reads "&" as an access-key marker; "&&" is a literal one.
      const title = import.meta.env.FIREFOX ? name.replaceAll('&', '&&') : name;
      api.create({ ...onChat, id: `${FOLDER_ENTRY}${folder.folderId}`, parentId: MENU_FOLDER, title });
    }
  }

  async function show(visible: { pin: boolean; unpin: boolean; folder: boolean }): Promise<void> {
    const api = menus();
    await building;
    await Promise.allSettled([
      api.update(MENU_PIN, { visible: visible.pin }),
      api.update(MENU_UNPIN, { visible: visible.unpin }),
      api.update(MENU_FOLDER, { visible: visible.folder }),
    ]);
  }

  async function pinnedInCache(chatId: string, messageId: string): Promise<boolean | null> {
    const open = await services();
    if (!open) return null;
    const { pins } = await readChatPins(open.db, chatId, { now: Date.now() });
    return pins.some((pin) => pin.messageId === messageId);
  }

  async function act(intents: IntentInput[], tab: { url?: string }): Promise<void> {
    checkContentIntents(intents, { tab } as Sender);
    const open = await services();
    if (!open) throw new Error(t('enqueueSignedOut'));
    const result = await open.queue.enqueue(intents);
    if (!result.ok) throw new Error(result.error);
    kick();
  }

  return {
    rebuild() {
      building = building.then(build).catch((error: unknown) => console.error('Cliq Pins: context menu', error));
      return building;
    },

    async fit(raw, sender) {
      const { chatId, messageId } = targetOf(raw);
      if (chatId && messageId) {
        checkContentChat([chatId], sender);
        const pinned = await pinnedInCache(chatId, messageId);
        // Unknown (signed out, never read): both entries, and the click finds out.
        await show({ pin: pinned !== true, unpin: pinned !== false, folder: false });
        return { pinned };
      }
      await show({ pin: false, unpin: false, folder: chatId !== undefined });
      return { pinned: null };
    },

    async clicked(info, tab) {
      const id = String(info.menuItemId);
      if (tab?.id === undefined || !isOurs(id)) return;
      const tabId = tab.id;
      const frameId = info.frameId ?? 0;
      const target = targetOf(await askContextTarget(tabId, frameId, id === MENU_PIN));
      const { chatId, messageId } = target;
      try {
        if (id === MENU_UNPIN && chatId && messageId) {
          await act([{ kind: 'unpinMessages', chatId, messageIds: [messageId] }], tab);
        } else if (id.startsWith(FOLDER_ENTRY) && chatId) {
          await act([{ kind: 'pinChatToFolder', chatId, folderId: id.slice(FOLDER_ENTRY.length) }], tab);
        } else if (!(id === MENU_PIN && chatId && messageId)) {
          // The menu the browser showed can be the previous right-click's (entries are updated while it opens).
          throw new Error(t('menuNoTarget'));
        }
      } catch (error) {
        // The person chose it in the page: the page says, by what they right-clicked, that it did not happen and why.
        const said = error instanceof Error ? error.message : String(error);
        await sendToTab(tabId, { type: 'menuFailed', error: said }, frameId).catch(() => undefined);
        throw error;
      }
    },
  };
}

/** Registered synchronously at the worker's start, so the click that woke it finds the listener. */
export function listenForMenuClicks(handle: Menus['clicked']): void {
  menus().onClicked.addListener((info, tab) => {
    handle(info, tab).catch((error: unknown) => console.error('Cliq Pins: context menu', error));
  });
}
