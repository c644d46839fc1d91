import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, type Handlers, listenForMessages } from '../../lib/messaging';

const ping = vi.fn(async () => ({ pong: true as const, version: '1.2.3' }));
const handlers: Partial<Handlers> = { ping };
const extensionPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const contentScript = { id: fakeBrowser.runtime.id, url: 'https://cliq.zoho.com/company/1/chats', tab: { id: 7 } };

describe('the background message router', () => {
  it('answers a typed ping from an extension page and from a content script', async () => {
    expect(await dispatch(handlers, { type: 'ping', data: {} }, extensionPage)).toEqual({
      ok: true,
      data: { pong: true, version: '1.2.3' },
    });
    expect(await dispatch(handlers, { type: 'ping', data: {} }, contentScript)).toMatchObject({ ok: true });
  });

  it('refuses messages from another extension or from nowhere it recognises', async () => {
    const reply = await dispatch(handlers, { type: 'ping', data: {} }, { id: 'someone-else', tab: { id: 1 } });
    expect(reply).toEqual({ ok: false, error: '"ping" is not allowed from here.' });
    expect(await dispatch(handlers, { type: 'ping', data: {} }, { id: fakeBrowser.runtime.id })).toMatchObject({
      ok: false,
    });
  });

  it('rejects unknown types, prototype keys and malformed envelopes without calling a handler', async () => {
    ping.mockClear();
    for (const raw of [
      { type: 'getToken', data: {} },
      { type: 'constructor', data: {} },
      { type: '__proto__', data: {} },
      'ping',
      null,
      { type: 'ping', data: {}, extra: 1 },
    ]) {
      expect(await dispatch(handlers, raw, extensionPage)).toEqual({ ok: false, error: 'Unknown message.' });
    }
    expect(ping).not.toHaveBeenCalled();
  });

  it('validates the payload with the protocol schema', async () => {
    const reply = await dispatch(handlers, { type: 'ping', data: { sneaky: true } }, extensionPage);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Invalid "ping" request') });
  });

  it('turns a handler failure into a readable error instead of a rejected promise', async () => {
    const failing: Partial<Handlers> = {
      ping: async () => {
        throw new Error('Sign in to Cliq first.');
      },
    };
    expect(await dispatch(failing, { type: 'ping', data: {} }, extensionPage)).toEqual({
      ok: false,
      error: 'Sign in to Cliq first.',
    });
  });

  it('is wired to runtime.onMessage and replies through sendResponse', async () => {
    listenForMessages(handlers as Handlers);
    const sendResponse = vi.fn();
    const results = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'ping', data: {} },
      extensionPage,
      sendResponse,
    );
    expect(results).toEqual([true]);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ ok: true, data: { pong: true, version: '1.2.3' } }),
    );
  });
});
