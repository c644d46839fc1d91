import { callWithinBudget } from '../budget/call';
import { CliqError, endpointFor, type ResultOf } from '../cliq';
import { epochMs } from '../lists/convert';
import { type ReadDeps, readPinList } from '../lists/read';
import { chatsByActivity, upsertChats } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { PinSweep } from '../store/records';
import { readSettings } from '../store/settings';

/*
 * No Cliq field says which chats have pins, so the sweep lists pins chat by chat within the 20-a-minute
 * budget of GET pin-messages, as a background reader (it leaves part of the budget to user actions). Its
 * to-do list is stored after every chat, so a stopped worker carries on where it was.
 */

const SWEEP_KEY = 'pinSweep';
/**
 * When the user last asked for a refresh. A key of its own, because a sweep that is running saves its record after
 * every chat and would overwrite a mark kept there.
 */
const RESTART_KEY = 'pinSweepRestartAt';
/** Cliq's largest page of the chat list. */
const CHAT_PAGE = 100;

export type SweepResult =
  | { state: 'finished'; at: number }
  | { state: 'waiting'; retryAt: number }
  | { state: 'signInNeeded' };

export interface SweepOptions {
  /** Visited first: the open chat, chats the user just looked at. */
  priorityChatIds?: readonly string[];
  signal?: AbortSignal;
  onChatRead?: (chatId: string) => void;
  /** Told once the sweep has recorded a chat it could not read, so a board read then says so. */
  onChatUnreadable?: (chatId: string) => void;
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

async function saveSweep(db: PinsDb, sweep: PinSweep): Promise<void> {
  await db.put('meta', sweep, SWEEP_KEY);
}

/**
 * The order most likely to matter: chats whose cached pins may be out of date, chats pinned in folders, then the
 * most recently active. (The open chat is put first by the caller.)
 */
async function sweepOrder(db: PinsDb): Promise<string[]> {
  const [lists, folders, byActivity] = await Promise.all([
    db.getAll('pinLists'),
    db.getAll('folders'),
    chatsByActivity(db),
  ]);
  const withPins = lists.filter((list) => list.pins.length > 0).map((list) => list.chatId);
  const inFolders = folders.sort((a, b) => a.position - b.position).flatMap((folder) => folder.chatIds);
  return unique([...withPins, ...inFolders, ...byActivity.map((chat) => chat.chatId)]);
}

const chatRecord = (chat: ResultOf<'listChats'>['chats'][number]) => ({
  chatId: chat.chat_id,
  name: chat.name,
  type: chat.chat_type,
  lastActivityAt: epochMs(chat.last_modified_time) ?? 0,
});

/**
 * Learns every chat, newest activity first, a page at a time (`modified_before` the oldest seen), so the sweep
 * knows them all. A failure or a budget wait only means this sweep knows fewer chats.
 */
async function learnChats(deps: ReadDeps, signal?: AbortSignal): Promise<'ok' | 'signInNeeded'> {
  const seen = new Set<string>();
  let before: number | undefined;
  try {
    for (;;) {
      const page = await callWithinBudget(
        deps,
        'listChats',
        { limit: CHAT_PAGE, ...(before === undefined ? {} : { modifiedBefore: before }) },
        { priority: 'background', signal },
      );
      if (!page.ok) return 'ok';
      const { chats } = page.result;
      const fresh = chats.filter((chat) => !seen.has(chat.chat_id));
      await upsertChats(deps.db, fresh.map(chatRecord));
      for (const chat of fresh) seen.add(chat.chat_id);
      const oldest = Math.min(...chats.map((chat) => epochMs(chat.last_modified_time) ?? Number.POSITIVE_INFINITY));
      if (chats.length < CHAT_PAGE || fresh.length === 0 || !Number.isFinite(oldest)) return 'ok';
      // One past the oldest: chats that share its time are listed again rather than skipped, and `seen` drops them.
      before = oldest + 1;
    }
  } catch (error) {
    if (error instanceof CliqError && error.kind === 'auth') return 'signInNeeded';
  }
  return 'ok';
}

/** Starts a new sweep at the next run, whatever the cached lists' age (the user asked for a refresh). */
export async function restartSweep(db: PinsDb, now: number): Promise<void> {
  await db.put('meta', now, RESTART_KEY);
}

/** Clears the refresh this sweep answers, but not one asked for while it was starting. */
async function clearRestart(db: PinsDb, answered: number): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  if ((await tx.store.get(RESTART_KEY)) === answered) await tx.store.delete(RESTART_KEY);
  await tx.done;
}

/** Whether the sweep passes over this chat: read recently, and not before a refresh the user asked for. */
async function isFresh(db: PinsDb, sweep: PinSweep, chatId: string, now: number, maxAgeMs: number) {
  const cached = await db.get('pinLists', chatId);
  return (
    cached !== undefined &&
    now - cached.fetchedAt < maxAgeMs &&
    cached.fetchedAt > (sweep.staleBefore ?? Number.NEGATIVE_INFINITY)
  );
}

/** Named chats go first; those not already waiting are added to the total only if this sweep will read them. */
async function putFirst(db: PinsDb, sweep: PinSweep, named: readonly string[], now: number, maxAgeMs: number) {
  const known = new Set(sweep.pending);
  let added = 0;
  if (sweep.finishedAt === undefined) {
    for (const chatId of unique(named)) {
      // Already read by this sweep or just now by the user: passed over at once, so not a chat still to read.
      if (!known.has(chatId) && !(await isFresh(db, sweep, chatId, now, maxAgeMs))) added += 1;
    }
  }
  return { ...sweep, pending: unique([...named, ...sweep.pending]), total: (sweep.total ?? known.size) + added };
}

export async function sweepPins(deps: ReadDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const { db, clock } = deps;
  const { pinListMaxAgeMs } = await readSettings(db);
  const named = options.priorityChatIds ?? [];
  let sweep = (await db.get('meta', SWEEP_KEY)) as PinSweep | undefined;
  const restartAt = (await db.get('meta', RESTART_KEY)) as number | undefined;
  const due =
    !sweep ||
    restartAt !== undefined ||
    (sweep.finishedAt !== undefined && clock.now() - sweep.finishedAt >= pinListMaxAgeMs);
  if (due) {
    if ((await learnChats(deps, options.signal)) === 'signInNeeded') return { state: 'signInNeeded' };
    if (restartAt !== undefined) await clearRestart(db, restartAt);
    const pending = await sweepOrder(db);
    const completedAt = sweep?.completedAt;
    sweep = {
      startedAt: clock.now(),
      pending,
      total: pending.length,
      ...(completedAt && { completedAt }),
      ...(restartAt !== undefined && { staleBefore: restartAt }),
    };
  }
  if (!sweep) throw new Error('unreachable: a sweep was just started');
  sweep = await putFirst(db, sweep, named, clock.now(), pinListMaxAgeMs);
  while (sweep.pending.length > 0) {
    const chatId = sweep.pending[0] as string;
    let unreadable = false;
    if (!(await isFresh(db, sweep, chatId, clock.now(), pinListMaxAgeMs))) {
      try {
        const read = await readPinList(deps, chatId, { priority: 'background', signal: options.signal });
        if (!read.ok) {
          await saveSweep(db, sweep);
          return { state: 'waiting', retryAt: read.retryAt };
        }
        options.onChatRead?.(chatId);
      } catch (error) {
        const kind = error instanceof CliqError ? error.kind : 'transient';
        if (kind === 'auth') {
          await saveSweep(db, sweep);
          return { state: 'signInNeeded' };
        }
        // A lost answer or a lock: this chat is tried again on the next run.
        if (kind === 'transient' || kind === 'rateLimited') {
          await saveSweep(db, sweep);
          const retryAt =
            kind === 'rateLimited'
              ? await deps.ledger.nextSlotAt(endpointFor('listPinnedMessages').budget, 'background')
              : clock.now() + deps.ledger.minuteMs / 4;
          return { state: 'waiting', retryAt };
        }
        // Not readable (left the chat, no access) or unreadable data: skip it, keeping the cache as it was. Data
        // that did not parse is counted, so the popup does not say every chat was read.
        unreadable = kind === 'malformed';
        if (unreadable) sweep = { ...sweep, unreadable: unique([...(sweep.unreadable ?? []), chatId]) };
      }
    }
    sweep = { ...sweep, pending: sweep.pending.slice(1) };
    await saveSweep(db, sweep);
    if (unreadable) options.onChatUnreadable?.(chatId);
  }
  const finishedAt = sweep.finishedAt ?? clock.now();
  const finished = { ...sweep, finishedAt, completedAt: Math.max(finishedAt, sweep.completedAt ?? finishedAt) };
  await saveSweep(db, finished);
  return { state: 'finished', at: finished.finishedAt };
}
