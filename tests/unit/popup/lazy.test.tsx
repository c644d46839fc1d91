// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRoot } from './fixture';

/*
 * The popup's rare parts come from a chunk imported on first use (components/popup/Lazy.tsx). Here that import is
 * made slow or made to fail, as a chunk gone after an extension update would.
 */
const root = useRoot();
const RARE = '../../../components/popup/rare';

async function lazyWith(rare: () => Promise<unknown>) {
  vi.resetModules();
  vi.doMock(RARE, rare);
  return import('../../../components/popup/Lazy');
}

afterEach(() => {
  vi.doUnmock(RARE);
});

describe('a rare dialog', () => {
  it('shows nothing for a quick load, then a loading line under its title while it is slow, then itself', async () => {
    let arrive: (rare: unknown) => void = () => undefined;
    const { RareDialog } = await lazyWith(() => new Promise((resolve) => (arrive = resolve)));
    act(() =>
      render(<RareDialog title="Pin details" onClose={() => undefined} render={() => <p>the dialog</p>} />, root()),
    );
    expect(root().textContent).toBe('');
    await vi.waitFor(() => expect(root().querySelector('h2')?.textContent).toBe('Pin details'));
    expect(root().querySelector('[role=status]')?.textContent).toBe('Opening…');
    arrive({});
    await vi.waitFor(() => expect(root().textContent).toBe('the dialog'));
  });

  it('says why it failed and offers to reload the popup, and tries the import again next time', async () => {
    let fail = true;
    const { RareDialog, loadRare } = await lazyWith(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return { marker: 'loaded' };
    });
    const onClose = vi.fn();
    act(() => render(<RareDialog title="Restore pins" onClose={onClose} render={() => <p>the dialog</p>} />, root()));
    await vi.waitFor(() => expect(root().querySelector('[role=alert]')).not.toBeNull());
    expect(root().querySelector('[role=alert]')?.textContent).toBe(
      'This part of Cliq Pins could not be loaded, perhaps because the extension was just updated. Reload the popup to try again.',
    );
    const buttons = [...root().querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons).toEqual(['Reload', 'Close']);
    act(() => (root().querySelectorAll('button')[1] as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalledOnce();
    fail = false;
    await expect(loadRare()).resolves.toMatchObject({ marker: 'loaded' });
  });
});
