import { browser } from 'wxt/browser';
import { subscribeToEvents } from '../messaging/events';
import type { MessageType, RequestOf, ResponseOf } from '../messaging/protocol';
import { sendMessage } from '../messaging/send';

/**
 * The page's only way to the extension: typed requests the background validates, and "this list changed"
 * events. After an extension update or removal this script is orphaned; calls then fail with
 * `ExtensionGoneError`, which features treat as "stop quietly".
 */
class ExtensionGoneError extends Error {
  override name = 'ExtensionGoneError';
}

function runtimeGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

export function isExtensionGone(error: unknown): boolean {
  return error instanceof ExtensionGoneError || runtimeGone();
}

export async function ask<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  if (runtimeGone()) throw new ExtensionGoneError('Cliq Pins was updated or removed: reload the page.');
  try {
    return await sendMessage(type, data);
  } catch (error) {
    if (runtimeGone()) throw new ExtensionGoneError('Cliq Pins was updated or removed: reload the page.');
    throw error;
  }
}

/**
 * Calls `load` now and again whenever the background says one of `lists` changed, handing each answer to
 * `onData` in order (a change during a load means one more load after it, never overlapping answers).
 */
/** In `follow`'s lists: load again after each pass of the queue too (a try failed, or the queue gave up). */
export const QUEUE_PASSES = 'queue passes';

export function follow<T>(options: {
  lists: readonly string[];
  load: () => Promise<T>;
  signal: AbortSignal;
  onData: (data: T) => void;
  onError: (error: unknown) => void;
}): void {
  const { signal } = options;
  if (signal.aborted || runtimeGone()) return;
  let loading = false;
  let again = false;
  const run = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    do {
      again = false;
      try {
        const data = await options.load();
        if (!signal.aborted) options.onData(data);
      } catch (error) {
        if (!signal.aborted) options.onError(error);
      }
    } while (again && !signal.aborted);
    loading = false;
  };
  const unsubscribe = subscribeToEvents((event) => {
    if (event.type === 'changed' && event.lists.some((list) => options.lists.includes(list))) void run();
    if (event.type === 'progress' && options.lists.includes(QUEUE_PASSES)) void run();
    // Signing in makes lists readable that were empty before.
    if (event.type === 'authChanged' && event.signedIn) void run();
  });
  signal.addEventListener(
    'abort',
    () => {
      try {
        unsubscribe();
      } catch {
        // An orphaned script may no longer reach the runtime to remove its listener; it is gone with it.
      }
    },
    { once: true },
  );
  void run();
}
