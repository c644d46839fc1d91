import { endpointFor } from '../cliq';
import { type Intent, isPinIntent, listKeyOf } from '../intents/intents';
import { readFolderList, readPinList } from '../lists/read';
import { getFolderList, getPinLists } from '../store/cache';
import type { PinsDb } from '../store/db';
import { readQueueMeta, recoverSending, saveIntents, workableIntents } from '../store/journal';
import type { IntentRecord } from '../store/records';
import { planStep } from './planning/next-step';
import { MAX_IDS_PER_REQUEST, type Step, withIds } from './planning/step';
import { type Member, type Planned, type RunnerDeps, type SendStep, settleFailure, startSends } from './send';

/** One pass either did one thing (a request, or an intent finished) or says when there is work again. */
export type PassResult = { acted: true } | { acted: false; wakeAt: number | null; slotAt: number | null };

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
