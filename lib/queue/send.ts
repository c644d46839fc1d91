import { type CliqCaller, errorKind, type SendOptions, startAllWithinBudget } from '../budget/call';
import type { BudgetLedger, Clock } from '../budget/ledger';
import type { ParamsOf } from '../cliq';
import { listKeyOf } from '../intents/intents';
import type { PinsDb } from '../store/db';
import { pauseForSignIn, saveIntents } from '../store/journal';
import type { IntentRecord } from '../store/records';
import { applyConfirmedWrite } from './apply-confirmed';
import { afterFailure, type BackoffOptions } from './outcome';
import type { Step, WriteOp } from './planning/step';

/*
 * The queue's writes on the wire: reserving their slots, journalling them as sending, and journalling what came
 * back. The runner (./runner.ts) decides which writes go; this is how they go.
 */

export interface RunnerDeps {
  db: PinsDb;
  client: CliqCaller;
  ledger: BudgetLedger;
  clock: Clock;
  random: () => number;
  backoff?: BackoffOptions;
  signal: AbortSignal;
  /** Lists whose confirmed or shown state changed (`pins:<chatId>`, `folders`, `journal`). */
  changed: (lists: string[]) => void;
  /** Lists with a write on the wire, until its answer is journalled: passes leave them alone meanwhile. */
  inFlight: Map<string, Promise<void>>;
}

export type SendStep = Extract<Step, { type: 'send' }>;
export interface Member {
  record: IntentRecord;
  step: SendStep;
}

/** A write planned for one list: the request and the intents it carries. */
export interface Planned {
  list: string;
  members: Member[];
}

/**
 * Sends one budget's planned writes, as many as it has free slots: reserved in one ledger transaction, their
 * intents marked as sending in one journal transaction, then all leave. Each list stays in flight until its
 * answer (or failure) is journalled.
 */
export async function startSends(deps: RunnerDeps, sends: Planned[]): Promise<{ sent: boolean; retryAt?: number }> {
  const settleAll = (members: Member[], error: unknown) =>
    settleFailure(
      deps,
      members.map(({ record, step }) => ({ record: withMemory(record, step), rereadOnInvalid: step.rereadOnInvalid })),
      error,
      true,
    );
  const requests = sends.map(({ members }) => (members[0] as Member).step.request);
  let started: Awaited<ReturnType<typeof sendWrites>>;
  try {
    started = await sendWrites(deps, requests, {
      signal: deps.signal,
      beforeSend: (count) =>
        markSending(
          deps,
          sends.slice(0, count).flatMap(({ members }) => members),
        ),
    });
  } catch (error) {
    await settleAll(
      sends.flatMap(({ members }) => members),
      error,
    );
    return { sent: true };
  }
  started.answers.forEach((answer, index) => {
    const { list, members } = sends[index] as Planned;
    // A confirmed answer that cannot be journalled is settled like a lost one, as when requests went one by one.
    const settled = answer
      .then((result) => confirmed(deps, members, result))
      .catch((error: unknown) => settleAll(members, error))
      // Nothing awaits an answer once its pass has moved on. If even the failure cannot be journalled (the worker
      // is stopping and its database closed), the intent stays `sending` in the journal and `recover` settles it at
      // the next start, so there is nothing more to do here than not leave the rejection unhandled.
      .catch(() => undefined);
    deps.inFlight.set(
      list,
      settled.finally(() => deps.inFlight.delete(list)),
    );
  });
  return { sent: started.answers.length > 0, ...(started.retryAt === undefined ? {} : { retryAt: started.retryAt }) };
}

async function confirmed(deps: RunnerDeps, members: Member[], result: unknown): Promise<void> {
  const [first] = members as [Member, ...Member[]];
  const { request } = first.step;
  const sentIds = new Set(first.step.batch ? (idsOf(request) ?? []) : []);
  const list = await applyConfirmedWrite(deps.db, request, result);
  const now = deps.clock.now();
  const updated = members.map(({ record, step }): IntentRecord => {
    const memory = { ...record.memory, ...step.remember };
    if (!step.batch)
      return { ...record, memory, state: step.completes ? 'done' : 'queued', attempts: 0, updatedAt: now };
    const confirmedIds = [
      ...new Set([...(memory.confirmedIds ?? []), ...step.batch.ids.filter((id) => sentIds.has(id))]),
    ];
    const left = step.batch.ids.filter((id) => !sentIds.has(id));
    return {
      ...record,
      memory: { ...memory, confirmedIds },
      state: left.length ? 'queued' : 'done',
      attempts: 0,
      updatedAt: now,
    };
  });
  await saveIntents(deps.db, updated);
  deps.changed(['journal', list]);
}

function sendWrites<Op extends WriteOp>(
  deps: RunnerDeps,
  requests: { op: Op; params: ParamsOf<Op> }[],
  options: SendOptions,
) {
  return startAllWithinBudget(deps, requests, options);
}

const idsOf = (request: SendStep['request']) =>
  request.op === 'unpinMessages'
    ? request.params.messageIds
    : request.op === 'removeChatsFromAllFolders'
      ? request.params.chatIds
      : undefined;

const withMemory = (record: IntentRecord, step: SendStep): IntentRecord => ({
  ...record,
  memory: { ...record.memory, ...step.remember },
});

/** Stored before the request leaves, with what the intent must remember about having sent it. */
async function markSending(deps: RunnerDeps, members: Member[]): Promise<void> {
  const now = deps.clock.now();
  await saveIntents(
    deps.db,
    members.map(({ record, step }) => ({ ...withMemory(record, step), state: 'sending', updatedAt: now })),
  );
}

export async function settleFailure(
  deps: RunnerDeps,
  members: { record: IntentRecord; rereadOnInvalid: boolean }[],
  error: unknown,
  write: boolean,
): Promise<void> {
  const kind = errorKind(error);
  const now = deps.clock.now();
  const updated = members.map(({ record, rereadOnInvalid }) =>
    afterFailure(record, error, { kind, now, write, rereadOnInvalid, random: deps.random, backoff: deps.backoff }),
  );
  await saveIntents(deps.db, updated);
  if (kind === 'auth') await pauseForSignIn(deps.db, now);
  deps.changed(['journal', ...members.map(({ record }) => listKeyOf(record.intent))]);
}
