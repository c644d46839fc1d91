import type { ShownFolder, ShownPin, UnsentIntent } from '../../../lib/board/read-models';
import { LOCKS_CHANGED } from '../../../lib/messaging/events';
import { ask, follow, QUEUE_PASSES } from '../../../lib/page/background';
import { errorText } from './text';

/*
 * What the page's UIs share, whether built in the content script or in the on-demand script (which is handed this
 * very module: build/shared-modules.ts): the intents asked here, the bar's channel, and the background's lists.
 */

/** A list read through the background is older than this: ask for a fresh read when it is shown. */
export const FRESH_FOR_MS = 60_000;

export type ChatPinsState = { pins?: ShownPin[]; error?: string; lockedUntil?: number | null; unsent?: UnsentIntent[] };
export type FoldersState = { folders?: ShownFolder[]; error?: string };
/** A state change, given as the next state from the previous one (Preact's `setState` takes it as it is). */
type Change<S> = (change: (old: S) => S) => void;

/** Intents this page asked for: only their troubles are shown here (others' belong to where they were asked). */
export const askedHere = new Set<number>();

/**
 * How the page's UIs (one shadow root each) tell the chat's pinned bar to open its list (`show`) or to offer
 * undo for an action taken in a UI that closes with it (`undo`, detail: a PageUndo). Module-level, so the page's
 * own scripts can neither hear nor fake it.
 */
export const barChannel = new EventTarget();

/** One chat's pins as the background shows them (queued changes included), kept current; read fresh if stale. */
export function followChatPins(chatId: string, signal: AbortSignal, change: Change<ChatPinsState>): void {
  let refreshed = false;
  follow({
    lists: [`pins:${chatId}`, LOCKS_CHANGED, QUEUE_PASSES],
    load: () => ask('getChatPins', { chatId }),
    signal,
    onData: ({ pins, syncedAt, lockedUntil, unsent }) => {
      change(() => ({ pins, lockedUntil, unsent: unsent.filter((intent) => askedHere.has(intent.id)) }));
      if (!refreshed && (syncedAt === null || Date.now() - syncedAt > FRESH_FOR_MS)) {
        refreshed = true;
        ask('refresh', { chatIds: [chatId], folders: false }).catch(() => undefined);
      }
    },
    onError: (error) => change((old) => ({ ...old, error: errorText(error) })),
  });
}

/** The folder list as the background shows it, kept current. */
export function followFolders(signal: AbortSignal, change: Change<FoldersState>): void {
  follow({
    lists: ['folders'],
    load: () => ask('getFolders', {}),
    signal,
    onData: (folders) => change(() => ({ folders })),
    onError: (error) => change((old) => ({ ...old, error: errorText(error) })),
  });
}
