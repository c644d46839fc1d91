// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/cliq.content/index';
import { E2E_OPEN_SHADOW_ROOTS_KEY } from '../../../entrypoints/cliq.content/ui/shadow';
import { t } from '../../../lib/i18n';
import { findMessages, messageIdIn } from '../../../lib/page/messages';
import { chatItemOf } from '../../../lib/page/selectors';

/*
 * What a person started from the browser's context menu or the keyboard command and did not happen is said in the
 * page, by what they acted on: not only in the console.
 */
const fromExtension = (event: unknown) =>
  fakeBrowser.runtime.onMessage.trigger({ cliqPinsEvent: event }, { id: fakeBrowser.runtime.id } as never, () => {});
const note = () =>
  document
    .querySelector('cliq-pins-pin-dialog')
    ?.shadowRoot?.querySelector<HTMLElement>('[data-testid=page-load-note]');

describe('an in-page action that did not happen', () => {
  let ctx: ContentScriptContext;
  beforeEach(async () => {
    await fakeBrowser.storage.local.set({ [E2E_OPEN_SHADOW_ROOTS_KEY]: true });
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://cliq.zoho.com/company/1/chats/CT_2231796882690347967_654200107-B1',
    );
    document.body.innerHTML = readFileSync('tests/unit/page/fixtures/cliq-evidence.html', 'utf8');
    ctx = new ContentScriptContext('cliq', contentScript);
    await contentScript.main(ctx);
    await vi.waitFor(() => expect(document.querySelector('[data-cliq-pins=pin-control]')).not.toBeNull());
  });
  afterEach(() => ctx.abort());

  const messages = () => {
    const found = findMessages();
    if (!found) throw new Error('the fixture has no messages');
    return [...found.root.querySelectorAll('*')].filter((e) => messageIdIn(found.reader, e) && e.parentElement);
  };

  it('chosen on a right-clicked message: the background’s sentence, as an alert by that message', async () => {
    const message = messages()[0] as HTMLElement;
    message.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    await fromExtension({ type: 'menuFailed', error: t('enqueueSignedOut') });
    await vi.waitFor(() => expect(note()?.textContent).toBe(t('enqueueSignedOut')));
    expect(note()?.getAttribute('role')).toBe('alert');
    expect(note()?.style.position).toBe('fixed');
    // Gone with the person's next press.
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(note()?.textContent).toBe(''));
  });

  it('chosen on a chat in the list: said by that chat, as text (never markup)', async () => {
    const item = [...document.querySelectorAll('*')].find((e) => chatItemOf(e) === e);
    expect(item).toBeDefined();
    item?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    await fromExtension({ type: 'menuFailed', error: '<b>refused</b>' });
    await vi.waitFor(() => expect(note()?.textContent).toBe('<b>refused</b>'));
    expect(note()?.querySelector('b')).toBeNull();
  });

  it('ignores the same event from anyone but the extension itself', async () => {
    messages()[0]?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    await fakeBrowser.runtime.onMessage.trigger(
      { cliqPinsEvent: { type: 'menuFailed', error: 'x' } },
      {
        id: 'another-extension',
      } as never,
      () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(note()?.textContent ?? '').toBe('');
  });

  it('the pin shortcut with no message in focus or under the pointer says what to do', async () => {
    await fromExtension({ type: 'pinShortcut' });
    await vi.waitFor(() => expect(note()?.textContent).toBe(t('pageShortcutNoMessage')));
    expect(note()?.getAttribute('role')).toBe('alert');
  });
});
