import { useCallback, useEffect, useState } from 'preact/hooks';
import type { IntentInput } from '../../../lib/intents/intents';
import { ask } from '../../../lib/page/background';
import {
  askedHere,
  type ChatPinsState,
  type FoldersState,
  FRESH_FOR_MS,
  followChatPins,
  followFolders,
} from './page-state';
import { errorText } from './text';

/* The on-demand UIs' view of the page state (page-state.ts), as Preact hooks. */

export function useChatPins(chatId: string): ChatPinsState {
  const [state, setState] = useState<ChatPinsState>({});
  useEffect(() => {
    setState({});
    const stop = new AbortController();
    followChatPins(chatId, stop.signal, setState);
    return () => stop.abort();
  }, [chatId]);
  return state;
}

// Opening a folder menu reads the folder list as a user action, at most once a minute per page: Cliq's budget
// for that read is small, and menus open often.
let foldersAskedAt = Number.NEGATIVE_INFINITY;

/** The folder list, read afresh from Cliq when a menu opens (at most once a minute). */
export function useFolders(): FoldersState {
  const [state, setState] = useState<FoldersState>({});
  useEffect(() => {
    const stop = new AbortController();
    followFolders(stop.signal, setState);
    if (Date.now() - foldersAskedAt > FRESH_FOR_MS) {
      foldersAskedAt = Date.now();
      ask('refresh', { chatIds: [], folders: true }).catch(() => undefined);
    }
    return () => stop.abort();
  }, []);
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
