import { type CliqClient, CliqError, endpointFor, type ParamsOf, type ProductOperation, type ResultOf } from '../cliq';
import type { BudgetLedger, Priority } from './ledger';

/** The one thing the queue and sync need from the Cliq client. */
export type CliqCaller = Pick<CliqClient, 'call'>;

export type WithinBudget<T> = { ok: true; result: T } | { ok: false; retryAt: number };

export interface SendOptions {
  priority?: Priority;
  signal?: AbortSignal;
  /** Runs after the slot is reserved and before the request leaves (the journal marks intents as sending). */
  beforeSend?: () => Promise<void>;
}

/**
 * Every request to Cliq goes through here: reserve a slot of the operation's budget (persisted), send,
 * record when it settled, and lock the budget when Cliq says it is over the limit. Without a free slot
 * nothing is sent and the caller learns when to come back.
 */
/** Only product operations: sign-in asks for their scopes and no others (lib/cliq/endpoints/product.ts). */
export async function callWithinBudget<Op extends ProductOperation>(
  deps: { ledger: BudgetLedger; client: CliqCaller },
  op: Op,
  params: ParamsOf<Op>,
  options: SendOptions = {},
): Promise<WithinBudget<ResultOf<Op>>> {
  const started = await startWithinBudget(deps, op, params, options);
  return started.ok ? { ok: true, result: await started.answer } : started;
}

/**
 * Like `callWithinBudget`, but resolves as soon as the slot is reserved, with the answer still to come: a caller
 * can reserve several slots one after another (each stored before its request leaves) and have their requests in
 * flight together.
 */
export async function startWithinBudget<Op extends ProductOperation>(
  deps: { ledger: BudgetLedger; client: CliqCaller },
  op: Op,
  params: ParamsOf<Op>,
  options: SendOptions = {},
): Promise<{ ok: true; answer: Promise<ResultOf<Op>> } | { ok: false; retryAt: number }> {
  const budget = endpointFor(op).budget;
  const slot = await deps.ledger.reserve(budget, options.priority ?? 'user');
  if (!slot.ok) return slot;
  const answer = (async () => {
    try {
      await options.beforeSend?.();
      return await deps.client.call(op, params, { signal: options.signal });
    } catch (error) {
      if (error instanceof CliqError && error.kind === 'rateLimited') await deps.ledger.lockOut(budget);
      throw error;
    } finally {
      await deps.ledger.settle(slot.entryId);
    }
  })();
  return { ok: true, answer };
}

/** Anything that is not a CliqError (a bug, an abort) is treated like a lost answer: outcome unknown. */
export function errorKind(error: unknown): CliqError['kind'] {
  return error instanceof CliqError ? error.kind : 'transient';
}
