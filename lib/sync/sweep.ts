import { callWithinBudget } from '../budget/call';
import { CliqError, endpointFor } from '../cliq';
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
/** Recently active chats asked for when a sweep starts (one request). */
const RECENT_CHATS = 100;

export type SweepResult =
  | { state: 'finished'; at: number }
  | { state: 'waiting'; retryAt: number }
  | { state: 'signInNeeded' };

export interface SweepOptions {
  /** Visited first: the open chat, chats the user just looked at. */
  priorityChatIds?: readonly string[];
  signal?: AbortSignal;
  onChatRead?: (chatId: string) => void;
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

async function saveSweep(db: PinsDb, sweep: PinSweep): Promise<void> {
  await db.put('meta', sweep, SWEEP_KEY);
}

/** Chats whose cached pins may be out of date first, then the most recently active. */
async function sweepOrder(db: PinsDb): Promise<string[]> {
  const lists = await db.getAll('pinLists');
  const withPins = lists.filter((list) => list.pins.length > 0).map((list) => list.chatId);
  const active = (await chatsByActivity(db)).map((chat) => chat.chatId);
  return unique([...withPins, ...active]);
}

/** Learns recently active chats so the sweep knows them; a failure only means a shorter sweep. */
async function learnRecentChats(deps: ReadDeps, signal?: AbortSignal): Promise<'ok' | 'signInNeeded'> {
  try {
    const answer = await callWithinBudget(
      deps,
      'listChats',
      { limit: RECENT_CHATS },
      { priority: 'background', signal },
    );
    if (answer.ok) {
      await upsertChats(
        deps.db,
        answer.result.chats.map((chat) => ({
          chatId: chat.chat_id,
          name: chat.name,
          type: chat.chat_type,
          lastActivityAt: epochMs(chat.last_modified_time) ?? 0,
        })),
      );
    }
  } catch (error) {
    if (error instanceof CliqError && error.kind === 'auth') return 'signInNeeded';
  }
  return 'ok';
}

export async function sweepPins(deps: ReadDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const { db, clock } = deps;
  const { pinListMaxAgeMs } = await readSettings(db);
  const named = options.priorityChatIds ?? [];
  let sweep = (await db.get('meta', SWEEP_KEY)) as PinSweep | undefined;
  const due = !sweep || (sweep.finishedAt !== undefined && clock.now() - sweep.finishedAt >= pinListMaxAgeMs);
  if (due) {
    if ((await learnRecentChats(deps, options.signal)) === 'signInNeeded') return { state: 'signInNeeded' };
    sweep = { startedAt: clock.now(), pending: await sweepOrder(db) };
  }
  if (!sweep) throw new Error('unreachable: a sweep was just started');
  sweep = { ...sweep, pending: unique([...named, ...sweep.pending]) };
  while (sweep.pending.length > 0) {
    const chatId = sweep.pending[0] as string;
    const cached = await db.get('pinLists', chatId);
    const fresh = cached !== undefined && clock.now() - cached.fetchedAt < pinListMaxAgeMs;
    if (!fresh) {
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
        // Not readable (left the chat, no access) or unreadable data: skip it, keeping the cache as it was.
      }
    }
    sweep = { ...sweep, pending: sweep.pending.slice(1) };
    await saveSweep(db, sweep);
  }
  const finished = { ...sweep, finishedAt: sweep.finishedAt ?? clock.now() };
  await saveSweep(db, finished);
  return { state: 'finished', at: finished.finishedAt };
}
