// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { folderMenuButton } from '../../../entrypoints/cliq.content/ui/folder-button';
import { SLOW_LOAD_MS } from '../../../entrypoints/cliq.content/ui/load-note';
import type { OnDemand } from '../../../entrypoints/cliq.content/ui/on-demand';
import { barChannel } from '../../../entrypoints/cliq.content/ui/page-state';
import { pinDialogFor } from '../../../entrypoints/cliq.content/ui/pin-dialog-host';
import { showPinnedBar } from '../../../entrypoints/cliq.content/ui/pinned-bar';
import { createShadowUi, E2E_OPEN_SHADOW_ROOTS_KEY } from '../../../entrypoints/cliq.content/ui/shadow';
import { t } from '../../../lib/i18n';
import type { FeatureEnv } from '../../../lib/page/features';

// The on-demand script's import, failed or held back here as a removed file or a slow disk would.
const load = vi.hoisted(() => ({ next: [] as (() => Promise<unknown>)[] }));
vi.mock('../../../entrypoints/cliq.content/ui/lazy', () => ({
  loadOnDemand: () => (load.next.shift() ?? (() => Promise.reject(new Error('no load planned'))))(),
}));

const gone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
/** Parts that record what they were asked to render instead of rendering it. */
function fakeParts() {
  const mounted: { into: Element; part?: unknown; props?: unknown }[] = [];
  const parts = {
    mount: (_scope: unknown, into: Element, part?: unknown, props?: unknown) => mounted.push({ into, part, props }),
    FolderPopover: 'FolderPopover',
    BarPanel: 'BarPanel',
    PinDialogPopover: 'PinDialogPopover',
  } as unknown as OnDemand;
  return { parts, mounted };
}
const loads = (parts: OnDemand) => () => Promise.resolve(parts);
const noteIn = (root: ParentNode) => root.querySelector<HTMLElement>('[data-testid=page-load-note]');

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

  async function folderButton() {
    const ui = await createShadowUi(ctx, 'cliq-pins-folders', ctx.signal);
    ui.place({ anchor: document.body, append: 'last' });
    const menu = folderMenuButton(ui, 'folder-button', 'folder-menu-popover');
    ui.root.append(menu.button, menu.popover);
    menu.setChat('CT_1_2', 'Pin Room');
    return { ui, menu };
  }

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
    let finish: (parts: OnDemand) => void = () => undefined;
    load.next.push(() => new Promise<OnDemand>((resolve) => (finish = resolve)));
    menu.button.click();
    await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS - 10);
    expect(noteIn(ui.root)?.textContent).toBe('');
    await vi.advanceTimersByTimeAsync(20);
    expect(noteIn(ui.root)?.textContent).toBe(t('loading'));
    expect(noteIn(ui.root)?.getAttribute('role')).toBe('status');
    const { parts, mounted } = fakeParts();
    finish(parts);
    await vi.advanceTimersByTimeAsync(0);
    expect(noteIn(ui.root)?.textContent).toBe('');
    expect(mounted.at(-1)?.part).toBe('FolderPopover');
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
