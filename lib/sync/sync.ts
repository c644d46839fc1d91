import type { CliqCaller } from '../budget/call';
import type { BudgetLedger, Clock } from '../budget/ledger';
import { CliqError, type CliqErrorJSON } from '../cliq';
import { type ReadResult, readFolderList, readPinList } from '../lists/read';
import { getFolderList, upsertChats } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { ChatRecord } from '../store/records';
import { readSettings } from '../store/settings';
import { restartSweep, sweepPins } from './sweep';

export interface SyncOptions {
  db: PinsDb;
  client: CliqCaller;
  /** The queue's ledger: reads and writes on a budget are counted together. */
  ledger: BudgetLedger;
  clock: Clock;
  /** Lists whose cached state changed: `pins:<chatId>`, `folders`. */
  onChange?: (lists: string[]) => void;
}

/** Not read: wait for a budget slot (or after a failure) until `retryAt`; `error` is Cliq's answer, if any. */
type RefreshResult = { ok: true } | { ok: false; retryAt: number; error?: CliqErrorJSON };

export interface PinSync {
  /**
   * Stale-while-revalidate: reads the folder list when it is older than the setting, then sweeps chats'
   * pins (`priorityChatIds` first) as a background reader, until done or the budget asks to wait.
   * Concurrent calls join. Never throws for Cliq errors: `nextWakeAt()` and `signInNeeded()` tell the rest.
   */
  run(options?: { priorityChatIds?: readonly string[] }): Promise<void>;
  /** The chat open in the page, read now as a user action (it may use the whole budget). */
  refreshChat(chatId: string): Promise<RefreshResult>;
  refreshFolders(): Promise<RefreshResult>;
  /** Everything again, as the user asked: the folder list now, then a new sweep of every chat's pins. */
  refreshAll(): Promise<RefreshResult>;
  /** Chats seen in the page, so the sweep knows them before Cliq lists them. */
  noteChats(chats: readonly (Partial<ChatRecord> & { chatId: string })[]): Promise<void>;
  /** When `run()` has work again; null when it needs nothing before the next sign-in or alarm. */
  nextWakeAt(): number | null;
  /** The last run stopped because Cliq asked for a sign-in. */
  signInNeeded(): boolean;
  stop(): void;
}

export function createPinSync(options: SyncOptions): PinSync {
  const { db, clock } = options;
  const lifetime = new AbortController();
  const deps = { db, client: options.client, ledger: options.ledger, clock };
  const changed = (lists: string[]) => options.onChange?.(lists);
  let running: Promise<void> | undefined;
  let wakeAt: number | null = null;
  let needsSignIn = false;

  /** Cliq errors become state; anything else is a bug and is thrown. */
  async function guarded(read: () => Promise<ReadResult>, list: string): Promise<RefreshResult> {
    try {
      const result = await read();
      if (result.ok) changed([list]);
      return result;
    } catch (error) {
      if (!(error instanceof CliqError)) throw error;
      if (error.kind === 'auth') needsSignIn = true;
      return { ok: false, retryAt: clock.now() + options.ledger.minuteMs / 4, error: error.toJSON() };
    }
  }

  async function once(priorityChatIds: readonly string[]): Promise<void> {
    needsSignIn = false;
    const settings = await readSettings(db);
    const folders = await getFolderList(db);
    let next = Number.POSITIVE_INFINITY;
    if (!folders || clock.now() - folders.fetchedAt >= settings.folderMaxAgeMs) {
      const read = await guarded(
        () => readFolderList(deps, { priority: 'background', signal: lifetime.signal }),
        'folders',
      );
      if (!read.ok) next = read.retryAt;
      else next = clock.now() + settings.folderMaxAgeMs;
    } else next = folders.fetchedAt + settings.folderMaxAgeMs;
    if (needsSignIn) {
      wakeAt = null;
      return;
    }
    const sweep = await sweepPins(deps, {
      priorityChatIds,
      signal: lifetime.signal,
      onChatRead: (chatId) => changed([`pins:${chatId}`]),
      onChatUnreadable: (chatId) => changed([`pins:${chatId}`]),
    });
    if (sweep.state === 'signInNeeded') {
      needsSignIn = true;
      wakeAt = null;
      return;
    }
    const sweepAgain = sweep.state === 'waiting' ? sweep.retryAt : sweep.at + settings.pinListMaxAgeMs;
    wakeAt = Math.min(next, sweepAgain);
  }

  return {
    run(runOptions = {}) {
      if (!running) {
        running = once(runOptions.priorityChatIds ?? []).finally(() => {
          running = undefined;
        });
      }
      return running;
    },
    refreshChat: (chatId) =>
      guarded(() => readPinList(deps, chatId, { priority: 'user', signal: lifetime.signal }), `pins:${chatId}`),
    refreshFolders: () => guarded(() => readFolderList(deps, { priority: 'user', signal: lifetime.signal }), 'folders'),
    async refreshAll() {
      await restartSweep(db, clock.now());
      return guarded(() => readFolderList(deps, { priority: 'user', signal: lifetime.signal }), 'folders');
    },
    noteChats: (chats) => upsertChats(db, chats),
    nextWakeAt: () => wakeAt,
    signInNeeded: () => needsSignIn,
    stop: () => lifetime.abort(),
  };
}
