import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuth } from '../../../lib/auth/session';
import { createHandlers } from '../../../lib/background/handlers';
import { createMenus } from '../../../lib/background/menus';
import type { Services } from '../../../lib/background/services';
import { createBudgetLedger } from '../../../lib/budget/ledger';
import { CliqError } from '../../../lib/cliq';
import { dispatch, type Handlers, type Sender } from '../../../lib/messaging';
import { protocol } from '../../../lib/messaging/protocol';
import { createPinQueue } from '../../../lib/queue/queue';
import type { PinsDb } from '../../../lib/store/db';
import { createPinSync } from '../../../lib/sync/sync';
import { freshDb } from '../../unit/queue/harness';

/*
 * Issue 8, hostile messages: what a compromised Cliq page (through its content script), another extension
 * or a forged payload can make the background do. The router and the queue are the real ones, on their own
 * database; Cliq is never reached (the client refuses every call).
 */

const EXTENSION_ONLY = Object.entries(protocol)
  .filter(([, spec]) => !spec.fromContentScript)
  .map(([type]) => type);

const ourPage = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const CHAT_PAGE = 'https://cliq.zoho.com/company/700012345/chats/CT_1_700012345';
const contentScript = (): Sender => ({ id: fakeBrowser.runtime.id, url: CHAT_PAGE, tab: { id: 7, url: CHAT_PAGE } });
const FOREIGN: [string, () => Sender][] = [
  [
    'another extension',
    () => ({ id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnop/' }),
  ],
  ['another extension claiming our page', () => ({ id: 'abcdefghijklmnop', url: fakeBrowser.runtime.getURL('/') })],
  ['a web page', () => ({ url: 'https://evil.example/', tab: { id: 3 } })],
  ['our id with no page or tab', () => ({ id: fakeBrowser.runtime.id })],
];

const VALID_UNPIN = { kind: 'unpinMessages', chatId: 'CT_1_700012345', messageIds: ['1700000000000_1'] };

interface Background {
  db: PinsDb;
  handlers: Handlers;
  /** Handlers the router let through, by message type. */
  reached: string[];
  kicks: number;
}

async function background(): Promise<Background> {
  const db = await freshDb();
  const clock = { now: () => Date.now() };
  const client = {
    call: async (op: string) => {
      throw new CliqError({ kind: 'auth', operation: op, message: 'no Cliq in this test' });
    },
  };
  const ledger = createBudgetLedger(db, { clock });
  const services: Services = {
    db,
    ledger,
    queue: createPinQueue({ db, client, ledger, clock }),
    sync: createPinSync({ db, client, ledger, clock }),
    stop: () => undefined,
  };
  const bg: Background = { db, handlers: {} as Handlers, reached: [], kicks: 0 };
  const real = createHandlers({
    auth: createAuth(),
    services: async () => services,
    kick: () => {
      bg.kicks += 1;
    },
    restart: async () => undefined,
    menus: createMenus({ services: async () => services, kick: () => undefined }),
  });
  bg.handlers = Object.fromEntries(
    Object.entries(real).map(([type, handler]) => [
      type,
      (data: never, sender: Sender) => {
        bg.reached.push(type);
        return (handler as (d: never, s: Sender) => Promise<unknown>)(data, sender);
      },
    ]),
  ) as Handlers;
  return bg;
}

/** The refusal a person reads: the router's own words or the queue's, never a stack, a dump or an object. */
function refusalOf(reply: unknown): string {
  const outer = reply as { ok: boolean; error?: unknown; data?: { ok?: boolean; error?: unknown } };
  const error = outer.ok ? outer.data?.ok === false && outer.data.error : outer.error;
  if (typeof error !== 'string') throw new Error(`not a refusal: ${JSON.stringify(reply)?.slice(0, 300)}`);
  return error;
}

function expectReadable(text: string, what?: string) {
  expect(text.length, what).toBeGreaterThan(5);
  expect(text.length, what).toBeLessThan(500);
  expect(text, what).not.toMatch(/\n\s+at |\[object |TypeError|Cannot read|^[[{]|"code":/);
}

describe('forged messages to the background', () => {
  let bg: Background;
  beforeEach(async () => {
    bg = await background();
  });

  it('refuses every extension-only message from a content script, without running its handler', async () => {
    expect(EXTENSION_ONLY).toEqual(
      expect.arrayContaining(['getAuthState', 'saveConnection', 'signIn', 'signOut', 'retryIntent']),
    );
    for (const type of EXTENSION_ONLY) {
      const reply = await dispatch(bg.handlers, { type, data: {} }, contentScript());
      expect(reply).toEqual({ ok: false, error: `"${type}" is not allowed from here.` });
    }
    expect(bg.reached).toEqual([]);
  });

  it.each(FOREIGN)('refuses every message from %s, a valid unpin included', async (_, sender) => {
    for (const type of Object.keys(protocol)) {
      const data = type === 'enqueue' ? { intents: [VALID_UNPIN] } : {};
      const reply = await dispatch(bg.handlers, { type, data }, sender());
      expect(reply).toEqual({ ok: false, error: `"${type}" is not allowed from here.` });
    }
    expect(bg.reached).toEqual([]);
    expect(await bg.db.getAll('intents')).toEqual([]);
  });

  it('takes a valid unpin from a content script (the refusals above are not refusing everything)', async () => {
    const reply = await dispatch(bg.handlers, { type: 'enqueue', data: { intents: [VALID_UNPIN] } }, contentScript());
    expect(reply).toMatchObject({ ok: true, data: { ok: true } });
    expect(await bg.db.getAll('intents')).toHaveLength(1);
    expect(bg.kicks).toBe(1);
  });

  it('journals nothing for a malformed intent, and says what is wrong with it', async () => {
    const id = (valid: string) =>
      fc.oneof(
        fc.constantFrom('', 'CT 1', 'CT/1', 'CT?1', 'CT#1', 'CT%31', 'x'.repeat(101), '\\'),
        fc.constantFrom<unknown>(42, null, [], {}, true).map((v) => v as string),
        fc.constant(valid),
      );
    const broken = fc
      .oneof(
        fc.record({ kind: fc.string(), chatId: id('CT_1'), messageIds: fc.constant(['1_1']) }),
        fc.record({
          kind: fc.constant('unpinMessages'),
          chatId: id('CT_1'),
          messageIds: fc.oneof(
            fc.constant([]),
            fc.array(id('1_1'), { minLength: 1, maxLength: 3 }),
            fc.constant(Array.from({ length: 501 }, (_, i) => `1700000000000_${i}`)),
          ),
        }),
        fc.record({
          kind: fc.constantFrom('pinMessage', 'changePinExpiry'),
          chatId: fc.constant('CT_1'),
          messageId: id('1_1'),
          expiry: fc.constantFrom<unknown>(0, -2, 1.5, 'tomorrow', '2026-13-01T00:00:00Z', null, '2026-03-01'),
        }),
        fc.record({
          kind: fc.constantFrom('moveFolder', 'renameFolder', 'deleteFolder', 'changeFolderSymbol'),
          folderId: fc.constantFrom('default', '', 'a/b'),
          title: fc.constant('Work'),
          symbol: fc.constant('⭐'),
        }),
        fc.record({
          kind: fc.constantFrom('createFolder', 'renameFolder'),
          folderId: fc.constant('123'),
          title: fc.constantFrom('', '   ', 'x'.repeat(256)),
        }),
        fc.record({
          kind: fc.constant('replaceFolderChats'),
          folderId: fc.constant('123'),
          chatIds: fc.constantFrom(
            Array.from({ length: 101 }, (_, i) => `CT_${i}`),
            ['CT_1', 'CT 2'],
          ),
        }),
        fc.anything().filter((value) => !(value !== null && typeof value === 'object' && 'kind' in value)),
      )
      .filter((value) => JSON.stringify(value) !== JSON.stringify(VALID_UNPIN));
    const sender = fc.constantFrom(ourPage, contentScript);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constant(VALID_UNPIN), { maxLength: 3 }),
        broken,
        fc.nat(3),
        sender,
        async (valid, bad, at, from) => {
          const intents = [...valid.slice(0, at), bad, ...valid.slice(at)];
          const reply = await dispatch(bg.handlers, { type: 'enqueue', data: { intents } }, from());
          const refusal = refusalOf(reply);
          expectReadable(refusal);
          // Which intent, when there are several: the first broken one.
          if (intents.length > 1) expect(refusal).toMatch(new RegExp(`^intent ${Math.min(at, valid.length) + 1}, `));
        },
      ),
      { numRuns: 300, seed: 20_260_303 },
    );
    expect(await bg.db.getAll('intents')).toEqual([]);
    expect(bg.kicks).toBe(0);
  });

  it('refuses oversized payloads whole, quickly, with a readable reason', async () => {
    const many = (n: number) => Array.from({ length: n }, () => VALID_UNPIN);
    const payloads: [string, unknown][] = [
      ['101 intents', { intents: many(101) }],
      ['no intents', { intents: [] }],
      [
        '100 unpins of 501 ids',
        {
          intents: Array.from({ length: 100 }, () => ({
            ...VALID_UNPIN,
            messageIds: Array.from({ length: 501 }, (_, i) => `1700000000000_${i}`),
          })),
        },
      ],
      ['a 1 MB chat id', { intents: [{ ...VALID_UNPIN, chatId: 'C'.repeat(1_000_000) }] }],
      [
        '100,000 message ids',
        { intents: [{ ...VALID_UNPIN, messageIds: Array.from({ length: 100_000 }, () => '1_1') }] },
      ],
      ['99 good and one bad', { intents: [...many(99), { ...VALID_UNPIN, chatId: '' }] }],
      ['an extra field', { intents: [VALID_UNPIN], priority: 'now' }],
      ['intents that are not a list', { intents: { 0: VALID_UNPIN, length: 1 } }],
    ];
    for (const [what, data] of payloads) {
      // How long a refusal takes is measured by `npm run bench` (refusals), not bounded here.
      const reply = await dispatch(bg.handlers, { type: 'enqueue', data }, contentScript());
      expectReadable(refusalOf(reply), what);
    }
    expect(await bg.db.getAll('intents')).toEqual([]);
    expect(bg.kicks).toBe(0);
  });

  it('does not let a payload reach Object.prototype', async () => {
    const raw = JSON.parse(
      '{"type":"enqueue","data":{"intents":[{"kind":"unpinMessages","chatId":"CT_1_700012345","messageIds":["1700000000000_1"],"__proto__":{"polluted":true}}]}}',
    );
    await dispatch(bg.handlers, raw, contentScript());
    const envelope = JSON.parse('{"type":"enqueue","data":{"intents":[]},"__proto__":{"polluted":true}}');
    expectReadable(refusalOf(await dispatch(bg.handlers, envelope, contentScript())));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const [stored] = await bg.db.getAll('intents');
    expect(stored && Object.getPrototypeOf(stored.intent)).toBe(Object.prototype);
    expect(stored?.intent).not.toHaveProperty('polluted');
  });
});
