import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBudgetLedger } from '../../../lib/budget/ledger';
import { type CliqClient, CliqError, createCliqClient } from '../../../lib/cliq';
import { formatPath } from '../../../lib/cliq/issues';
import { readPinList } from '../../../lib/lists/read';
import type { PinsDb } from '../../../lib/store/db';
import { createPinSync, type PinSync } from '../../../lib/sync/sync';
import { type Sandbox, startSandbox } from '../../sandbox';
import { freshDb, startCliq } from '../../unit/queue/harness';
import { ManualClock, type SandboxCliq } from '../../unit/queue/sandbox-cliq';
import { loadSeed, MINUTE_MS, realClock, seedChats, startWorker } from '../queue/setup';

/*
 * Issue 8, hostile data: every answer the sync reads (a chat's pins, the folder list, the recent chats)
 * arrives broken in a generated way. Each must be refused as `malformed`, naming the field that broke, and
 * must leave IndexedDB exactly as it was.
 */

type Path = (string | number)[];
type Served = { json: unknown } | { text: string };

const CHAT = 'CT_1_700012345';
const iso = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const id = fc.stringMatching(/^[0-9]{13}_[0-9]{6,12}$/);
const name = fc.string({ maxLength: 30 });
const person = fc.record({ id: fc.stringMatching(/^[0-9]{6,9}$/), name }, { requiredKeys: ['name'] });

const pinnedMessage = fc.record(
  {
    id,
    type: fc.constant('text'),
    content: fc.record({ text: fc.string({ maxLength: 80 }) }),
    sender: person,
    time: iso,
    is_pinned: fc.constant(true),
    pin_information: fc.record(
      {
        expiry_time: fc.oneof(fc.constant(-1 as const), iso),
        is_primary: fc.boolean(),
        creator: person,
        created_time: iso,
      },
      { requiredKeys: ['expiry_time', 'is_primary'] },
    ),
  },
  { requiredKeys: ['id', 'pin_information'] },
);
const pinPage = fc.record(
  { sync_token: fc.base64String({ minLength: 4, maxLength: 40 }), data: fc.array(pinnedMessage, { maxLength: 5 }) },
  { requiredKeys: ['data'] },
);

const pinnedChat = fc.record(
  {
    chat_id: id.map((s) => `CT_${s}`),
    chat_type: fc.constantFrom('chat', 'dm', 'channel'),
    name,
    participant_count: fc.nat(500),
    last_message_info: fc.record({ id, time: iso, content: fc.record({ text: name }) }),
  },
  { requiredKeys: ['chat_id'] },
);
const folderPage = fc.record({
  data: fc
    .tuple(
      fc.array(pinnedChat, { maxLength: 3 }),
      fc.array(
        fc.record(
          {
            category_id: fc.stringMatching(/^[0-9]{3,8}$/),
            title: name,
            symbol: fc.constantFrom('', '🔥', '⭐'),
            state: fc.constantFrom('expanded', 'collapsed'),
            chats: fc.array(pinnedChat, { maxLength: 3 }),
          },
          { requiredKeys: ['category_id'] },
        ),
        { maxLength: 4 },
      ),
    )
    .map(([myPins, folders]) => [{ category_id: 'default', chats: myPins }, ...folders]),
});

const chatPage = fc.record({
  chats: fc.array(
    fc.record(
      {
        chat_id: id.map((s) => `CT_${s}`),
        name,
        chat_type: fc.constantFrom('chat', 'dm', 'channel', 'bot'),
        participant_count: fc.nat(500),
        last_modified_time: iso,
        pinned: fc.boolean(),
        removed: fc.boolean(),
        last_message_info: fc.record({ time: iso }),
      },
      { requiredKeys: ['chat_id'] },
    ),
    { minLength: 1, maxLength: 5 },
  ),
});

/** Where an answer can break, as path patterns (`[]` = any index): required fields and fields of a union type. */
interface Shape {
  required: string[];
  /** Values the schema accepts besides the field's generated type (so they are not used to break it). */
  alsoAccepts?: Record<string, (value: unknown) => boolean>;
  /** Objects whose contents the extension does not read and the schema leaves open. */
  opaque?: string[];
}

const PIN_SHAPE: Shape = {
  required: [
    'data[].id',
    'data[].pin_information',
    'data[].pin_information.expiry_time',
    'data[].pin_information.is_primary',
  ],
  alsoAccepts: { 'data[].pin_information.expiry_time': (v) => v === -1 || typeof v === 'string' },
};
const FOLDER_SHAPE: Shape = {
  required: ['data', 'data[].category_id', 'data[].chats[].chat_id'],
  alsoAccepts: { 'data[].state': (v) => v === 'expanded' || v === 'collapsed' },
};
const CHAT_SHAPE: Shape = { required: ['chats[].chat_id'], opaque: ['chats[].last_message_info'] };

const pattern = (path: Path) =>
  path
    .map((key) => (typeof key === 'number' ? '[]' : `.${key}`))
    .join('')
    .slice(1);

function fieldsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...path, key], ...fieldsOf(child, [...path, key])]);
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((here, key) => (here as Record<string | number, unknown>)[key], root);
}

/** Values of another type than the field's; none of them is accepted where that type is expected. */
function wrongValuesFor(value: unknown): unknown[] {
  if (Array.isArray(value)) return [{}, 'list', 3, null];
  if (value === null) return ['null', 0];
  switch (typeof value) {
    case 'string':
      return [42, true, null, {}, []];
    case 'number':
      return ['7', true, null, {}];
    case 'boolean':
      return ['true', 1, null];
    default:
      return ['object', 1, null, []];
  }
}

interface Breakage {
  served: Served;
  /** The field the refusal should name; undefined when the answer is not JSON at all. */
  field?: string;
}

/** One broken answer made from a valid one: a required field removed, a field retyped, or the JSON cut short. */
function breakageOf(valid: fc.Arbitrary<unknown>, shape: Shape): fc.Arbitrary<Breakage> {
  return valid.chain((body) => {
    const fields = fieldsOf(body);
    const clone = () => structuredClone(body) as Record<string | number, unknown>;
    const removable = fields.filter((path) => shape.required.includes(pattern(path)));
    const inOpaque = (path: Path) => shape.opaque?.some((prefix) => pattern(path).startsWith(`${prefix}.`)) ?? false;
    const retyped = fields.flatMap((path) => {
      if (inOpaque(path)) return [];
      const accepts = shape.alsoAccepts?.[pattern(path)];
      return wrongValuesFor(at(body, path))
        .filter((wrong) => !accepts?.(wrong))
        .map((wrong) => ({ path, wrong }));
    });
    const json = JSON.stringify(body);
    const options: fc.Arbitrary<Breakage>[] = [
      fc
        .constantFrom<unknown>([], 'data', 7, null)
        .map((wrong) => ({ served: { json: wrong }, field: formatPath([]) })),
      fc.integer({ min: 1, max: json.length - 1 }).map((cut) => ({ served: { text: json.slice(0, cut) } })),
      fc.constantFrom('<html>', ']', '}{').map((garbage) => ({ served: { text: json + garbage } })),
    ];
    if (removable.length > 0) {
      options.push(
        fc.constantFrom(...removable).map((path) => {
          const broken = clone();
          const parent = at(broken, path.slice(0, -1)) as Record<string | number, unknown>;
          delete parent[path.at(-1) as string | number];
          return { served: { json: broken }, field: formatPath(path) };
        }),
      );
    }
    if (retyped.length > 0) {
      options.push(
        fc.constantFrom(...retyped).map(({ path, wrong }) => {
          const broken = clone();
          (at(broken, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1) as string | number] = wrong;
          return { served: { json: broken }, field: formatPath(path) };
        }),
      );
    }
    return fc.oneof(...options);
  });
}

interface Rig {
  db: PinsDb;
  sync: PinSync;
  cliq: SandboxCliq;
  /** Lets the sandbox's rate windows pass while the extension's clock stands still. */
  nextMinute(): void;
  serve: { pins(body: Served): void; folders(body: Served): void; chats(body: Served): void };
  /** Refusals the client threw, including those the sweep swallows. */
  refusals: CliqError[];
}

const text = (served: Served) => ('text' in served ? served.text : JSON.stringify(served.json));

/**
 * The sync against the sandbox, on a clock that only the test moves, with the answers of the three reads replaced
 * by what the test serves (after the sandbox's own checks of token, route and rate limit).
 */
async function rig(): Promise<Rig> {
  const clock = new ManualClock();
  const db = await freshDb();
  let ahead = 0;
  const cliq = await startCliq(clock, () => clock.now() + ahead);
  cliq.chat(CHAT);
  const { sandbox } = cliq;
  const serve: Rig['serve'] = {
    pins: (body) => sandbox.serve('GET', '/v3/chats/{CHAT_ID}/pin-messages', text(body)),
    folders: (body) => sandbox.serve('GET', '/v3/pin-categories', text(body)),
    chats: (body) => sandbox.serve('GET', '/v3/chats', text(body)),
  };
  serve.pins({ json: { data: [] } });
  serve.folders({ json: { data: [{ category_id: 'default' }] } });
  serve.chats({ json: { chats: [] } });
  const inner = createCliqClient({ apiBase: () => sandbox.url, getToken: async () => sandbox.token, now: clock.now });
  const refusals: CliqError[] = [];
  const client: CliqClient = {
    call: (async (op: Parameters<CliqClient['call']>[0], params: never, options) => {
      try {
        return await inner.call(op, params, options);
      } catch (error) {
        if (error instanceof CliqError) refusals.push(error);
        throw error;
      }
    }) as CliqClient['call'],
  };
  const ledger = createBudgetLedger(db, { clock, minuteMs: 60_000 });
  const nextMinute = () => {
    ahead += 60_000;
  };
  return { db, sync: createPinSync({ db, client, ledger, clock }), cliq, nextMinute, serve, refusals };
}

/** Everything the extension keeps, except the rate ledger (a refused answer still used a request) and the sweep's to-do list. */
async function contents(db: PinsDb) {
  const keys = (await db.getAllKeys('meta')).filter((key) => key !== 'pinSweep');
  return {
    chats: await db.getAll('chats'),
    pinLists: await db.getAll('pinLists'),
    folders: await db.getAll('folders'),
    intents: await db.getAll('intents'),
    budgetLocks: await db.getAll('budgetLocks'),
    meta: await Promise.all(keys.map(async (key) => [key, await db.get('meta', key)])),
  };
}

/** Each run starts with a free budget, here and in the sandbox: the rate limits are not what is under test. */
async function freeBudgets({ db, nextMinute }: { db: PinsDb; nextMinute(): void }) {
  await db.clear('ledger');
  nextMinute();
}

function expectRefusal(refusal: { kind?: string; field?: string; message?: string } | undefined, broken: Breakage) {
  expect(refusal?.kind).toBe('malformed');
  if (broken.field === undefined) {
    expect(refusal?.message).toContain('not JSON');
    return;
  }
  expect(refusal?.field).toBe(broken.field);
  expect(refusal?.message).toContain(broken.field);
}

const RUNS = { numRuns: 150, seed: 20_260_302 };

describe('broken answers from Cliq', () => {
  it('a chat’s pins: refused as malformed, naming the field, with the cache untouched', async () => {
    const r = await rig();
    const { db, sync, serve } = r;
    serve.pins({ json: { sync_token: 'c3luYw==', data: [] } });
    await fc.assert(
      fc.asyncProperty(pinPage, breakageOf(pinPage, PIN_SHAPE), async (valid, broken) => {
        await freeBudgets(r);
        serve.pins({ json: valid });
        expect(await sync.refreshChat(CHAT)).toEqual({ ok: true });
        const before = await contents(db);
        serve.pins(broken.served);
        const result = await sync.refreshChat(CHAT);
        expect(result.ok).toBe(false);
        expectRefusal(result.ok ? undefined : result.error, broken);
        expect(await contents(db)).toEqual(before);
      }),
      RUNS,
    );
  });

  it('the folder list: refused as malformed, naming the field, with the cache untouched', async () => {
    const r = await rig();
    const { db, sync, serve } = r;
    await fc.assert(
      fc.asyncProperty(folderPage, breakageOf(folderPage, FOLDER_SHAPE), async (valid, broken) => {
        await freeBudgets(r);
        serve.folders({ json: valid });
        expect(await sync.refreshFolders()).toEqual({ ok: true });
        const before = await contents(db);
        serve.folders(broken.served);
        const result = await sync.refreshFolders();
        expect(result.ok).toBe(false);
        expectRefusal(result.ok ? undefined : result.error, broken);
        expect(await contents(db)).toEqual(before);
      }),
      RUNS,
    );
  });

  it('the recent chats the sweep starts from: refused as malformed, naming the field, with the cache untouched', async () => {
    const r = await rig();
    const { db, sync, serve, refusals } = r;
    const page = fc.sample(chatPage, { numRuns: 1, seed: 1 })[0];
    // The chats the page names exist in the sandbox, so their pins read cleanly.
    for (const chat of page?.chats ?? []) r.cliq.chat(chat.chat_id);
    serve.chats({ json: page });
    await sync.run();
    // The folder list and every known chat's pins are fresh: a new sweep's only read is the list of recent chats.
    await fc.assert(
      fc.asyncProperty(breakageOf(chatPage, CHAT_SHAPE), async (broken) => {
        await freeBudgets(r);
        await db.delete('meta', 'pinSweep');
        const before = await contents(db);
        refusals.length = 0;
        serve.chats(broken.served);
        await sync.run();
        expect(refusals.map((r) => r.operation)).toEqual(['listChats']);
        expectRefusal(refusals[0], broken);
        expect(await contents(db)).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe('the sandbox’s own corruption', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ minuteMs: MINUTE_MS, seed: 'empty' });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('either refuses a corrupted listing and keeps the cache, or reads the true pins', async () => {
    const { seed, chats } = seedChats(1, 10, 6);
    await loadSeed(sandbox, seed);
    const [chat] = chats;
    if (!chat) throw new Error('seeded');
    const worker = await startWorker(sandbox, `resilience-hostile-${Date.now()}`);
    const deps = {
      ...worker,
      clock: realClock,
      client: createCliqClient({ apiBase: () => sandbox.url, getToken: async () => sandbox.productToken }),
    };
    // A complete listing, as the queue reads before a write: every pin in it is open to corruption.
    const listing = async () => {
      for (;;) {
        const read = await readPinList(deps, chat.chatId, { priority: 'user', full: true });
        if (read.ok) return read;
        await new Promise((resolve) => setTimeout(resolve, read.retryAt - Date.now()));
      }
    };
    await listing();
    const truth = chat.messageIds.slice(0, 6);
    let refused = 0;
    for (const [i, fault] of ['schema=1', 'malformed=1'].flatMap((f) => Array.from({ length: 8 }, () => f)).entries()) {
      const before = await contents(worker.db);
      sandbox.setFaults(`${fault},seed=${i + 1}`);
      const outcome = await listing().then(
        () => undefined,
        (error: unknown) => error,
      );
      sandbox.setFaults(null);
      if (outcome === undefined) {
        expect((await worker.db.get('pinLists', chat.chatId))?.pins.map((p) => p.messageId)).toEqual(truth);
        continue;
      }
      refused += 1;
      expect(outcome).toMatchObject({ name: 'CliqError', kind: 'malformed' });
      expect(await contents(worker.db)).toEqual(before);
    }
    expect(refused).toBeGreaterThanOrEqual(14);
  });
});
