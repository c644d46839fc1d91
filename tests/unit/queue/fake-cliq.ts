import type { CliqCaller } from '../../../lib/budget/call';
import { CliqError, type CliqErrorKind, endpointFor, type OperationName } from '../../../lib/cliq';

/**
 * Cliq's pin and folder rules in memory, at the level of `client.call`, on a manual clock: enough to drive
 * the queue through its decisions without a network. Params are checked against the real endpoint table,
 * so a request the table would refuse (an empty or 26-id unpin) fails the test.
 */

export class ManualClock {
  constructor(public time = 1_700_000_000_000) {}
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
}

/** Virtual sleep: time jumps instead of passing. */
export const virtualSleep = (clock: ManualClock) => async (ms: number) => {
  clock.advance(ms);
};

interface FakePin {
  id: string;
  expiry: number;
  createdAt: number;
}

interface FakeFolder {
  id: string;
  title?: string;
  symbol?: string;
  state: 'expanded' | 'collapsed';
  chatIds: string[];
}

/** A scripted answer for the next call of an operation. */
export type Script =
  | { fail: CliqErrorKind; code?: string; applied?: boolean }
  /** Never answers (the worker "dies" mid-request); applies the write first when `applied`. */
  | { hang: true; applied?: boolean }
  /** Something else changes the list just before this call arrives. */
  | { before: () => void };

export interface Call {
  op: OperationName;
  params: unknown;
  at: number;
}

interface FakePinList {
  entries: FakePin[];
  modifiedAt: number;
  /** Which message changed at which sequence number, for `sync_token` deltas. */
  log: { seq: number; id: string }[];
}

/** Like Cliq's default page size; larger `limit`s are capped so paging is exercised. */
const PAGE_CAP = 20;

export class FakeCliq implements CliqCaller {
  readonly pins = new Map<string, FakePinList>();
  /** What `listChats` answers. */
  recentChats: { chat_id: string; name?: string; last_modified_time?: string }[] = [];
  private seq = 0;
  folders: FakeFolder[] = [{ id: 'default', state: 'expanded', chatIds: [] }];
  foldersModifiedAt = 0;
  readonly calls: Call[] = [];
  private readonly scripts = new Map<OperationName, Script[]>();
  private folderCounter = 100;

  constructor(readonly clock: ManualClock) {}

  script(op: OperationName, ...answers: Script[]): void {
    this.scripts.set(op, [...(this.scripts.get(op) ?? []), ...answers]);
  }

  seedPins(chatId: string, ids: readonly string[], expiry = -1): void {
    this.pins.set(chatId, {
      entries: ids.map((id, i) => ({ id, expiry, createdAt: this.clock.now() - i })),
      modifiedAt: this.clock.now() - 1,
      log: [],
    });
  }

  pinIds(chatId: string): string[] {
    return (this.pins.get(chatId)?.entries ?? []).map((p) => p.id);
  }

  callsOf(op: OperationName): Call[] {
    return this.calls.filter((c) => c.op === op);
  }

  call = (async (op: OperationName, params: unknown) => {
    const parsed = endpointFor(op).params.parse(params);
    this.calls.push({ op, params: parsed, at: this.clock.now() });
    const script = this.scripts.get(op)?.shift();
    if (script && 'before' in script) script.before();
    if (script && 'hang' in script) {
      if (script.applied) this.apply(op, parsed);
      return new Promise(() => {});
    }
    if (script && 'fail' in script) {
      if (script.applied) this.apply(op, parsed);
      throw new CliqError({ kind: script.fail, operation: op, message: `scripted ${script.fail}`, code: script.code });
    }
    return this.apply(op, parsed);
  }) as CliqCaller['call'];

  private list(chatId: string) {
    let list = this.pins.get(chatId);
    if (!list) {
      list = { entries: [], modifiedAt: 0, log: [] };
      this.pins.set(chatId, list);
    }
    return list;
  }

  /** Another client changed these pins (and, when the primary changed, both primaries). */
  touch(list: FakePinList, ids: readonly string[], primaryBefore?: string): void {
    const primaryAfter = list.entries[0]?.id;
    const changed = primaryBefore === primaryAfter ? ids : [...ids, primaryBefore, primaryAfter];
    for (const id of changed) if (id !== undefined) list.log.push({ seq: ++this.seq, id });
    list.modifiedAt = this.clock.now();
  }

  private listPins(p: { chatId: string; limit?: number; nextToken?: string; syncToken?: string }) {
    const list = this.list(p.chatId);
    const [offset, since] = p.nextToken
      ? p.nextToken.split(':').slice(1).map(Number)
      : [0, p.syncToken ? Number(p.syncToken.slice(2)) : -1];
    let data = list.entries.map((pin, i) => this.pinView(pin, i === 0));
    let unpinnedIds: string[] = [];
    if (since !== undefined && since >= 0) {
      const changed = new Set(list.log.filter((e) => e.seq > since).map((e) => e.id));
      data = data.filter((view) => changed.has(view.id));
      unpinnedIds = [...changed].filter((id) => !list.entries.some((e) => e.id === id));
    }
    const start = offset ?? 0;
    const end = start + Math.min(p.limit ?? PAGE_CAP, PAGE_CAP);
    return {
      data: data.slice(start, end),
      unpinnedIds: start === 0 ? unpinnedIds : [],
      sync_token: `s:${this.seq}`,
      ...(end < data.length ? { next_token: `n:${end}:${since}` } : {}),
      view: { lastSyncTime: this.clock.now() },
    };
  }

  private refuse(op: string, kind: CliqErrorKind, message: string, code?: string): never {
    throw new CliqError({ kind, operation: op, message, code });
  }

  private pinView(pin: FakePin, primary: boolean) {
    return {
      id: pin.id,
      content: { text: `text of ${pin.id}` },
      pin_information: {
        expiry_time: pin.expiry === -1 ? (-1 as const) : new Date(pin.expiry).toISOString(),
        is_primary: primary,
        created_time: new Date(pin.createdAt).toISOString(),
      },
    };
  }

  private checkSynced(op: string, lastSyncTime: number, modifiedAt: number): void {
    if (lastSyncTime < modifiedAt) this.refuse(op, 'conflict', 'stale', 'client_not_synced');
  }

  // biome-ignore lint/suspicious/noExplicitAny: each branch reads the params of its own operation
  private apply(op: OperationName, p: any): unknown {
    const now = this.clock.now();
    const view = { lastSyncTime: now };
    const touchFolders = () => {
      this.foldersModifiedAt = now;
    };
    const folder = (id: string) =>
      this.folders.find((f) => f.id === id) ?? this.refuse(op, 'invalid', `no folder ${id}`, 'operation_failed');
    switch (op) {
      case 'listPinnedMessages':
        return this.listPins(p);
      case 'listChats':
        return { chats: this.recentChats };
      case 'pinMessage': {
        const list = this.list(p.chatId);
        const expiry = p.expiryTime === -1 ? -1 : Number(p.expiryTime);
        const primaryBefore = list.entries[0]?.id;
        let pin = list.entries.find((e) => e.id === p.messageId);
        if (pin) pin.expiry = expiry;
        else {
          if (list.entries.length >= 25) this.refuse(op, 'invalid', 'a chat holds at most 25 pins', 'operation_failed');
          pin = { id: p.messageId, expiry, createdAt: now };
          if (p.primary || list.entries.length === 0) list.entries.unshift(pin);
          else list.entries.splice(1, 0, pin);
        }
        this.touch(list, [pin.id], primaryBefore);
        return { data: this.pinView(pin, list.entries[0] === pin) };
      }
      case 'reorderPinnedMessage': {
        const list = this.list(p.chatId);
        this.checkSynced(op, p.basedOn.lastSyncTime, list.modifiedAt);
        const pin =
          list.entries.find((e) => e.id === p.messageId) ??
          this.refuse(op, 'invalid', 'not pinned', 'operation_failed');
        const primaryBefore = list.entries[0]?.id;
        const rest = list.entries.filter((e) => e !== pin);
        rest.splice(p.pinAbove === undefined ? rest.length : rest.findIndex((e) => e.id === p.pinAbove), 0, pin);
        list.entries = rest;
        this.touch(list, [pin.id], primaryBefore);
        return undefined;
      }
      case 'unpinMessages': {
        const list = this.list(p.chatId);
        const missing = p.messageIds.filter((id: string) => !list.entries.some((e) => e.id === id));
        if (missing.length > 0) this.refuse(op, 'invalid', `Not pinned: ${missing.join(', ')}`, 'operation_failed');
        const primaryBefore = list.entries[0]?.id;
        list.entries = list.entries.filter((e) => !p.messageIds.includes(e.id));
        this.touch(list, p.messageIds, primaryBefore);
        return undefined;
      }
      case 'listFolders':
        return {
          data: this.folders.map((f) => ({
            category_id: f.id,
            ...(f.id === 'default' ? {} : { title: f.title, symbol: f.symbol, state: f.state }),
            chats: f.chatIds.map((chat_id) => ({ chat_id, name: `chat ${chat_id}` })),
          })),
          view,
        };
      case 'createFolder': {
        const created: FakeFolder = {
          id: String(++this.folderCounter),
          title: p.title,
          symbol: p.symbol,
          state: 'expanded',
          chatIds: p.chatIds ?? [],
        };
        this.folders.push(created);
        touchFolders();
        return {
          data: { category_id: created.id, title: created.title, symbol: created.symbol, state: created.state },
        };
      }
      case 'replaceFolderChats':
        this.checkSynced(op, p.basedOn.lastSyncTime, this.foldersModifiedAt);
        folder(p.categoryId).chatIds = [...p.chatIds];
        touchFolders();
        return undefined;
      case 'reorderChatInFolder': {
        this.checkSynced(op, p.basedOn.lastSyncTime, this.foldersModifiedAt);
        const f = folder(p.categoryId);
        const rest = f.chatIds.filter((id) => id !== p.chatId);
        rest.splice(p.pinAbove === undefined ? rest.length : rest.indexOf(p.pinAbove), 0, p.chatId);
        f.chatIds = rest;
        touchFolders();
        return undefined;
      }
      case 'removeChatsFromAllFolders':
        for (const f of this.folders) f.chatIds = f.chatIds.filter((id) => !p.chatIds.includes(id));
        touchFolders();
        return undefined;
      case 'pinChat': {
        const f = folder(p.categoryId ?? 'default');
        if (!f.chatIds.includes(p.chatId)) f.chatIds.push(p.chatId);
        touchFolders();
        return { data: { chat_id: p.chatId, category_id: f.id } };
      }
      case 'deleteFolder':
        folder(p.categoryId);
        this.folders = this.folders.filter((f) => f.id !== p.categoryId);
        touchFolders();
        return undefined;
      default:
        throw new Error(`the fake does not implement ${op}`);
    }
  }
}
