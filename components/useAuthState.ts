import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../lib/messaging';
import { subscribeToEvents } from '../lib/messaging/events';
import { sendMessage } from '../lib/messaging/page-send';

export type AuthState = ResponseOf<'getAuthState'>;

/** setTimeout fires at once for longer delays; a longer wait re-reads early and then waits again. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** The background's sign-in state, and a way to run an action that returns the next state. */
export function useAuthState() {
  const [state, setState] = useState<AuthState>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const read = useCallback(() => sendMessage('getAuthState', {}).then(setState, (e: Error) => setError(e.message)), []);

  useEffect(() => {
    void read();
    // A renewal, a refusal or "sign in again before it lapses" happens in the background, not on a click.
    return subscribeToEvents((event) => {
      if (event.type === 'authChanged') void read();
    });
  }, [read]);

  // The token lapsing is no event: nothing changes in the background at that moment, so an open page would say
  // "ends soon" until reloaded. Ask again just after it lapses (the background counts it live while now < expiresAt).
  // Each answer is a new object, so an early wake (a capped delay) that finds the token still live waits again.
  useEffect(() => {
    const expiresAt = state?.expiresAt;
    if (expiresAt === undefined) return;
    const timer = setTimeout(read, Math.min(Math.max(0, expiresAt - Date.now()) + 1, LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  }, [state, read]);

  const run = useCallback(async (action: () => Promise<AuthState>) => {
    setBusy(true);
    setError(undefined);
    try {
      setState(await action());
      return true;
    } catch (e) {
      setError((e as Error).message);
      setState(await sendMessage('getAuthState', {}).catch(() => undefined));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { state, error, busy, run };
}
