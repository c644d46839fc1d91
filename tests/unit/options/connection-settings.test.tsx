// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConnectionSettings } from '../../../components/options/ConnectionSettings';
import type { AuthState } from '../../../components/useAuthState';
import { connectionSchema } from '../../../lib/auth/connection';
import { useRoot } from '../popup/fixture';

const signedOut: AuthState = {
  signedIn: false,
  needsSignIn: false,
  connection: connectionSchema.parse({}),
  apiOrigin: 'https://cliq.zoho.com',
  pendingIntents: 0,
};

/** The options page's state as useAuthState keeps it: a failed action re-reads the saved state as a new object. */
function Page({ action }: { action: () => Promise<AuthState> }) {
  const [state, setState] = useState(signedOut);
  const run = async () => {
    try {
      setState(await action());
      return true;
    } catch {
      setState({ ...signedOut, connection: { ...signedOut.connection } });
      return false;
    }
  };
  return <ConnectionSettings state={state} busy={false} run={run} />;
}

const root = useRoot();
beforeEach(() => {
  fakeBrowser.identity.getRedirectURL = () => 'https://extension-id.chromiumapp.org/';
});

function type(id: string, value: string) {
  const input = root().querySelector(`#connection-${id}`) as HTMLInputElement;
  input.value = value;
  act(() => {
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function save() {
  await act(async () => {
    (root().querySelector('form') as HTMLFormElement).requestSubmit();
  });
}

describe('a Save the extension refuses', () => {
  it('keeps every value, names the field and the bad value in one sentence, and focuses that field', async () => {
    const action = vi.fn(async () => Promise.reject(new Error('refused')));
    act(() => render(<Page action={action} />, root()));
    type('clientId', '1000.SANDBOXCLIENT');
    type('apiHost', 'http://127.0.0.1:8787');
    type('accountsHost', 'localhost:8787');
    await save();

    const value = (id: string) => (root().querySelector(`#connection-${id}`) as HTMLInputElement).value;
    expect([value('clientId'), value('apiHost'), value('accountsHost')]).toEqual([
      '1000.SANDBOXCLIENT',
      'http://127.0.0.1:8787',
      'localhost:8787',
    ]);
    expect(root().querySelector('details')?.open).toBe(true);
    const error = root().querySelector('[data-testid=host-error]')?.textContent ?? '';
    expect(error).toMatch(
      /^The Zoho accounts host "localhost:8787" is not a web address; write it in full, like https:\/\/accounts\.zoho\.eu/,
    );
    expect(error.match(/\. |\.$/g)).toHaveLength(1);
    expect(document.activeElement?.id).toBe('connection-accountsHost');
    expect(root().querySelector('#connection-accountsHost')?.getAttribute('aria-invalid')).toBe('true');
    // Nothing the background would refuse is sent to it.
    expect(action).not.toHaveBeenCalled();
  });

  it('keeps the values when the background refuses the save', async () => {
    act(() => render(<Page action={() => Promise.reject(new Error('3 changes are still waiting'))} />, root()));
    type('clientId', '1000.OTHER');
    await save();
    expect((root().querySelector('#connection-clientId') as HTMLInputElement).value).toBe('1000.OTHER');
  });
});
