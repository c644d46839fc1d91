// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LOAD_TIME_LIMIT_MS } from '../../../entrypoints/cliq.content/ui/lazy';
import { ON_DEMAND_GLOBAL } from '../../../entrypoints/cliq.content/ui/lazy-keys';
import { SLOW_LOAD_MS } from '../../../entrypoints/cliq.content/ui/load-note';
import type { OnDemand } from '../../../entrypoints/cliq.content/ui/on-demand';
import { t } from '../../../lib/i18n';
import { fakeParts, folderButton, noteIn } from './on-demand-fakes';

/**
 * The on-demand script's file, under each address lazy.ts asks for it (under /extension, where vitest can mock a
 * module by its address): each import hangs, as a request nobody answers does, until the test lets it land.
 */
const file = vi.hoisted(() => {
  const imports = new Map<string, () => void>();
  const held = (address: string) => new Promise<object>((resolve) => imports.set(address, () => resolve({})));
  return { imports, held };
});
vi.mock('/extension/cliq-on-demand.js', () => file.held('first'));
vi.mock('/extension/cliq-on-demand.js?retry=1', () => file.held('retry=1'));

/** The import asked for under `address` lands, its script having left `parts` where lazy.ts looks for them. */
function land(address: string, parts: OnDemand): void {
  (globalThis as Record<string, unknown>)[ON_DEMAND_GLOBAL] = parts;
  file.imports.get(address)?.();
}

describe('an on-demand load that hangs', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `/extension${path}`);
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('fails after the time limit, and the late load opens nothing but is kept; the retry does not race it', async () => {
    const { ui, menu } = await folderButton(ctx);
    const note = () => noteIn(ui.root);
    menu.button.click();
    await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS);
    expect(note()?.textContent).toBe(t('loading'));
    await vi.advanceTimersByTimeAsync(LOAD_TIME_LIMIT_MS - SLOW_LOAD_MS - 1);
    expect(note()?.textContent).toBe(t('loading'));

    // Past the limit: the same note as a load that failed, and the menu is not left looking open.
    await vi.advanceTimersByTimeAsync(1);
    expect(note()?.textContent).toBe(t('pageOnDemandFailed'));
    expect(note()?.getAttribute('role')).toBe('alert');
    expect(menu.button.getAttribute('aria-expanded')).toBe('false');
    expect(console.warn).toHaveBeenCalledWith(
      'Cliq Pins: could not load cliq-on-demand.js',
      expect.objectContaining({ message: `/cliq-on-demand.js did not load within ${LOAD_TIME_LIMIT_MS} ms` }),
    );

    // The next press asks again, under a fresh address; then Escape: the person gives up on this one too.
    document.dispatchEvent(new PointerEvent('pointerdown'));
    menu.button.click();
    await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS);
    expect([...file.imports.keys()]).toEqual(['first', 'retry=1']);
    expect(note()?.textContent).toBe(t('loading'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));

    // The first load lands late, then the retry: neither opens the menu the person gave up on.
    const { parts, mounted } = fakeParts();
    land('first', parts);
    await vi.advanceTimersByTimeAsync(0);
    land('retry=1', fakeParts().parts);
    await vi.advanceTimersByTimeAsync(LOAD_TIME_LIMIT_MS);
    expect(mounted).toEqual([]);
    expect(note()?.textContent).toBe('');

    // What landed first is kept: the next press opens at once, with no third load.
    menu.button.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(mounted.at(-1)?.props).toMatchObject({ chatId: 'CT_1_2' });
    expect(menu.button.getAttribute('aria-expanded')).toBe('true');
    expect([...file.imports.keys()]).toEqual(['first', 'retry=1']);
    expect(note()?.textContent).toBe('');
  });
});
