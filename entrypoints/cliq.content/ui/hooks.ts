import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ShownFolder, ShownPin, UnsentIntent } from '../../../lib/board/read-models';
import type { IntentInput } from '../../../lib/intents/intents';
import { LOCKS_CHANGED } from '../../../lib/messaging/events';
import { ask, follow, QUEUE_PASSES } from '../../../lib/page/background';
import { errorText } from './text';

/** A list read through the background is older than this: ask for a fresh read when it is shown. */
const FRESH_FOR_MS = 60_000;

export type ChatPinsState = { pins?: ShownPin[]; error?: string; lockedUntil?: number | null; unsent?: UnsentIntent[] };

/** Intents this page asked for: only their troubles are shown here (others' belong to where they were asked). */
export const askedHere = new Set<number>();

/**
 * How the page's UIs (one shadow root each) tell the chat's pinned bar to open its list (`show`) or to offer
 * undo for an action taken in a UI that closes with it (`undo`, detail: a PageUndo). Module-level, so the page's
 * own scripts can neither hear nor fake it.
 */
export const barChannel = new EventTarget();

/** One chat's pins as the background shows them (queued changes included), kept current; read fresh if stale. */
export function useChatPins(chatId: string): ChatPinsState {
  const [state, setState] = useState<ChatPinsState>({});
  useEffect(() => {
    setState({});
    const stop = new AbortController();
    let refreshed = false;
    follow({
      lists: [`pins:${chatId}`, LOCKS_CHANGED, QUEUE_PASSES],
      load: () => ask('getChatPins', { chatId }),
      signal: stop.signal,
      onData: ({ pins, syncedAt, lockedUntil, unsent }) => {
        setState({ pins, lockedUntil, unsent: unsent.filter((intent) => askedHere.has(intent.id)) });
        if (!refreshed && (syncedAt === null || Date.now() - syncedAt > FRESH_FOR_MS)) {
          refreshed = true;
          ask('refresh', { chatIds: [chatId], folders: false }).catch(() => undefined);
        }
      },
      onError: (error) => setState((old) => ({ ...old, error: errorText(error) })),
    });
    return () => stop.abort();
  }, [chatId]);
  return state;
}

export type FoldersState = { folders?: ShownFolder[]; error?: string };

// Opening a folder menu reads the folder list as a user action, at most once a minute per page: Cliq's budget
// for that read is small, and menus open often.
let foldersAskedAt = Number.NEGATIVE_INFINITY;

export function useFolders(refresh: boolean): FoldersState {
  const [state, setState] = useState<FoldersState>({});
  useEffect(() => {
    const stop = new AbortController();
    follow({
      lists: ['folders'],
      load: () => ask('getFolders', {}),
      signal: stop.signal,
      onData: (folders) => setState({ folders }),
      onError: (error) => setState((old) => ({ ...old, error: errorText(error) })),
    });
    if (refresh && Date.now() - foldersAskedAt > FRESH_FOR_MS) {
      foldersAskedAt = Date.now();
      ask('refresh', { chatIds: [], folders: true }).catch(() => undefined);
    }
    return () => stop.abort();
  }, [refresh]);
  return state;
}

/**
 * Sends intents; `busy` while the background journals them, `error` with its reason when it refuses. Only
 * events a person caused count: a script in the page can click our buttons, but its clicks are not trusted.
 */
export function useEnqueue(): {
  enqueue: (event: Event, intents: IntentInput[]) => Promise<boolean>;
  busy: boolean;
  error?: string;
  setError: (error?: string) => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const enqueue = useCallback(async (event: Event, intents: IntentInput[]) => {
    if (!event.isTrusted) return false;
    setBusy(true);
    setError(undefined);
    try {
      const result = await ask('enqueue', { intents });
      if (result.ok) for (const id of result.ids) askedHere.add(id);
      else setError(result.error);
      return result.ok;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { enqueue, busy, error, setError };
}
