/**
 * Pinned messages of a chat: one ordered list whose first entry is the primary pin (rules.ts and the
 * README's "where the docs are silent" section). Every change is logged with a sequence number so a
 * `sync_token` can answer "what changed since then"; expired pins leave the list at their expiry time.
 */
import { badRequest } from './errors';
import { PIN_LIMIT_CODE, PIN_LIMIT_PER_CHAT } from './rules';
import type { Chat, Pin, PinList, SandboxState } from './state';

export function pinListOf(state: SandboxState, chat: Chat): PinList {
  let list = state.pins.get(chat.id);
  if (!list) {
    list = { entries: [], modifiedAt: 0, log: [] };
    state.pins.set(chat.id, list);
  }
  return list;
}

/** The chat's pins after removing those whose expiry has passed on the sandbox clock. */
export function livePins(state: SandboxState, chat: Chat): Pin[] {
  const list = pinListOf(state, chat);
  const now = state.now();
  const expired = list.entries.filter((pin) => pin.expiry !== -1 && pin.expiry <= now);
  if (expired.length === 0) return list.entries;
  const before = list.entries[0]?.messageId;
  list.entries = list.entries.filter((pin) => !expired.includes(pin));
  for (const pin of expired) {
    record(state, list, pin.messageId);
    // An expired pin changed the list at its expiry time, not when the sandbox noticed.
    list.modifiedAt = Math.max(list.modifiedAt, pin.expiry);
  }
  notePrimaryChange(state, list, before);
  return list.entries;
}

export interface NewPin {
  messageId: string;
  expiry: number;
  primary: boolean;
  creatorId: string;
}

/**
 * Pinning an already pinned message updates its expiry (and moves it to the top when `primary`) instead
 * of adding a duplicate.
 */
export function addPin(state: SandboxState, chat: Chat, input: NewPin): Pin {
  const entries = livePins(state, chat);
  const list = pinListOf(state, chat);
  const now = state.now();
  const before = entries[0]?.messageId;
  const existing = entries.find((pin) => pin.messageId === input.messageId);
  let pin: Pin;
  if (existing) {
    pin = existing;
    pin.expiry = input.expiry;
    pin.modifiedAt = now;
    if (input.primary) list.entries = [pin, ...entries.filter((p) => p !== pin)];
  } else {
    if (entries.length >= PIN_LIMIT_PER_CHAT) {
      throw badRequest(PIN_LIMIT_CODE, `A chat holds at most ${PIN_LIMIT_PER_CHAT} pinned messages.`);
    }
    pin = {
      messageId: input.messageId,
      expiry: input.expiry,
      creatorId: input.creatorId,
      createdAt: now,
      modifiedAt: now,
    };
    // A new pin goes on top when primary (or first); otherwise directly below the primary.
    if (input.primary || entries.length === 0) entries.unshift(pin);
    else entries.splice(1, 0, pin);
  }
  record(state, list, pin.messageId);
  notePrimaryChange(state, list, before);
  list.modifiedAt = now;
  return pin;
}

/** Moves a pin directly above `pinAbove` (so above the primary it becomes primary), or to the end. */
export function reorderPin(state: SandboxState, chat: Chat, messageId: string, pinAbove: string | undefined): void {
  const entries = livePins(state, chat);
  const list = pinListOf(state, chat);
  const pin = entries.find((p) => p.messageId === messageId);
  if (!pin) throw badRequest('operation_failed', 'The message to move is not pinned in this chat.');
  if (pinAbove !== undefined && (pinAbove === messageId || !entries.some((p) => p.messageId === pinAbove))) {
    throw badRequest('operation_failed', 'pin_above must be another message pinned in this chat.');
  }
  const before = entries[0]?.messageId;
  const rest = entries.filter((p) => p !== pin);
  const at = pinAbove === undefined ? rest.length : rest.findIndex((p) => p.messageId === pinAbove);
  rest.splice(at, 0, pin);
  list.entries = rest;
  pin.modifiedAt = state.now();
  record(state, list, messageId);
  notePrimaryChange(state, list, before);
  list.modifiedAt = state.now();
}

/** Unpins the given messages, or every pin when `ids` is 'all' (the empty `message_ids` foot-gun). */
export function removePins(state: SandboxState, chat: Chat, ids: readonly string[] | 'all'): void {
  const entries = livePins(state, chat);
  const list = pinListOf(state, chat);
  if (ids !== 'all') {
    const missing = ids.filter((id) => !entries.some((p) => p.messageId === id));
    if (missing.length > 0) throw badRequest('operation_failed', `Not pinned in this chat: ${missing.join(', ')}`);
  }
  const removed = ids === 'all' ? entries : entries.filter((p) => ids.includes(p.messageId));
  if (removed.length === 0) return;
  const before = entries[0]?.messageId;
  list.entries = entries.filter((p) => !removed.includes(p));
  for (const pin of removed) record(state, list, pin.messageId);
  notePrimaryChange(state, list, before);
  list.modifiedAt = state.now();
}

/** A pinned message's text changed: sync clients should refetch it, but the order did not change. */
export function notePinnedMessageChanged(state: SandboxState, chat: Chat, messageId: string): void {
  const list = pinListOf(state, chat);
  if (list.entries.some((p) => p.messageId === messageId)) record(state, list, messageId);
}

export interface PinChanges {
  /** Pins added, moved or otherwise changed since the token, in current list order. */
  live: Pin[];
  /** Messages unpinned (or expired) since the token. */
  removedIds: string[];
}

export function changesSince(state: SandboxState, chat: Chat, seq: number): PinChanges {
  const entries = livePins(state, chat);
  const changed = new Set(
    pinListOf(state, chat)
      .log.filter((e) => e.seq > seq)
      .map((e) => e.messageId),
  );
  const live = entries.filter((p) => changed.has(p.messageId));
  const liveIds = new Set(live.map((p) => p.messageId));
  return { live, removedIds: [...changed].filter((id) => !liveIds.has(id)) };
}

function record(state: SandboxState, list: PinList, messageId: string): void {
  state.seq += 1;
  list.log.push({ seq: state.seq, messageId });
}

/** When the primary changes, both the old and the new primary changed (`is_primary` flipped). */
function notePrimaryChange(state: SandboxState, list: PinList, before: string | undefined): void {
  const after = list.entries[0]?.messageId;
  if (before === after) return;
  if (before !== undefined) record(state, list, before);
  if (after !== undefined) record(state, list, after);
}
