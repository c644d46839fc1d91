import { type CliqCaller, callWithinBudget } from '../budget/call';
import type { BudgetLedger, Clock, Priority } from '../budget/ledger';
import { CliqError, type PinnedMessage } from '../cliq';
import { getPinList, putFolderList, putPinList, upsertChats } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { PinRecord } from '../store/records';
import { readSettings } from '../store/settings';
import { folderRecordsFrom, pinListFrom, pinRecordFrom } from './convert';
import { removePins } from './rules';

export interface ReadDeps {
  db: PinsDb;
  client: CliqCaller;
  ledger: BudgetLedger;
  clock: Clock;
}

export interface ReadOptions {
  priority: Priority;
  /** A complete listing even when a `sync_token` delta would do. */
  full?: boolean;
  signal?: AbortSignal;
}

/** Not read: the budget has no free slot before `retryAt`. Cliq errors are thrown as CliqError. */
export type ReadResult = { ok: true } | { ok: false; retryAt: number };

/** Cliq holds at most 25 pins per chat, so one page is the whole list (paging is still followed). */
const PIN_PAGE_SIZE = 25;

interface Pages {
  ok: true;
  pins: PinnedMessage[];
  unpinnedIds: string[];
  syncToken?: string;
  lastSyncTime: number;
}

/**
 * Reads one chat's pins into the cache: a `sync_token` delta when one is held and the periodic full
 * listing is not due, else every page. A malformed answer throws before anything is stored.
 */
export async function readPinList(deps: ReadDeps, chatId: string, options: ReadOptions): Promise<ReadResult> {
  const cached = await getPinList(deps.db, chatId);
  const { fullResyncEveryMs } = await readSettings(deps.db);
  const fetchedAt = deps.clock.now();
  const token = cached?.syncToken;
  // After our own writes a delta would list pins whose new place it cannot say: a full listing costs the same
  // one request (a chat's pins fit one page), so it is used instead.
  const useDelta =
    !options.full && !cached?.changedSinceRead && fetchedAt - (cached?.fullSyncAt ?? 0) < fullResyncEveryMs;
  if (cached && token && useDelta) {
    let delta: Pages | { ok: false; retryAt: number };
    try {
      delta = await readPages(deps, chatId, token, options);
    } catch (error) {
      // An expired or unknown token answers `operation_failed`: fall back to a full listing.
      if (error instanceof CliqError && error.kind === 'invalid' && error.code === 'operation_failed') {
        return readPinList(deps, chatId, { ...options, full: true });
      }
      throw error;
    }
    if (!delta.ok) return delta;
    const pins = applyDelta(cached.pins, delta.pins, delta.unpinnedIds);
    if (pins) {
      await putPinList(deps.db, {
        ...cached,
        pins,
        syncToken: delta.syncToken ?? token,
        lastSyncTime: delta.lastSyncTime,
        fetchedAt,
        changedSinceRead: false,
      });
      return { ok: true };
    }
  }
  const listing = await readPages(deps, chatId, undefined, options);
  if (!listing.ok) return listing;
  await putPinList(deps.db, {
    chatId,
    pins: pinListFrom(listing.pins),
    syncToken: listing.syncToken,
    lastSyncTime: listing.lastSyncTime,
    fetchedAt,
    fullSyncAt: fetchedAt,
    changedSinceRead: false,
  });
  return { ok: true };
}

/** The first page's `sync_token` and view: changes made while later pages were read show up next time. */
async function readPages(
  deps: ReadDeps,
  chatId: string,
  syncToken: string | undefined,
  options: ReadOptions,
): Promise<Pages | { ok: false; retryAt: number }> {
  const pages: Pages = { ok: true, pins: [], unpinnedIds: [], lastSyncTime: 0 };
  let nextToken: string | undefined;
  let first = true;
  do {
    const params = nextToken
      ? { chatId, limit: PIN_PAGE_SIZE, nextToken }
      : { chatId, limit: PIN_PAGE_SIZE, syncToken };
    const page = await callWithinBudget(deps, 'listPinnedMessages', params, options);
    if (!page.ok) return page;
    if (first) {
      pages.syncToken = page.result.sync_token;
      pages.lastSyncTime = page.result.view.lastSyncTime;
      first = false;
    }
    pages.pins.push(...page.result.data);
    pages.unpinnedIds.push(...page.result.unpinnedIds);
    nextToken = page.result.next_token;
  } while (nextToken);
  return pages;
}

/**
 * A delta says which pins changed, not where moved ones now sit. Removals and brand-new pins can be placed
 * by Cliq's rules (new pins go directly below the primary); anything else asks for a full listing (undefined).
 */
function applyDelta(
  cached: readonly PinRecord[],
  changed: readonly PinnedMessage[],
  unpinnedIds: readonly string[],
): PinRecord[] | undefined {
  const kept = removePins(cached, unpinnedIds);
  const known = new Set(kept.map((pin) => pin.messageId));
  if (changed.some((message) => known.has(message.id))) return undefined;
  const primaries = changed.filter((message) => message.pin_information.is_primary);
  if (primaries.length > 1 || (primaries.length === 1 && kept.length > 0)) return undefined;
  const [primary] = primaries;
  const added = changed.filter((message) => message !== primary).map(pinRecordFrom);
  if (primary) return [pinRecordFrom(primary), ...added];
  if (kept.length === 0) return added.length === 0 ? [] : undefined;
  return [kept[0] as PinRecord, ...added, ...kept.slice(1)];
}

/** Reads the folder list (with its chats) into the cache. */
export async function readFolderList(deps: ReadDeps, options: ReadOptions): Promise<ReadResult> {
  const fetchedAt = deps.clock.now();
  const answer = await callWithinBudget(deps, 'listFolders', { include: ['chats', 'last_message_info'] }, options);
  if (!answer.ok) return answer;
  const { folders, chats } = folderRecordsFrom(answer.result.data);
  await upsertChats(deps.db, chats);
  await putFolderList(deps.db, {
    folders,
    lastSyncTime: answer.result.view.lastSyncTime,
    fetchedAt,
    changedSinceRead: false,
  });
  return { ok: true };
}
