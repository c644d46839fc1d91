import { type CliqClient, CliqError, endpointFor, type ParamsOf, type ProductOperation, type ResultOf } from '../cliq';
import type { BudgetLedger, Priority } from './ledger';

/** The one thing the queue and sync need from the Cliq client. */
export type CliqCaller = Pick<CliqClient, 'call'>;

export type WithinBudget<T> = { ok: true; result: T } | { ok: false; retryAt: number };

export interface SendOptions {
  priority?: Priority;
  signal?: AbortSignal;
  /**
   * Runs once the slots are reserved and before the requests leave (the journal marks intents as sending), told
   * how many of them go.
   */
  beforeSend?: (count: number) => Promise<void>;
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
  const { answers, retryAt } = await startAllWithinBudget(deps, [{ op, params }], options);
  const [answer] = answers;
  return answer ? { ok: true, result: await answer } : { ok: false, retryAt: retryAt ?? Date.now() };
}

/**
 * Requests on one budget, reserved together: as many as it has free slots, in one ledger transaction, then one
 * `beforeSend` for all of them (told how many go), then they leave together. `answers` holds the first requests
 * that got a slot, in order; `retryAt` says when the others may be tried again.
 */
export async function startAllWithinBudget<Op extends ProductOperation>(
  deps: { ledger: BudgetLedger; client: CliqCaller },
  requests: readonly { op: Op; params: ParamsOf<Op> }[],
  options: SendOptions = {},
): Promise<{ answers: Promise<ResultOf<Op>>[]; retryAt?: number }> {
  const [first] = requests;
  if (!first) return { answers: [] };
  const budget = endpointFor(first.op).budget;
  const { entryIds, retryAt } = await deps.ledger.reserveMany(budget, requests.length, options.priority ?? 'user');
  const ready = entryIds.length > 0 ? options.beforeSend?.(entryIds.length) : undefined;
  const answers = entryIds.map(async (entryId, index) => {
    const { op, params } = requests[index] as (typeof requests)[number];
    try {
      await ready;
      return await deps.client.call(op, params, { signal: options.signal });
    } catch (error) {
      if (error instanceof CliqError && error.kind === 'rateLimited') await deps.ledger.lockOut(budget);
      throw error;
    } finally {
      await deps.ledger.settle(entryId);
    }
  });
  return { answers, ...(retryAt === undefined ? {} : { retryAt }) };
}

/** Anything that is not a CliqError (a bug, an abort) is treated like a lost answer: outcome unknown. */
export function errorKind(error: unknown): CliqError['kind'] {
  return error instanceof CliqError ? error.kind : 'transient';
}
