// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SLOW_LOAD_MS } from '../../../entrypoints/cliq.content/ui/load-note';
import type { OnDemand } from '../../../entrypoints/cliq.content/ui/on-demand';
import { barChannel } from '../../../entrypoints/cliq.content/ui/page-state';
import { pinDialogFor } from '../../../entrypoints/cliq.content/ui/pin-dialog-host';
import { showPinnedBar } from '../../../entrypoints/cliq.content/ui/pinned-bar';
import { createShadowUi, E2E_OPEN_SHADOW_ROOTS_KEY } from '../../../entrypoints/cliq.content/ui/shadow';
import { t } from '../../../lib/i18n';
import type { FeatureEnv } from '../../../lib/page/features';
import { fakeParts, folderButton as folderButtonIn, noteIn } from './on-demand-fakes';

// The on-demand script's import, failed or held back here as a removed file or a slow disk would.
const load = vi.hoisted(() => ({ next: [] as (() => Promise<unknown>)[] }));
vi.mock('../../../entrypoints/cliq.content/ui/lazy', () => ({
  loadOnDemand: () => (load.next.shift() ?? (() => Promise.reject(new Error('no load planned'))))(),
}));

const gone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const loads = (parts: OnDemand) => () => Promise.resolve(parts);
/**
 * The next load, held until the test lets it land or fail: until then it hangs, as a stuck request does. Each of
 * `asks` asks gets the same load, as they share lazy.ts's while it is in flight.
 */
function heldLoad(asks = 1) {
  const held: { land(parts: OnDemand): void; fail(error: unknown): void } = { land: () => {}, fail: () => {} };
  const landing = new Promise<OnDemand>((resolve, reject) => Object.assign(held, { land: resolve, fail: reject }));
  for (let ask = 0; ask < asks; ask++) load.next.push(() => landing);
  return held;
}

describe('a part of the in-page UI that cannot load', () => {
  let ctx: ContentScriptContext;
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(async () => {
    // Open shadow roots (a test build's, asked for as the e2e harness does), so the pin dialog's can be read.
    await fakeBrowser.storage.local.set({ [E2E_OPEN_SHADOW_ROOTS_KEY]: true });
    ctx = new ContentScriptContext('test');
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    ctx.abort();
    load.next = [];
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  const folderButton = () => folderButtonIn(ctx);

  it('says so where it was asked for, how to fix it, and opens on the next press', async () => {
    const { ui, menu } = await folderButton();
    load.next.push(gone);
    menu.button.click();
    await vi.waitFor(() => expect(noteIn(ui.root)?.textContent).toBe(t('pageOnDemandFailed')));
    expect(t('pageOnDemandFailed')).toMatch(/could not open this.*reload the page/);
    expect(noteIn(ui.root)?.getAttribute('role')).toBe('alert');
    // Not left looking open: the next press opens it again.
    expect(menu.button.getAttribute('aria-expanded')).toBe('false');
    expect(console.warn).toHaveBeenCalledWith('Cliq Pins: could not load cliq-on-demand.js', expect.any(TypeError));

    const { parts, mounted } = fakeParts();
    load.next.push(loads(parts));
    menu.button.click();
    await vi.waitFor(() => expect(mounted.at(-1)?.props).toMatchObject({ chatId: 'CT_1_2', chatName: 'Pin Room' }));
    expect(mounted.at(-1)?.part).toBe('FolderPopover');
    expect(noteIn(ui.root)?.textContent).toBe('');
    expect(menu.button.getAttribute('aria-expanded')).toBe('true');
    expect(unhandled).toEqual([]);
  });

  it('the failure note goes with the next press or Escape', async () => {
    const { ui, menu } = await folderButton();
    load.next.push(gone);
    menu.button.click();
    await vi.waitFor(() => expect(noteIn(ui.root)?.textContent).not.toBe(''));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(noteIn(ui.root)?.textContent).toBe('');
  });

  it('says Loading… only when the load is slow, so a fast one does not flicker', async () => {
    vi.useFakeTimers();
    const { ui, menu } = await folderButton();
    const held = heldLoad();
    menu.button.click();
    await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS - 10);
    expect(noteIn(ui.root)?.textContent).toBe('');
    await vi.advanceTimersByTimeAsync(20);
    expect(noteIn(ui.root)?.textContent).toBe(t('loading'));
    expect(noteIn(ui.root)?.getAttribute('role')).toBe('status');
    const { parts, mounted } = fakeParts();
    held.land(parts);
    await vi.advanceTimersByTimeAsync(0);
    expect(noteIn(ui.root)?.textContent).toBe('');
    expect(mounted.at(-1)?.part).toBe('FolderPopover');
  });

  describe('taken back while it loads: what the person did last wins', () => {
    const pressEscape = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    const pressOn = (target: EventTarget) =>
      target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    /** Pressed, and slow enough to say Loading…; the load hangs until `held` says otherwise. */
    async function loadingMenu(asks = 1) {
      vi.useFakeTimers();
      const { ui, menu } = await folderButton();
      const held = heldLoad(asks);
      menu.button.click();
      await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS);
      expect(noteIn(ui.root)?.textContent).toBe(t('loading'));
      return { ui, menu, held };
    }

    it.each([
      ['Escape', pressEscape],
      ['a press elsewhere in the page', () => pressOn(document.body)],
      ['its button pressed again', (button: HTMLElement) => button.click()],
    ])(
      '%s: the note goes, the menu does not open when the load lands, and opens at once on the next press',
      async (_, takeBack) => {
        const { ui, menu, held } = await loadingMenu();
        takeBack(menu.button);
        await vi.advanceTimersByTimeAsync(0);
        expect(noteIn(ui.root)?.textContent).toBe('');
        expect(menu.button.getAttribute('aria-expanded')).toBe('false');

        const { parts, mounted } = fakeParts();
        held.land(parts);
        await vi.advanceTimersByTimeAsync(1_000);
        expect(mounted).toEqual([]);
        expect(noteIn(ui.root)?.textContent).toBe('');
        // The parts that landed are kept: no second load, nothing to wait for.
        menu.button.click();
        expect(mounted.at(-1)?.props).toMatchObject({ chatId: 'CT_1_2', chatName: 'Pin Room' });
        expect(menu.button.getAttribute('aria-expanded')).toBe('true');
      },
    );

    it('a press on the button itself toggles the menu, it does not count as a press elsewhere', async () => {
      const { ui, menu, held } = await loadingMenu(2);
      // The button sits in the UI's shadow root: seen from the page, the press is on the UI's host.
      pressOn(menu.button);
      await vi.advanceTimersByTimeAsync(0);
      expect(noteIn(ui.root)?.textContent).toBe(t('loading'));
      menu.button.click();
      await vi.advanceTimersByTimeAsync(0);
      menu.button.click();
      const { parts, mounted } = fakeParts();
      held.land(parts);
      await vi.advanceTimersByTimeAsync(0);
      expect(mounted.at(-1)?.props).toMatchObject({ chatId: 'CT_1_2' });
      expect(menu.button.getAttribute('aria-expanded')).toBe('true');
    });

    it('a load that fails after the person gave up on it says nothing', async () => {
      const { ui, held } = await loadingMenu();
      pressEscape();
      held.fail(new TypeError('Failed to fetch dynamically imported module'));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(noteIn(ui.root)?.textContent).toBe('');
      expect(console.warn).not.toHaveBeenCalled();
      expect(unhandled).toEqual([]);
    });

    it('the pin dialog: a press elsewhere, or Escape after the shortcut, and it does not open; nor after leaving the chat', async () => {
      vi.useFakeTimers();
      const message = document.body.appendChild(document.createElement('div'));
      const control = message.appendChild(document.createElement('button'));
      const chat = new AbortController();
      const env = { ctx, signal: chat.signal } as FeatureEnv;
      const dialog = await pinDialogFor(env);
      const root = document.querySelector('cliq-pins-pin-dialog')?.shadowRoot;
      const note = () => (root ? noteIn(root)?.textContent : undefined);
      const target = { chatId: 'CT_1_2', messageId: 'm1', preview: { text: 'Hello' } };
      const { parts, mounted } = fakeParts();
      const held = heldLoad(3);
      const step = async (act: () => void, noted: string) => {
        act();
        await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS);
        expect(note()).toBe(noted);
      };
      // From the message's pin control: a press on the control does not count, one elsewhere does.
      await step(() => dialog.open(target, message, control), t('loading'));
      await step(() => pressOn(control), t('loading'));
      await step(() => pressOn(document.body), '');
      // From the keyboard shortcut or the context menu (no control): Escape.
      await step(() => dialog.open(target, message), t('loading'));
      await step(pressEscape, '');
      // Asked again, then the chat is left (its UIs go) before the load lands.
      dialog.open(target, message, control);
      chat.abort();
      held.land(parts);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(mounted).toEqual([]);
    });

    it('the bar’s list: Escape while it loads closes it for good; an undo offered meanwhile is not taken back', async () => {
      vi.useFakeTimers();
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => undefined)) as never);
      const ui = await createShadowUi(ctx, 'cliq-pins-bar', ctx.signal);
      showPinnedBar(ui, 'CT_1_2', () => true);
      ui.place({ anchor: document.body, append: 'last' });
      const toggle = ui.root.querySelector<HTMLElement>('[data-testid=pinned-bar-toggle]');
      const held = heldLoad();
      toggle?.click();
      await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS);
      expect(noteIn(ui.root)?.textContent).toBe(t('loading'));
      pressEscape();
      await vi.advanceTimersByTimeAsync(0);
      expect(noteIn(ui.root)?.textContent).toBe('');
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');

      // An undo nobody pressed for (the pin dialog offers it as it closes, often by Escape) loads on.
      const undo = heldLoad();
      barChannel.dispatchEvent(new CustomEvent('undo', { detail: { chatId: 'CT_1_2', undo: {} } }));
      pressEscape();
      const { parts, mounted } = fakeParts();
      held.land(parts);
      undo.land(parts);
      await vi.advanceTimersByTimeAsync(0);
      expect(mounted.at(-1)?.props).toMatchObject({ open: false, offered: { undo: {} } });
    });
  });

  it('stays quietly blank when the extension is gone (updated or turned off)', async () => {
    const { ui, menu } = await folderButton();
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    load.next.push(gone);
    menu.button.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(noteIn(ui.root)?.textContent).toBe('');
    expect(console.warn).not.toHaveBeenCalled();
    expect(unhandled).toEqual([]);
  });

  it('the pin control’s dialog says so next to the message, and opens on the next try', async () => {
    const message = document.body.appendChild(document.createElement('div'));
    const env = { ctx, signal: ctx.signal } as FeatureEnv;
    load.next.push(gone);
    const dialog = await pinDialogFor(env);
    dialog.open({ chatId: 'CT_1_2', messageId: 'm1', preview: { text: 'Hello' } }, message);
    const root = document.querySelector('cliq-pins-pin-dialog')?.shadowRoot;
    const note = () => (root ? noteIn(root) : null);
    await vi.waitFor(() => expect(note()?.textContent).toBe(t('pageOnDemandFailed')));
    expect(note()?.style.position).toBe('fixed');

    const { parts, mounted } = fakeParts();
    load.next.push(loads(parts));
    (await pinDialogFor(env)).open({ chatId: 'CT_1_2', messageId: 'm1', preview: { text: 'Hello' } }, message);
    await vi.waitFor(() => expect(mounted.at(-1)?.part).toBe('PinDialogPopover'));
    expect(note()?.textContent).toBe('');
    expect(unhandled).toEqual([]);
  });

  it('an undo that cannot be offered says so in the bar', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => undefined)) as never);
    const ui = await createShadowUi(ctx, 'cliq-pins-bar', ctx.signal);
    showPinnedBar(ui, 'CT_1_2', () => true);
    ui.place({ anchor: document.body, append: 'last' });
    load.next.push(gone);
    barChannel.dispatchEvent(new CustomEvent('undo', { detail: { chatId: 'CT_1_2', undo: {} } }));
    await vi.waitFor(() => expect(noteIn(ui.root)?.textContent).toBe(t('pageUndoUnavailable')));
    expect(noteIn(ui.root)?.getAttribute('role')).toBe('alert');
    expect(unhandled).toEqual([]);
  });
});

describe('loading the on-demand script again after a failure', () => {
  it('asks under a fresh address (Firefox keeps a failed import by its address, and would fail it again)', async () => {
    const { loadOnDemand } = await vi.importActual<typeof import('../../../entrypoints/cliq.content/ui/lazy')>(
      '../../../entrypoints/cliq.content/ui/lazy',
    );
    // No such script in the unit harness: each load fails, naming the address it asked for.
    const first = await loadOnDemand().then(String, (error: Error) => error.message);
    const second = await loadOnDemand().then(String, (error: Error) => error.message);
    expect(first).toMatch(/cliq-on-demand\.js'/);
    expect(second).toMatch(/cliq-on-demand\.js\?retry=1'/);
  });
});
