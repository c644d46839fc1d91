// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { el, setChildren } from '../../../entrypoints/cliq.content/ui/dom';
import { createShadowUi } from '../../../entrypoints/cliq.content/ui/shadow';

describe('an in-page UI built with DOM calls', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('keeps an error in the UI that threw: logged under its name, never thrown, the UI blank', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ui = await createShadowUi(ctx, 'cliq-pins-test', ctx.signal);
    ui.place({ anchor: document.body, append: 'last' });
    ui.update(() => ui.root.append(el('button', {}, 'Shown')));
    expect(() =>
      ui.update(() => {
        throw new Error('broken');
      }),
    ).not.toThrow();
    expect(ui.root.childNodes).toHaveLength(0);
    expect(ui.signal.aborted).toBe(true);
    expect(logged).toHaveBeenCalledWith('Cliq Pins: cliq-pins-test failed', expect.any(Error));
    // A failed UI takes no more changes; its host stays where it was, empty.
    ui.update(() => ui.root.append('again'));
    expect(ui.root.childNodes).toHaveLength(0);
  });

  it('goes blank quietly when the extension is gone (its strings can no longer be read)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ui = await createShadowUi(ctx, 'cliq-pins-test', ctx.signal);
    ui.update(() => ui.root.append('Shown'));
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as never);
    ui.update(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(ui.root.childNodes).toHaveLength(0);
    expect(logged).not.toHaveBeenCalled();
  });

  it('reads the background only once placed, and ends with its feature', async () => {
    const feature = new AbortController();
    const ui = await createShadowUi(ctx, 'cliq-pins-test', feature.signal);
    const started = vi.fn();
    ui.whenPlaced(started);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(started).not.toHaveBeenCalled();
    ui.place({ anchor: document.body, append: 'last' });
    await vi.waitFor(() => expect(started).toHaveBeenCalledOnce());
    feature.abort();
    expect(ui.signal.aborted).toBe(true);
    expect(ui.host.isConnected).toBe(false);
  });

  it('updates children in place: a focused button stays focused while its neighbours come and go', () => {
    const parent = el('div');
    document.body.append(parent);
    const kept = el('button', {}, 'Kept');
    setChildren(parent, [kept, el('span', {}, 'before')]);
    kept.focus();
    setChildren(parent, [el('p', {}, 'first'), kept, false, 'text', null]);
    expect(document.activeElement).toBe(kept);
    expect(parent.textContent).toBe('firstKepttext');
    setChildren(parent, [kept]);
    expect(document.activeElement).toBe(kept);
    expect([...parent.childNodes]).toEqual([kept]);
  });

  it('sets text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const node = el('p', { title: hostile }, hostile);
    expect(node.children).toHaveLength(0);
    expect(node.textContent).toBe(hostile);
  });
});
