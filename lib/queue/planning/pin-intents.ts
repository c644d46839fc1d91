import { MAX_PINS_PER_CHAT } from '../../cliq';
import { t } from '../../i18n';
import type { IntentOf, PinIntent } from '../../intents/intents';
import { isInPlace } from '../../intents/placement';
import type { PinListRecord, PinRecord } from '../../store/records';
import { baseOf, gone, MAX_IDS_PER_REQUEST, type PlanContext, type Step } from './step';

type Ctx = PlanContext<PinListRecord>;

/** Cliq answers expiry times in ISO 8601, possibly to the second: within a second is the same time. */
const sameExpiry = (a: number, b: number) => a === b || (a !== -1 && b !== -1 && Math.abs(a - b) < 1000);

const ids = (pins: readonly PinRecord[]) => pins.map((pin) => pin.messageId);

export function planPinIntent(intent: PinIntent, ctx: Ctx): Step {
  switch (intent.kind) {
    case 'unpinMessages':
      return planUnpin(intent, ctx);
    case 'pinMessage':
      return planPin(intent, ctx);
    case 'reorderPin':
      return planMove(intent.chatId, intent.messageId, () => intent.above, ctx);
    case 'makePrimary':
      // Above whichever pin is primary when the request is made.
      return planMove(intent.chatId, intent.messageId, (order) => order[0], ctx);
    case 'changePinExpiry':
      return planExpiryChange(intent, ctx);
  }
}

/** Cliq drops a pin from the list at its expiry time; the cache may still hold it. */
const livePins = (view: PinListRecord, now: number) => view.pins.filter((pin) => pin.expiry === -1 || pin.expiry > now);

function planUnpin(intent: IntentOf<'unpinMessages'>, { record, view, trusted, now }: Ctx): Step {
  const confirmed = new Set(record.memory.confirmedIds);
  let pending = intent.messageIds.filter((id) => !confirmed.has(id));
  if (trusted && view) {
    const pinned = new Set(ids(livePins(view, now)));
    pending = pending.filter((id) => pinned.has(id));
  }
  if (pending.length === 0) return { type: 'done' };
  return {
    type: 'send',
    request: {
      op: 'unpinMessages',
      params: { chatId: intent.chatId, messageIds: pending.slice(0, MAX_IDS_PER_REQUEST) },
    },
    batch: { key: `unpin:${intent.chatId}`, ids: pending },
    completes: false,
    // One id that expired or was unpinned meanwhile fails the whole batch: read once and drop it.
    rereadOnInvalid: !trusted || record.rereadAfter === undefined,
  };
}

const expiryPassed = (expiry: number, now: number): Step | undefined =>
  expiry !== -1 && expiry <= now
    ? {
        type: 'fail',
        failure: { kind: 'invalid', message: t('queueExpiryPassed') },
      }
    : undefined;

function planPin(intent: IntentOf<'pinMessage'>, { view, trusted, now }: Ctx): Step {
  if (trusted && view) {
    const live = livePins(view, now);
    const at = live.findIndex((pin) => pin.messageId === intent.messageId);
    const pin = live[at];
    if (pin && sameExpiry(pin.expiry, intent.expiry) && (!intent.primary || at === 0)) return { type: 'done' };
    if (!pin && live.length >= MAX_PINS_PER_CHAT) {
      const message = t('queueChatFull', String(MAX_PINS_PER_CHAT));
      return { type: 'fail', failure: { kind: 'invalid', message } };
    }
  }
  return sendPin(intent, { notify: intent.notify, primary: intent.primary, completes: true }, now);
}

/** A pin request, unless its expiry has already passed (Cliq would refuse it as `operation_failed`). */
function sendPin(
  intent: { chatId: string; messageId: string; expiry: number },
  how: { notify: boolean; primary?: boolean; completes: boolean },
  now: number,
): Step {
  return (
    expiryPassed(intent.expiry, now) ?? {
      type: 'send',
      request: {
        op: 'pinMessage',
        params: {
          chatId: intent.chatId,
          messageId: intent.messageId,
          expiryTime: intent.expiry,
          notify: how.notify,
          primary: how.primary,
        },
      },
      completes: how.completes,
      rereadOnInvalid: false,
    }
  );
}

function planMove(
  chatId: string,
  messageId: string,
  aboveIn: (order: string[]) => string | undefined,
  { view, trusted }: Ctx,
): Step {
  const basedOn = baseOf(view);
  if (!view || !basedOn) return { type: 'read' };
  const order = ids(view.pins);
  const target = aboveIn(order);
  // A conclusion that sends nothing needs a list newer than the intent; an older one is read again.
  const conclude = (step: Step): Step => (trusted ? step : { type: 'read' });
  if (!order.includes(messageId)) return conclude(gone(t('queueNotPinned')));
  if (target !== undefined && !order.includes(target)) return conclude(gone(t('queueAbovePinGone')));
  if (target === messageId || isInPlace(order, messageId, { above: target })) return conclude({ type: 'done' });
  return {
    type: 'send',
    request: { op: 'reorderPinnedMessage', params: { chatId, messageId, pinAbove: target, basedOn } },
    completes: true,
    rereadOnInvalid: !trusted,
  };
}

/**
 * Cliq has no call that changes a pin's expiry, so it is unpinned and pinned again, then moved back to
 * where it was (a new pin lands directly below the primary). Each step is planned from the cache as Cliq
 * confirmed it, so a restart or a lost answer resumes at the right step.
 */
function planExpiryChange(intent: IntentOf<'changePinExpiry'>, ctx: Ctx): Step {
  const { record, view, trusted, now } = ctx;
  if (!view || !trusted) return { type: 'read' };
  const { memory } = record;
  const order = ids(view.pins);
  const at = order.indexOf(intent.messageId);
  const pin = view.pins[at];
  const placement =
    memory.placement ?? (at >= 0 ? { primary: at === 0, above: order[at + 1], position: at + 1 } : undefined);
  if (!pin) {
    if (!memory.unpinSent) return gone(t('queueNotPinned'));
    return sendPin(intent, { notify: false, primary: placement?.primary ?? false, completes: false }, now);
  }
  if (!sameExpiry(pin.expiry, intent.expiry)) {
    return (
      expiryPassed(intent.expiry, now) ?? {
        type: 'send',
        request: { op: 'unpinMessages', params: { chatId: intent.chatId, messageIds: [intent.messageId] } },
        completes: false,
        rereadOnInvalid: false,
        remember: { unpinSent: true, placement, removedPin: pin },
      }
    );
  }
  if (!memory.unpinSent || !placement) return { type: 'done' };
  const above = placement.primary ? order[0] : placement.above;
  const keepsPlace =
    above === intent.messageId ||
    isInPlace(order, intent.messageId, { above }) ||
    (above !== undefined && !order.includes(above));
  return keepsPlace ? { type: 'done' } : planMove(intent.chatId, intent.messageId, () => above, ctx);
}
