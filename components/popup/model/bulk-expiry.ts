import type { ShownPin } from '../../../lib/board/read-models';
import type { IntentInput } from '../../../lib/intents/intents';
import type { PinRecord } from '../../../lib/store/records';
import { isExpired } from './filters';

/*
 * One expiry for many pins. Cliq has no call that changes an expiry, so each live pin becomes a
 * `changePinExpiry` (the queue unpins, pins again and moves it back); an expired pin is gone from Cliq and is
 * pinned again, as a pin's details do.
 */

/** A restored expiry this close to now would lapse on the way: the pin is unpinned instead, as it would be by then. */
const EXPIRY_MARGIN_MS = 5_000;

/** Cliq answers expiry times to the second: within a second is the same time. */
const sameExpiry = (a: number, b: number) => a === b || (a !== -1 && b !== -1 && Math.abs(a - b) < 1000);

export function planBulkExpiry(pins: readonly ShownPin[], expiry: number, now: number): IntentInput[] {
  return pins.flatMap((pin): IntentInput[] => {
    if (isExpired(pin, now)) {
      const preview = { text: pin.text.slice(0, 5000), senderName: pin.senderName };
      return [{ kind: 'pinMessage', chatId: pin.chatId, messageId: pin.messageId, expiry, preview }];
    }
    if (sameExpiry(pin.expiry, expiry)) return [];
    return [{ kind: 'changePinExpiry', chatId: pin.chatId, messageId: pin.messageId, expiry }];
  });
}

/**
 * Puts each pin's old expiry back, planned from the lists as shown now: a pin that was expired before is unpinned
 * again, and so is one whose old expiry has passed meanwhile. Pins someone unpinned since are left alone.
 */
export function planBulkExpiryUndo(
  before: readonly ShownPin[],
  current: ReadonlyMap<string, readonly PinRecord[]>,
  now: number,
): IntentInput[] {
  const intents: IntentInput[] = [];
  const unpin = new Map<string, string[]>();
  for (const pin of before) {
    const shown = current.get(pin.chatId)?.find((p) => p.messageId === pin.messageId);
    if (!shown || isExpired(shown, now)) continue;
    const lapsed = pin.expiry !== -1 && pin.expiry <= now + EXPIRY_MARGIN_MS;
    if (lapsed) unpin.set(pin.chatId, [...(unpin.get(pin.chatId) ?? []), pin.messageId]);
    else if (!sameExpiry(shown.expiry, pin.expiry)) {
      intents.push({ kind: 'changePinExpiry', chatId: pin.chatId, messageId: pin.messageId, expiry: pin.expiry });
    }
  }
  for (const [chatId, messageIds] of unpin) intents.push({ kind: 'unpinMessages', chatId, messageIds });
  return intents;
}
