import { type CliqCaller, errorKind, type SendOptions, startAllWithinBudget } from '../budget/call';
import type { BudgetLedger, Clock } from '../budget/ledger';
import { endpointFor, type ParamsOf } from '../cliq';
import { type Intent, isPinIntent, listKeyOf } from '../intents/intents';
import { readFolderList, readPinList } from '../lists/read';
import { getFolderList, getPinLists } from '../store/cache';
import type { PinsDb } from '../store/db';
import { pauseForSignIn, readQueueMeta, recoverSending, saveIntents, workableIntents } from '../store/journal';
import type { IntentRecord } from '../store/records';
import { applyConfirmedWrite } from './apply-confirmed';
import { afterFailure, type BackoffOptions } from './outcome';
import { planStep } from './planning/next-step';
import { MAX_IDS_PER_REQUEST, type Step, type WriteOp, withIds } from './planning/step';

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

/** One pass either did one thing (a request, or an intent finished) or says when there is work again. */
export type PassResult = { acted: true } | { acted: false; wakeAt: number | null; slotAt: number | null };

type SendStep = Extract<Step, { type: 'send' }>;
interface Member {
  record: IntentRecord;
  step: SendStep;
}

const ACTED: PassResult = { acted: true };

export async function recover(deps: RunnerDeps): Promise<void> {
  if ((await recoverSending(deps.db, deps.clock.now())) > 0) deps.changed(['journal']);
}

/**
 * Looks at the first workable intent of every list (intents on one list keep their order) and does the
 * first thing that can be done now: conclude an intent, read a list, or send requests. Writes on different
 * lists go out together, as many as their budgets have free slots, and a pass does not wait for their answers:
 * the next slot is used as soon as it is free, so a bulk unpin across chats runs at the budget's rate rather than
 * one round trip at a time. The database work is per pass, not per request: the lists are read in one
 * transaction, a budget's slots are reserved in one and its intents marked as sending in one, all before any of
 * those requests leaves.
 */
export async function runPass(deps: RunnerDeps): Promise<PassResult> {
  if ((await readQueueMeta(deps.db)).waitingForSignIn) return { acted: false, wakeAt: null, slotAt: null };
  const now = deps.clock.now();
  // Taken before the journal is read: a list whose answer lands during this pass is planned on the next one,
  // from the journal as that answer left it (never from this pass's older copy, which would send it again).
  const busy = new Set(deps.inFlight.keys());
  const byList = new Map<string, IntentRecord[]>();
  for (const record of await workableIntents(deps.db)) {
    const key = listKeyOf(record.intent);
    byList.set(key, [...(byList.get(key) ?? []), record]);
  }
  let wakeAt = Number.POSITIVE_INFINITY;
  let slotAt = Number.POSITIVE_INFINITY;
  const full = new Map<string, number>();
  const waitFor = (budget: string, retryAt: number) => {
    full.set(budget, retryAt);
    slotAt = Math.min(slotAt, retryAt);
  };
  const due: IntentRecord[][] = [];
  for (const [list, queue] of byList) {
    if (busy.has(list) || deps.inFlight.has(list)) continue;
    const head = queue[0] as IntentRecord;
    if (head.notBefore > now) wakeAt = Math.min(wakeAt, head.notBefore);
    else due.push(queue);
  }
  const views = await readViews(
    deps.db,
    due.map((queue) => (queue[0] as IntentRecord).intent),
  );
  // Planned writes by budget, sent together once the pass has looked at every list (or before it reads or concludes).
  let planned = new Map<string, Planned[]>();
  const sendPlanned = async () => {
    let sent = false;
    for (const [budget, sends] of planned) {
      const started = await startSends(deps, sends);
      sent ||= started.sent;
      if (started.retryAt !== undefined) waitFor(budget, started.retryAt);
    }
    planned = new Map();
    return sent;
  };
  for (const queue of due) {
    const head = queue[0] as IntentRecord;
    const view = views(head.intent);
    const step = planStep(head, view, now);
    if (step.type === 'done' || step.type === 'fail') {
      await sendPlanned();
      await finish(deps, head, step);
      return ACTED;
    }
    const budget = step.type === 'read' ? readBudgetOf(head) : endpointFor(step.request.op).budget.key;
    const blockedUntil = full.get(budget);
    if (blockedUntil !== undefined) {
      slotAt = Math.min(slotAt, blockedUntil);
      continue;
    }
    if (step.type === 'read') {
      await sendPlanned();
      const result = await readList(deps, head);
      if (result.ok) return ACTED;
      waitFor(budget, result.retryAt);
      continue;
    }
    const sends = planned.get(budget) ?? [];
    sends.push({ list: listKeyOf(head.intent), members: gather(queue, head, step, view, now) });
    planned.set(budget, sends);
  }
  if (await sendPlanned()) return ACTED;
  // Nothing more to start: an answer may free a list (and is journalled), so look again after the next one.
  if (deps.inFlight.size > 0) {
    await Promise.race(deps.inFlight.values());
    return ACTED;
  }
  // Lists left alone because they were in flight have been answered since: look at them again.
  if (busy.size > 0) return ACTED;
  const soonest = Math.min(wakeAt, slotAt);
  return {
    acted: false,
    wakeAt: Number.isFinite(soonest) ? soonest : null,
    slotAt: Number.isFinite(slotAt) ? slotAt : null,
  };
}

type Views = Parameters<typeof planStep>[1];

/** What the heads of the due lists are planned from: their chats' lists read in one transaction, not one each. */
async function readViews(db: PinsDb, intents: readonly Intent[]): Promise<(intent: Intent) => Views> {
  const chatIds = intents.flatMap((intent) => (isPinIntent(intent) ? [intent.chatId] : []));
  const [pins, folders] = await Promise.all([
    getPinLists(db, chatIds),
    intents.some((intent) => !isPinIntent(intent)) ? getFolderList(db) : undefined,
  ]);
  return (intent) => (isPinIntent(intent) ? { pins: pins.get(intent.chatId) } : { folders });
}

function readBudgetOf(record: IntentRecord): string {
  return endpointFor(isPinIntent(record.intent) ? 'listPinnedMessages' : 'listFolders').budget.key;
}

async function finish(deps: RunnerDeps, record: IntentRecord, step: Extract<Step, { type: 'done' | 'fail' }>) {
  const now = deps.clock.now();
  const { error: _old, ...rest } = record;
  const finished: IntentRecord =
    step.type === 'done'
      ? { ...rest, state: 'done', updatedAt: now }
      : { ...rest, state: 'failed', error: step.failure, updatedAt: now };
  await saveIntents(deps.db, [finished]);
  deps.changed(['journal', listKeyOf(record.intent)]);
}

/**
 * Bulk requests carry the ids of consecutive intents of the same kind on the same list, up to Cliq's 25:
 * unpins in one chat, chats removed from every folder. Duplicates go once; an intent whose ids do not all
 * fit keeps the rest for the next request.
 */
function gather(queue: IntentRecord[], head: IntentRecord, step: SendStep, views: Views, now: number): Member[] {
  if (!step.batch) return [{ record: head, step }];
  const members: Member[] = [{ record: head, step }];
  const ids = new Set(step.batch.ids.slice(0, MAX_IDS_PER_REQUEST));
  for (const record of queue.slice(1)) {
    if (record.notBefore > now) break;
    const next = planStep(record, views, now);
    if (next.type !== 'send' || next.batch?.key !== step.batch.key) break;
    for (const id of next.batch.ids) if (ids.size < MAX_IDS_PER_REQUEST) ids.add(id);
    // Only intents this request does something for ride along (a full request may still cover duplicates).
    if (!next.batch.ids.some((id) => ids.has(id))) break;
    members.push({ record, step: next });
  }
  return members.map((m) => ({ ...m, step: { ...m.step, request: withIds(m.step.request, [...ids]) } }));
}

async function readList(
  deps: RunnerDeps,
  record: IntentRecord,
): Promise<{ ok: true } | { ok: false; retryAt: number }> {
  const { intent } = record;
  // The queue reads to place a write, and a delta cannot say where moved pins went: list them all (one page).
  const options = { priority: 'user' as const, signal: deps.signal, full: true };
  try {
    const result = isPinIntent(intent)
      ? await readPinList(deps, intent.chatId, options)
      : await readFolderList(deps, options);
    if (result.ok) deps.changed([listKeyOf(intent)]);
    return result;
  } catch (error) {
    await settleFailure(deps, [{ record, rereadOnInvalid: false }], error, false);
    return { ok: true };
  }
}

/** A write planned for one list: the request and the intents it carries. */
interface Planned {
  list: string;
  members: Member[];
}

/**
 * Sends one budget's planned writes, as many as it has free slots: reserved in one ledger transaction, their
 * intents marked as sending in one journal transaction, then all leave. Each list stays in flight until its
 * answer (or failure) is journalled.
 */
async function startSends(deps: RunnerDeps, sends: Planned[]): Promise<{ sent: boolean; retryAt?: number }> {
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

async function settleFailure(
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
