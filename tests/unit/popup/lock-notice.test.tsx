// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LockNotice } from '../../../components/popup/LockNotice';
import { showPinnedBar } from '../../../entrypoints/cliq.content/ui/pinned-bar';
import { createShadowUi } from '../../../entrypoints/cliq.content/ui/shadow';
import { clockTime } from '../../../lib/i18n';
import { useRoot } from './fixture';

const root = useRoot();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a budget Cliq locked', () => {
  it('the popup says when work resumes, and that nothing is lost', () => {
    const until = Date.now() + 4 * 60_000;
    act(() => render(<LockNotice lockedUntil={until} />, root()));
    const notice = root().querySelector('[data-testid=lock-notice]');
    expect(notice?.textContent).toContain(`work resumes at ${clockTime(until)} (in 4 min)`);
    expect(notice?.textContent).toContain('Nothing is lost');
  });

  it('the popup says nothing once the lock has passed', () => {
    act(() => render(<LockNotice lockedUntil={Date.now() - 1} />, root()));
    expect(root().querySelector('[data-testid=lock-notice]')).toBeNull();
  });

  it('the page’s pinned bar shows the time requests resume', async () => {
    const until = Date.now() + 5 * 60_000;
    // The background's answer, as the typed protocol carries it.
    const answer = async (message: { type: string }) =>
      message.type === 'getChatPins'
        ? { ok: true, data: { chatId: 'CT_1_2', pins: [], syncedAt: Date.now(), lockedUntil: until, unsent: [] } }
        : { ok: true, data: { queued: true } };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(answer as never);
    const ctx = new ContentScriptContext('test');
    const ui = await createShadowUi(ctx, 'cliq-pins-bar', ctx.signal);
    showPinnedBar(ui, 'CT_1_2', () => true);
    // It reads the chat's pins once placed and painted.
    ui.place({ anchor: document.body, append: 'last' });
    await vi.waitFor(() => expect(ui.root.querySelector('[data-testid=pinned-bar-locked]')).not.toBeNull());
    const chip = ui.root.querySelector('[data-testid=pinned-bar-locked]');
    ctx.abort();
    expect(chip?.textContent).toBe(`⏸ Paused by Cliq until ${clockTime(until)}`);
  });
});
