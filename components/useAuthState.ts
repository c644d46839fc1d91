import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '../lib/messaging';
import { subscribeToEvents } from '../lib/messaging/events';
import { sendMessage } from '../lib/messaging/page-send';

export type AuthState = ResponseOf<'getAuthState'>;

/** The background's sign-in state, and a way to run an action that returns the next state. */
export function useAuthState() {
  const [state, setState] = useState<AuthState>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const read = () => sendMessage('getAuthState', {}).then(setState, (e: Error) => setError(e.message));
    void read();
    // A renewal, a refusal or "sign in again before it lapses" happens in the background, not on a click.
    return subscribeToEvents((event) => {
      if (event.type === 'authChanged') void read();
    });
  }, []);

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
