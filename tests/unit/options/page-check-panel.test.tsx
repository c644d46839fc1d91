// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageCheck } from '../../../components/options/PageCheck';
import { t } from '../../../lib/i18n';
import { useRoot } from '../popup/fixture';

const root = useRoot();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the options page’s page check when the Cliq tab cannot load its check', () => {
  it('says the check could not load there and to reload the tab, not a script error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, active: true }] as never);
    // The content script answers nothing when cliq-on-demand.js could not load (features/page-check.ts).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    act(() => render(<PageCheck />, root()));
    await act(async () => root().querySelector<HTMLButtonElement>('[data-testid=page-check-run]')?.click());
    const failed = await vi.waitFor(() => {
      const found = root().querySelector('[data-testid=page-check-failed]');
      if (!found) throw new Error('no failure shown yet');
      return found;
    });
    expect(failed.textContent).toBe(t('pageCheckFailed', t('pageCheckNotLoaded')));
    expect(failed.textContent).toBe(
      'The Cliq tab did not answer (Cliq Pins could not load its check in that tab). Reload it and check again.',
    );
  });
});
