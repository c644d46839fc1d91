import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuth } from '../../../lib/auth/session';
import { createAccountServices } from '../../../lib/background/account-services';
import { createHandlers } from '../../../lib/background/handlers';
import { createMenus } from '../../../lib/background/menus';
import { dispatch, type Sender } from '../../../lib/messaging';
import { type Sandbox, startSandbox } from '../../sandbox';

/**
 * The background's handlers with the real auth, queue, sync and per-account databases, against the sandbox:
 * sign-in goes through the sandbox's accounts server (the browser's auth window is replaced by a fetch that
 * follows nothing and returns the redirect, which is what `launchWebAuthFlow` hands back).
 */
let sandbox: Sandbox;
let flows: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'default' });
});
afterAll(() => sandbox.stop());

const EXTENSION: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };

function contentIn(chatId: string | undefined): Sender {
  const page = chatId ? `/company/${sandbox.orgId}/chats/${chatId}` : `/company/${sandbox.orgId}/chats`;
  return { id: fakeBrowser.runtime.id, tab: { id: 7, url: `${sandbox.url}${page}` } };
}

function setUp() {
  const auth = createAuth();
  const accounts = createAccountServices(auth, { onProgress: () => undefined, onChange: () => undefined });
  const handlers = createHandlers({
    auth,
    services: () => accounts.services(),
    kick: () => undefined,
    restart: () => accounts.restart(),
    menus: createMenus({ services: () => accounts.services(), kick: () => undefined }),
  });
  const ask = async (type: string, data: unknown, sender: Sender = EXTENSION) =>
    dispatch(handlers, { type, data }, sender);
  const must = async <T>(type: string, data: unknown, sender: Sender = EXTENSION): Promise<T> => {
    const reply = await ask(type, data, sender);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as T;
  };
  return { auth, accounts, ask, must };
}

let env: ReturnType<typeof setUp>;

beforeEach(async () => {
  sandbox.reset();
  flows = [];
  fakeBrowser.identity.getRedirectURL = (() => 'https://ext.chromiumapp.org/') as never;
  fakeBrowser.identity.launchWebAuthFlow = (async ({ url }: { url: string }) => {
    flows.push(new URL(url).pathname);
    const res = await fetch(url, { redirect: 'manual' });
    return res.headers.get('location') ?? undefined;
  }) as never;
  await fakeBrowser.storage.local.set({
    connection: { dataCentre: 'com', clientId: '1000.SANDBOX', apiHost: sandbox.url, accountsHost: sandbox.url },
  });
  env = setUp();
});
afterEach(() => env.accounts.restart());

/** A chat of the signed-in sandbox user with at least two pins. */
function chatWithPins(): { chatId: string; messageIds: string[] } {
  for (const [chatId, list] of sandbox.state.pins) {
    if (list.entries.length >= 2) return { chatId, messageIds: list.entries.map((p) => p.messageId) };
  }
  throw new Error('the default seed has a chat with pins');
}

async function signInAndRead(chatId: string) {
  await env.must('signIn', {});
  const open = await env.accounts.services();
  await open?.sync.refreshChat(chatId);
  await open?.sync.refreshFolders();
  return open;
}

const deletes = () => sandbox.requests().filter((r) => r.method === 'DELETE');

describe('sign-out with queued intents', () => {
  it('asks first, then on "discard" sends nothing and clears the cache and journal, keeping the rate ledger', async () => {
    const { chatId, messageIds } = chatWithPins();
    const open = await signInAndRead(chatId);
    expect((await env.must<{ pins: unknown[] }>('getChatPins', { chatId })).pins.length).toBeGreaterThan(1);
    const queued = await env.must<{ ok: boolean }>('enqueue', {
      intents: [{ kind: 'unpinMessages', chatId, messageIds: [messageIds[0]] }],
    });
    expect(queued.ok).toBe(true);
    expect((await env.must<{ pendingIntents: number }>('getAuthState', {})).pendingIntents).toBe(1);

    expect(await env.ask('signOut', {})).toEqual({
      ok: false,
      error: 'Some changes haven’t reached Cliq yet (1). Choose to send them first or to discard them.',
    });
    expect((await env.must<{ signedIn: boolean }>('getAuthState', {})).signedIn).toBe(true);

    const state = await env.must<{ signedIn: boolean; account?: unknown }>('signOut', { pending: 'discard' });
    expect(state).toMatchObject({ signedIn: false, account: undefined, pendingIntents: 0 });
    expect(deletes()).toEqual([]);
    const db = open?.db;
    expect(await db?.getAll('intents')).toEqual([]);
    expect(await db?.getAll('pinLists')).toEqual([]);
    expect(await db?.getAll('folders')).toEqual([]);
    expect((await db?.getAll('ledger'))?.length).toBeGreaterThan(0);
    // Signed out, the page shows nothing and nothing can be queued.
    expect((await env.must<{ pins: unknown[] }>('getChatPins', { chatId })).pins).toEqual([]);
    expect(await env.must('enqueue', { intents: [{ kind: 'unpinMessages', chatId, messageIds }] })).toEqual({
      ok: false,
      error: 'Cliq Pins is signed out, so nothing was queued. Sign in on the Cliq Pins settings page, then try again.',
    });
  });

  it('on "send first" sends the queued unpin to Cliq, then clears the account', async () => {
    const { chatId, messageIds } = chatWithPins();
    const open = await signInAndRead(chatId);
    await env.must('enqueue', { intents: [{ kind: 'unpinMessages', chatId, messageIds: [messageIds[0]] }] });
    await env.must('signOut', { pending: 'send' });
    expect(deletes().map((r) => r.path)).toEqual([`/api/v3/chats/${chatId}/pin-messages`]);
    expect(sandbox.state.pins.get(chatId)?.entries.map((p) => p.messageId)).not.toContain(messageIds[0]);
    expect(await open?.db.getAll('intents')).toEqual([]);
    expect(await open?.db.getAll('pinLists')).toEqual([]);
  });
});

describe('a second account', () => {
  it("never shows the first account's pins and never sends its intents; the first keeps them for its return", async () => {
    const { chatId, messageIds } = chatWithPins();
    const first = await signInAndRead(chatId);
    await env.must('enqueue', { intents: [{ kind: 'unpinMessages', chatId, messageIds: [messageIds[0]] }] });
    // The first user's token lapses with the unpin still queued; someone else signs in at Zoho.
    await fakeBrowser.storage.session.clear();
    await fetch(`${sandbox.url}/__sandbox/accounts`, {
      method: 'POST',
      body: JSON.stringify({ user: { id: '61009999', email: 'second@sandbox.example' } }),
    });
    const second = await env.must<{ account: { key: string; user: string } }>('signIn', {});
    expect(second.account.user).toBe('61009999');
    const open = await env.accounts.services();
    expect(open?.db.name).not.toBe(first?.db.name);
    expect((await env.must<{ pins: unknown[] }>('getChatPins', { chatId })).pins).toEqual([]);
    expect(await env.must('getFolders', {})).toEqual([]);
    expect((await env.must<{ pendingIntents: number }>('getAuthState', {})).pendingIntents).toBe(0);
    await open?.queue.run();
    expect(deletes()).toEqual([]);
    // Held, not dropped: the first account's journal still has its intent.
    const held = (await first?.db.getAll('intents')) ?? [];
    expect(held.map((r) => [r.intent.kind, r.state === 'done' || r.state === 'failed'])).toEqual([
      ['unpinMessages', false],
    ]);
  });
});

describe('changing hosts', () => {
  it('signs out when the API host changes, and refuses while intents are queued', async () => {
    const { chatId, messageIds } = chatWithPins();
    await signInAndRead(chatId);
    await env.must('enqueue', { intents: [{ kind: 'unpinMessages', chatId, messageIds: [messageIds[0]] }] });
    const moved = {
      dataCentre: 'com',
      clientId: '1000.SANDBOX',
      apiHost: 'https://cliq.zoho.uk',
      accountsHost: sandbox.url,
    };
    expect(await env.ask('saveConnection', moved)).toEqual({
      ok: false,
      error: expect.stringContaining('Changing the host signs out'),
    });
    await env.must('signOut', { pending: 'discard' });
    await env.must('signIn', {});
    const saved = await env.must<{ signedIn: boolean }>('saveConnection', moved);
    expect(saved).toMatchObject({ signedIn: false, account: undefined });
    expect(await env.ask('saveConnection', { ...moved, apiHost: 'https://accounts.zoho.uk' })).toEqual({
      ok: false,
      error: expect.stringContaining('is a Zoho accounts host; this field needs a Zoho Cliq host'),
    });
  });
});

describe('what a content script may ask for', () => {
  const otherChat = () => [...sandbox.state.pins.keys()].find((id) => id !== chatWithPins().chatId) as string;

  it.each([
    [
      'a folder deletion with its chats unpinned',
      () => ({ kind: 'deleteFolder', folderId: sandbox.state.folders[1]?.id, unpinAll: true }),
    ],
    [
      'a bulk removal of chats from every folder',
      () => ({ kind: 'removeChatsFromAllFolders', chatIds: [chatWithPins().chatId, otherChat()] }),
    ],
    ['emptying a folder', () => ({ kind: 'replaceFolderChats', folderId: sandbox.state.folders[1]?.id, chatIds: [] })],
    ['renaming a folder', () => ({ kind: 'renameFolder', folderId: sandbox.state.folders[1]?.id, title: 'pwned' })],
    ['moving a folder', () => ({ kind: 'moveFolder', folderId: sandbox.state.folders[1]?.id })],
    [
      'unpinning every pin of a chat the tab does not show',
      () => ({
        kind: 'unpinMessages',
        chatId: otherChat(),
        messageIds: sandbox.state.pins.get(otherChat())?.entries.map((p) => p.messageId),
      }),
    ],
  ])('refuses %s, with a readable error, and nothing is queued or sent', async (_, intent) => {
    const { chatId } = chatWithPins();
    await signInAndRead(chatId);
    const reply = await env.ask('enqueue', { intents: [intent()] }, contentIn(chatId));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/only|Cliq Pins popup/) });
    expect((await env.must<{ pendingIntents: number }>('getAuthState', {})).pendingIntents).toBe(0);
    expect(deletes()).toEqual([]);
  });

  it("refuses to read another chat's pins, or refresh it, judged by the tab's URL and not by what the page says", async () => {
    const { chatId } = chatWithPins();
    await signInAndRead(chatId);
    expect(await env.ask('getChatPins', { chatId: otherChat() }, contentIn(chatId))).toEqual({
      ok: false,
      error: 'A Cliq page can only read the pins of the chat its tab shows.',
    });
    expect(await env.ask('refresh', { chatIds: [otherChat()] }, contentIn(chatId))).toMatchObject({ ok: false });
    expect(await env.ask('getChatPins', { chatId }, contentIn(undefined))).toMatchObject({ ok: false });
    expect(await env.ask('getChatPins', { chatId }, contentIn(chatId))).toMatchObject({ ok: true });
  });

  it("fits the context menu to a right-click on the tab's own chat only, pinned or not as the cache says", async () => {
    const { chatId, messageIds } = chatWithPins();
    await signInAndRead(chatId);
    const shown = new Map<string, boolean | undefined>();
    fakeBrowser.contextMenus.update = vi.fn(async (id: string | number, change: { visible?: boolean }) => {
      shown.set(String(id), change.visible);
    }) as never;
    const pinned = messageIds[0] ?? '';
    expect(await env.ask('menuContext', { chatId, messageId: pinned }, contentIn(chatId))).toEqual({
      ok: true,
      data: { pinned: true },
    });
    expect(Object.fromEntries(shown)).toEqual({
      'cliq-pins-pin': false,
      'cliq-pins-unpin': true,
      'cliq-pins-folder': false,
    });
    const notPinned = pinned.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(await env.ask('menuContext', { chatId, messageId: notPinned }, contentIn(chatId))).toEqual({
      ok: true,
      data: { pinned: false },
    });
    expect(Object.fromEntries(shown)).toEqual({
      'cliq-pins-pin': true,
      'cliq-pins-unpin': false,
      'cliq-pins-folder': false,
    });
    // A chat in the chat list: only "Add chat to folder".
    await env.must('menuContext', { chatId: otherChat() }, contentIn(chatId));
    expect(Object.fromEntries(shown)).toEqual({
      'cliq-pins-pin': false,
      'cliq-pins-unpin': false,
      'cliq-pins-folder': true,
    });
    expect(await env.ask('menuContext', { chatId: otherChat(), messageId: pinned }, contentIn(chatId))).toEqual({
      ok: false,
      error: 'A Cliq page can only read the pins of the chat its tab shows.',
    });
  });

  it('at an address that names no chat (/index.do, /channels/<name>), allows one chat per request, as the page shows it', async () => {
    const { chatId, messageIds } = chatWithPins();
    await signInAndRead(chatId);
    for (const page of ['/index.do', '/channels/general']) {
      const sender: Sender = { id: fakeBrowser.runtime.id, tab: { id: 7, url: `${sandbox.url}${page}` } };
      expect(await env.ask('getChatPins', { chatId }, sender)).toMatchObject({ ok: true });
      expect(await env.ask('refresh', { chatIds: [chatId, otherChat()] }, sender)).toMatchObject({ ok: false });
      const twoChats = [
        { kind: 'makePrimary', chatId, messageId: messageIds[1] },
        {
          kind: 'unpinMessages',
          chatId: otherChat(),
          messageIds: [sandbox.state.pins.get(otherChat())?.entries[0]?.messageId],
        },
      ];
      expect(await env.ask('enqueue', { intents: twoChats }, sender)).toMatchObject({ ok: false });
    }
    expect((await env.must<{ pendingIntents: number }>('getAuthState', {})).pendingIntents).toBe(0);
    expect(deletes()).toEqual([]);
  });

  it('allows what the in-page features need: pins of the open chat, and one chat at a time in folders', async () => {
    const { chatId, messageIds } = chatWithPins();
    await signInAndRead(chatId);
    const folder = sandbox.state.folders.find((f) => f.id !== 'default' && f.chatIds.length > 1);
    const allowed = [
      { kind: 'makePrimary', chatId, messageId: messageIds[1] },
      { kind: 'pinChatToFolder', chatId: otherChat() },
      ...(folder
        ? [
            {
              kind: 'replaceFolderChats',
              folderId: folder.id,
              chatIds: folder.chatIds.slice(1),
              editedFrom: folder.chatIds,
            },
            // The page's undo of "Unpin everywhere": the chat back at its old place, the others as they were.
            {
              kind: 'replaceFolderChats',
              folderId: folder.id,
              chatIds: folder.chatIds,
              editedFrom: folder.chatIds.slice(1),
            },
          ]
        : []),
    ];
    expect(await env.ask('enqueue', { intents: allowed }, contentIn(chatId))).toMatchObject({
      ok: true,
      data: { ok: true },
    });
    expect(await env.ask('signOut', { pending: 'discard' }, contentIn(chatId))).toEqual({
      ok: false,
      error: '"signOut" is not allowed from here.',
    });
  });
});
