import { CliqError } from '../cliq';
import { t } from '../i18n';
import type { IntentFailure, IntentRecord } from '../store/records';

export interface BackoffOptions {
  /** First retry after about this long (jittered). */
  baseMs?: number;
  maxMs?: number;
  /** Transient failures before an intent fails. */
  maxAttempts?: number;
}

/** `client_not_synced`: read the list again and re-apply at most this many times, then fail. */
const MAX_CONFLICT_REREADS = 2;
/**
 * Re-reads after `client_not_synced` are spaced (about 0.5–1 s, then 1–2 s): someone else may still be editing
 * the list, and an instant retry would only meet the same refusal.
 */
const CONFLICT_SPACING: BackoffOptions = { baseMs: 1_000, maxMs: 10_000 };

export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 2_000;
  const max = options.maxMs ?? 300_000;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: retries spread out but never come sooner than half the step.
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** The list must be read again by a read that starts after `now` (so not within this same millisecond). */
const rereadFrom = (now: number) => ({ rereadAfter: now, notBefore: now + 1 });

function failureOf(error: unknown): IntentFailure {
  if (error instanceof CliqError) {
    return {
      kind: error.kind,
      message: error.message,
      ...(error.code === undefined ? {} : { code: error.code }),
      ...(error.status === undefined ? {} : { status: error.status }),
    };
  }
  return { kind: 'transient', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A change of expiry is three steps (unpin, pin again, move back). Once the unpin has landed, "nothing was
 * changed" is false: say what is true now, and what Retry will do, which is the one action that completes it.
 */
function halfDoneExpiryChange(record: IntentRecord, failure: IntentFailure, error: unknown): IntentFailure {
  const { intent, memory } = record;
  if (intent.kind !== 'changePinExpiry' || !memory.unpinSent) return failure;
  const operation = error instanceof CliqError ? error.operation : undefined;
  const unchanged = t('cliqNothingChanged');
  const why = failure.message.endsWith(unchanged)
    ? failure.message.slice(0, -unchanged.length).trim()
    : failure.message;
  if (operation === 'reorderPinnedMessage') {
    const place = memory.placement?.position;
    return {
      ...failure,
      message:
        place === undefined ? t('queueRepinnedNotMovedBack', why) : t('queueRepinnedNotMovedTo', String(place), why),
    };
  }
  return { ...failure, message: t('queueUnpinnedNotRepinned', why) };
}

/** What happens to an intent after its request failed; `write` says whether Cliq may have applied it. */
export function afterFailure(
  record: IntentRecord,
  error: unknown,
  context: {
    kind: CliqError['kind'];
    now: number;
    write: boolean;
    rereadOnInvalid: boolean;
    random: () => number;
    backoff?: BackoffOptions;
  },
): IntentRecord {
  const { kind, now } = context;
  const next: IntentRecord = { ...record, state: 'queued', updatedAt: now };
  const fail = (failure: IntentFailure): IntentRecord => ({
    ...next,
    state: 'failed',
    error: halfDoneExpiryChange(record, failure, error),
  });
  switch (kind) {
    case 'transient': {
      const attempts = record.attempts + 1;
      if (attempts >= (context.backoff?.maxAttempts ?? 6)) return fail(failureOf(error));
      const notBefore = now + Math.max(1, backoffDelay(attempts, context.random, context.backoff));
      // A lost answer leaves the outcome unknown: the list is read before anything is sent again. The reason is
      // kept so the person who asked sees why it is not done yet, and when it is tried again.
      return {
        ...next,
        attempts,
        notBefore,
        error: failureOf(error),
        ...(context.write ? { rereadAfter: now } : {}),
      };
    }
    case 'rateLimited':
      // Refused, not applied; the ledger now holds the budget's lock.
      return next;
    case 'conflict': {
      const conflicts = record.conflicts + 1;
      if (conflicts > MAX_CONFLICT_REREADS) {
        return fail({
          ...failureOf(error),
          kind: 'conflict',
          message: t('queueKeptChanging', String(conflicts)),
        });
      }
      const wait = Math.max(1, backoffDelay(conflicts, context.random, CONFLICT_SPACING));
      return { ...next, conflicts, rereadAfter: now, notBefore: now + wait };
    }
    case 'invalid':
    case 'forbidden':
      // Refused as built from an older list: read it and re-apply once before believing the refusal.
      if (context.write && context.rereadOnInvalid) return { ...next, ...rereadFrom(now) };
      return fail(failureOf(error));
    case 'malformed':
      return fail(failureOf(error));
    case 'auth':
      return { ...next, state: 'waitingForSignIn' };
  }
}
