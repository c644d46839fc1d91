// @vitest-environment happy-dom
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type PopupApi, PopupContext, type UndoOffer } from '../../../components/popup/context';
import { loadRare } from '../../../components/popup/Lazy';
import { PinsView } from '../../../components/popup/PinsView';
import type { Board } from '../../../components/popup/useBoard';
import type { ShownPin } from '../../../lib/board/read-models';
import { boardOf, popupApiFor, renderInPopup } from './fixture';

const HOSTILE = '<img src=x onerror="window.hacked=1">**bold**';
const pin = (chatId: string, messageId: string, text = `text ${messageId}`): ShownPin => ({
  chatId,
  messageId,
  text,
  senderName: 'Ann',
  expiry: -1,
  isPrimary: false,
  pending: false,
});

function board(): Board {
  return boardOf({
    pins: [
      { chatId: 'c1', chatName: 'Ops', pins: [pin('c1', 'a', HOSTILE), pin('c1', 'b'), pin('c1', 'c')] },
      { chatId: 'c2', chatName: '<b>Team</b>', pins: [pin('c2', 'd'), pin('c2', 'e')] },
    ],
  });
}

let root: HTMLElement;
let dialog: HTMLElement;
let api: PopupApi;
let run: ReturnType<typeof vi.fn<PopupApi['run']>>;
let offerUndo: ReturnType<typeof vi.fn<PopupApi['offerUndo']>>;

function mount() {
  run = vi.fn<PopupApi['run']>(async () => true);
  offerUndo = vi.fn<PopupApi['offerUndo']>();
  api = popupApiFor(board(), {
    chatLink: (chatId) => `https://cliq.zoho.com/chats/${chatId}`,
    run,
    // As the shell does: dialogs render inside the popup's context.
    openDialog: (open: (close: () => void) => VNode) =>
      render(<PopupContext.Provider value={api}>{open(() => render(null, dialog))}</PopupContext.Provider>, dialog),
    offerUndo,
  });
  renderInPopup(root, api, <PinsView onOrderChanged={() => undefined} />);
}

const box = (messageId: string) =>
  root.querySelector<HTMLInputElement>(`[data-message-id="${messageId}"] input[type=checkbox]`) as HTMLInputElement;
const search = (query: string) =>
  act(() => {
    const box = root.querySelector('[data-testid=pin-search]') as HTMLInputElement;
    box.value = query;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
const click = (el: Element, init: MouseEventInit = {}) =>
  act(() => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
  });

beforeEach(async () => {
  // The popup reads the signed-in account's database; this one has nothing cached.
  await fakeBrowser.storage.local.set({
    account: { key: 'https://cliq.zoho.com', apiOrigin: 'https://cliq.zoho.com', grantedForSession: true },
  });
  localStorage.clear();
  root = document.createElement('div');
  dialog = document.createElement('div');
  document.body.append(root, dialog);
  mount();
});
afterEach(() => {
  render(null, root);
  render(null, dialog);
  root.remove();
  dialog.remove();
});

describe('the pinned messages view', () => {
  it('shows text from Cliq as text, never as markup', () => {
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('[data-message-id="a"] .pin-text')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('[data-chat-id="c2"] h3')?.textContent).toBe('<b>Team</b>');
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('selects a Shift-click range across chats, and one chat with its own checkbox', () => {
    click(box('b'));
    click(box('d'), { shiftKey: true });
    expect(root.querySelector('[data-testid=bulk-bar] span')?.textContent).toBe('3 pins selected');
    const chat = root.querySelector('[data-chat-id="c1"] [data-testid=select-chat]') as HTMLInputElement;
    expect(chat.indeterminate).toBe(true);
    click(chat);
    expect(root.querySelector('[data-testid=bulk-bar] span')?.textContent).toBe('4 pins selected');
  });

  const altKey = async (messageId: string, key: 'ArrowUp' | 'ArrowDown') =>
    act(async () => {
      box(messageId).dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, bubbles: true }));
    });

  it('moves a pin down with Alt+ArrowDown: directly above the pin after its neighbour, and offers undo', async () => {
    await altKey('b', 'ArrowDown');
    expect(run).toHaveBeenCalledWith([{ kind: 'reorderPin', chatId: 'c1', messageId: 'b', above: undefined }]);
    const offer = offerUndo.mock.calls[0]?.[0] as UndoOffer;
    expect(offer.message).toBe('Pin moved.');
    // Nothing cached: the plan speaks of what the database holds, so there is nothing to move back.
    expect((await offer.plan()).intents).toEqual([]);
  });

  it('says when a move makes a pin the primary, seen by everyone in the chat', async () => {
    await altKey('b', 'ArrowUp');
    expect(run).toHaveBeenCalledWith([{ kind: 'reorderPin', chatId: 'c1', messageId: 'b', above: 'a' }]);
    expect(offerUndo.mock.calls[0]?.[0]?.message).toBe(
      'Moved. “text b” is now the primary pin in Ops, seen by everyone in the chat.',
    );
    offerUndo.mockClear();
    // Moving the primary down makes its neighbour the primary: that is named too.
    await altKey('a', 'ArrowDown');
    expect(offerUndo.mock.calls[0]?.[0]?.message).toBe(
      'Moved. “text b” is now the primary pin in Ops, seen by everyone in the chat.',
    );
  });

  it('says before Alt+Up is pressed that it makes the second pin the primary', () => {
    const describedBy = (id: string) => document.getElementById(box(id).getAttribute('aria-describedby') ?? '');
    expect(describedBy('b')?.textContent).toBe('Alt+Up makes it the primary pin, seen by everyone in the chat.');
    expect(box('a').getAttribute('aria-describedby')).toBeNull();
    expect(box('c').getAttribute('aria-describedby')).toBeNull();
  });

  it('offers no undo when the queue refused the move', async () => {
    run.mockResolvedValueOnce(false);
    await altKey('b', 'ArrowUp');
    expect(offerUndo).not.toHaveBeenCalled();
  });

  it('names every "Open in Cliq" link after its chat', () => {
    const names = [...root.querySelectorAll('[data-testid=open-in-cliq]')].map((a) => a.getAttribute('aria-label'));
    expect(names).toEqual(['Open in Cliq: Ops', 'Open in Cliq: <b>Team</b>']);
    for (const a of root.querySelectorAll('[data-testid=open-in-cliq]')) expect(a.textContent).toBe('Open in Cliq');
  });

  it('unpins the selection after a confirmation with the estimate, one intent per chat, and offers undo', async () => {
    click(root.querySelector('[data-chat-id="c2"] [data-testid=select-chat]') as Element);
    click(box('b'));
    click(root.querySelector('[data-testid=bulk-unpin]') as Element);
    expect(dialog.querySelector('[data-testid=estimate]')?.getAttribute('data-requests')).toBe('2');
    expect(dialog.querySelector('[data-testid=estimate]')?.textContent).toBe('2 requests to Cliq, sent right away.');
    // Before the user confirms: for everyone in the chats, and an undo re-pins in the user's name.
    expect(dialog.textContent).toContain('Unpin 3 messages in 2 chats? They stop being pinned for everyone');
    expect(dialog.querySelector('[data-testid=undo-repins-as-you]')?.textContent).toMatch(
      /show you as the one who pinned them, just now/,
    );
    await act(async () => {
      dialog.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(run).toHaveBeenCalledWith([
      { kind: 'unpinMessages', chatId: 'c2', messageIds: ['d', 'e'] },
      { kind: 'unpinMessages', chatId: 'c1', messageIds: ['b'] },
    ]);
    const offer = offerUndo.mock.calls[0]?.[0] as UndoOffer;
    expect(offer.message).toBe('Unpinned 3 messages. Undo pins them again in your name.');
    // Nothing is cached in this test's database, so undo pins all three again, the primary last.
    const { intents } = await offer.plan();
    expect(intents.map((i) => i.kind === 'pinMessage' && [i.chatId, i.messageId, i.primary ?? false])).toEqual([
      ['c2', 'e', false],
      ['c2', 'd', true],
      ['c1', 'b', false],
    ]);
  });

  it('never dates a pin in the future: a re-pin stamped by a clock ahead of ours reads "just now"', () => {
    const ahead = { ...pin('c1', 'z'), pinnedBy: 'Me', pinnedAt: api.now + 5_000 };
    const older = { ...pin('c1', 'y'), pinnedBy: 'Ann', pinnedAt: api.now - 3 * 60_000 };
    api = { ...api, board: boardOf({ pins: [{ chatId: 'c1', chatName: 'Ops', pins: [ahead, older] }] }) };
    renderInPopup(root, api, <PinsView onOrderChanged={() => undefined} />);
    const about = (id: string) => root.querySelector(`[data-message-id="${id}"] .pin-about`)?.textContent;
    expect(about('z')).toBe('pinned by Mejust now');
    expect(about('y')).toBe('pinned by Ann3 minutes ago');
  });

  it('disables "Select all shown (0)" while the search matches nothing, and says why to assistive tech', () => {
    const all = root.querySelector<HTMLInputElement>('[data-testid=select-all-shown]') as HTMLInputElement;
    expect(all.disabled).toBe(false);
    expect(all.getAttribute('aria-describedby')).toBeNull();
    search('no such pin');
    expect(root.querySelectorAll('[data-testid=pin]')).toHaveLength(0);
    expect(all.closest('label')?.textContent).toContain('Select all shown (0)');
    expect(all.disabled).toBe(true);
    const why = document.getElementById(all.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toBe('No pins match these filters.');
    search('');
    expect(all.disabled).toBe(false);
  });

  it('exports what the filters leave on screen', async () => {
    const texts: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      void (blob as Blob).text().then((text) => texts.push(text));
      return 'blob:test';
    });
    search('team');
    expect([...root.querySelectorAll('[data-testid=pin]')].map((el) => el.getAttribute('data-message-id'))).toEqual([
      'd',
      'e',
    ]);
    click(root.querySelector('[data-testid=export-json]') as Element);
    // The export's formatting is imported on first use.
    await act(async () => void (await loadRare()));
    expect(create).toHaveBeenCalledOnce();
    create.mockRestore();
    return vi.waitFor(() => {
      const data = JSON.parse(texts[0] ?? '{}') as { chats: { chatId: string; pins: { messageId: string }[] }[] };
      expect(data.chats.map((c) => [c.chatId, c.pins.map((p) => p.messageId)])).toEqual([['c2', ['d', 'e']]]);
    });
  });
});
