import type { BudgetUse } from '../../../lib/board/board';
import { BACKGROUND_SHARE } from '../../../lib/budget/ledger';
import { MAX_CHATS_PER_REMOVAL, MAX_PINS_PER_CHAT } from '../../../lib/cliq/constants';
import { type Budget, budgetOf, ROUTES } from '../../../lib/cliq/endpoints/routes';
import type { IntentInput } from '../../../lib/intents/intents';

/*
 * What a confirmation tells the user before a bulk action: how many requests it takes and how long Cliq's
 * rate limits stretch that. It mirrors how the queue plans (batches of 25, one request per folder list, a
 * fresh read before a reorder or replace on a list it has just written), without promising to the second.
 */

export interface Estimate {
  requests: number;
  /** From now until the last request may go out. */
  waitMs: number;
}

/** Each operation's budget, from the schema-free routes (the endpoint table's schemas stay out of the popup). */
const ep = Object.fromEntries(
  Object.entries(ROUTES).map(([name, route]) => [name, { budget: budgetOf(route) }]),
) as Record<keyof typeof ROUTES, { budget: Budget }>;

/**
 * Requests per budget key (several operations share one: the four folder PUTs); reads are added where the
 * queue must read a list again before writing it.
 */
export function countRequests(intents: readonly IntentInput[]): Map<string, { budget: Budget; count: number }> {
  const counts = new Map<string, { budget: Budget; count: number }>();
  const add = (budget: Budget, n = 1) =>
    counts.set(budget.key, { budget, count: (counts.get(budget.key)?.count ?? 0) + n });
  const written = new Set<string>();
  const unpinIds = new Map<string, Set<string>>();
  const removals = new Set<string>();
  // A write that needs `last_sync_time` after another write on the same list reads that list first.
  const basedWrite = (list: string, budget: Budget, read: Budget) => {
    if (written.has(list)) add(read);
    add(budget);
    written.add(list);
  };
  for (const intent of intents) {
    switch (intent.kind) {
      case 'unpinMessages': {
        const ids = unpinIds.get(intent.chatId) ?? new Set();
        for (const id of intent.messageIds) ids.add(id);
        unpinIds.set(intent.chatId, ids);
        written.add(`pins:${intent.chatId}`);
        break;
      }
      case 'pinMessage':
        add(ep.pinMessage.budget);
        written.add(`pins:${intent.chatId}`);
        break;
      case 'reorderPin':
      case 'makePrimary':
        basedWrite(`pins:${intent.chatId}`, ep.reorderPinnedMessage.budget, ep.listPinnedMessages.budget);
        break;
      case 'changePinExpiry':
        add(ep.unpinMessages.budget);
        add(ep.pinMessage.budget);
        basedWrite(`pins:${intent.chatId}`, ep.reorderPinnedMessage.budget, ep.listPinnedMessages.budget);
        break;
      case 'removeChatsFromAllFolders':
        for (const id of intent.chatIds) removals.add(id);
        written.add('folders');
        break;
      case 'replaceFolderChats':
        basedWrite('folders', ep.replaceFolderChats.budget, ep.listFolders.budget);
        break;
      case 'moveChatInFolder':
        basedWrite('folders', ep.reorderChatInFolder.budget, ep.listFolders.budget);
        break;
      case 'moveFolder':
        basedWrite('folders', ep.moveFolder.budget, ep.listFolders.budget);
        break;
      case 'pinChatToFolder':
        add(ep.pinChat.budget);
        written.add('folders');
        break;
      case 'unpinChat':
        add(ep.unpinChat.budget);
        written.add('folders');
        break;
      case 'createFolder':
        add(ep.createFolder.budget);
        written.add('folders');
        break;
      case 'deleteFolder':
        add(ep.deleteFolder.budget);
        written.add('folders');
        break;
      case 'renameFolder':
      case 'changeFolderSymbol':
      case 'setFolderCollapsed':
        add(ep.updateFolder.budget);
        written.add('folders');
        break;
    }
  }
  for (const ids of unpinIds.values()) add(ep.unpinMessages.budget, Math.ceil(ids.size / MAX_PINS_PER_CHAT));
  if (removals.size > 0) add(ep.removeChatsFromAllFolders.budget, Math.ceil(removals.size / MAX_CHATS_PER_REMOVAL));
  return counts;
}

/**
 * Budgets drain side by side; on one budget, the first `perMinute - used` requests go at once and each further
 * `perMinute` waits another minute. `minuteMs` is Cliq's minute (shorter against a scaled sandbox).
 */
export function estimate(
  intents: readonly IntentInput[],
  options: { now: number; minuteMs: number; use?: ReadonlyMap<string, BudgetUse> },
): Estimate {
  let requests = 0;
  let waitMs = 0;
  for (const { budget, count } of countRequests(intents).values()) {
    requests += count;
    const use = options.use?.get(budget.key);
    const lockWait = Math.max(0, (use?.lockedUntil ?? 0) - options.now);
    const used = lockWait > 0 ? 0 : Math.min(use?.used ?? 0, budget.perMinute);
    const beyond = used + count - budget.perMinute;
    const windows = beyond > 0 ? Math.ceil(beyond / budget.perMinute) : 0;
    waitMs = Math.max(waitMs, lockWait + windows * options.minuteMs);
  }
  return { requests, waitMs };
}

/** Every budget a set of intents touches, to look up how much of each is already used. */
export const budgetsOf = (intents: readonly IntentInput[]) =>
  [...countRequests(intents).values()].map(({ budget }) => budget);

/**
 * About how long the chats still to read take at the background's share of the pin-list budget: what "about
 * 7 min left" says. `minuteMs` is the rate-limit minute (shorter against a time-scaled sandbox).
 */
export function sweepTimeLeftMs(chatsToRead: number, minuteMs: number): number {
  const perMinute = Math.max(1, Math.floor(ROUTES.listPinnedMessages.limit.perMinute * BACKGROUND_SHARE));
  return Math.ceil(chatsToRead / perMinute) * minuteMs;
}
