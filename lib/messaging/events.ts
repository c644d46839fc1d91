import { browser } from 'wxt/browser';
import { SANDBOX_BUILD } from '../build-mode';
import { CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN } from '../cliq/datacentres';
import type { QueueProgress } from '../store/journal';

/**
 * Pushes from the background to open extension pages and Cliq tabs. Events say what changed, never the data
 * itself: a content script asks for what it may see with a normal request.
 *
 * Not ports: an open port reconnecting after Chrome stops an idle worker would wake it again, so every Cliq
 * tab would keep the worker running. One-off messages wake nothing.
 */
/** In a `changed` event: Cliq locked one of our budgets, so every chat's view of it changed. */
export const LOCKS_CHANGED = 'locks';

export type ExtensionEvent =
  | { type: 'progress'; progress: QueueProgress }
  /** Lists whose shown state changed: `pins:<chatId>`, `folders`, `journal`, or `LOCKS_CHANGED`. */
  | { type: 'changed'; lists: string[] }
  | { type: 'authChanged'; signedIn: boolean; needsSignIn: boolean }
  /** Sent to one Cliq tab: the user pressed the pin shortcut there (open the pin dialog for the message). */
  | { type: 'pinShortcut' }
  /** Sent to one frame: a context-menu entry was chosen; the page answers with what was right-clicked. */
  | { type: 'contextTarget'; openPinDialog: boolean }
  /** Sent to that frame: the chosen entry did not happen; `error` says why, in the user's language. */
  | { type: 'menuFailed'; error: string };

interface EventEnvelope {
  cliqPinsEvent: ExtensionEvent;
}

/** Match patterns of the tabs Cliq Pins runs in (the loopback sandbox too in sandbox builds). */
export const CLIQ_TABS = SANDBOX_BUILD ? [...CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN] : CLIQ_HOST_PATTERNS;

/** Background side: to every open extension page and every Cliq tab; nobody listening is fine. */
export async function broadcast(event: ExtensionEvent): Promise<void> {
  const envelope: EventEnvelope = { cliqPinsEvent: event };
  const sends: Promise<unknown>[] = [browser.runtime.sendMessage(envelope)];
  for (const tab of await browser.tabs.query({ url: CLIQ_TABS })) {
    if (tab.id !== undefined) sends.push(browser.tabs.sendMessage(tab.id, envelope));
  }
  await Promise.allSettled(sends);
}

/** Background side: to one tab only (a keyboard shortcut belongs to the tab it was pressed in), or one frame of it. */
export async function sendToTab(tabId: number, event: ExtensionEvent, frameId?: number): Promise<void> {
  const envelope: EventEnvelope = { cliqPinsEvent: event };
  await (frameId === undefined
    ? browser.tabs.sendMessage(tabId, envelope)
    : browser.tabs.sendMessage(tabId, envelope, { frameId }));
}

/**
 * Background side: what the user right-clicked in one frame of a tab, as that page's content script recorded it.
 * Page data: the caller checks it against the tab's address before acting on it.
 */
export async function askContextTarget(tabId: number, frameId: number, openPinDialog: boolean): Promise<unknown> {
  const envelope: EventEnvelope = { cliqPinsEvent: { type: 'contextTarget', openPinDialog } };
  return browser.tabs.sendMessage(tabId, envelope, { frameId });
}

/** Page side. Only the extension itself can send these; the page's own scripts cannot reach this channel. */
export function subscribeToEvents(onEvent: (event: ExtensionEvent) => void): () => void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const event = (message as Partial<EventEnvelope> | null)?.cliqPinsEvent;
    if (event && typeof event === 'object') onEvent(event);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
