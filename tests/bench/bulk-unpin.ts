import type { IntentInput } from '../../lib/intents/intents';
import { busiestWindow } from '../helpers';
import { loadSeed, seedChats } from '../integration/queue/setup';
import { startSandbox } from '../sandbox';
import { type BenchModule, median, round } from './report';
import { startBenchWorker } from './worker';

/*
 * (1) Bulk unpin of 1,000 pins over 40 chats against the sandbox on a scaled minute: how many requests the
 * queue sends against the optimum (Σ ceil(n/25) = 40) and against one request per pin (what Cliq's own UI
 * does), whether any was refused, and how long it took compared with the least the rate limit allows.
 * The time beyond that least does not scale with the minute, so a scaled minute magnifies its share: the table
 * says what it comes to at Cliq's 60 s minute, and `BENCH_BULK_MINUTE_MS=60000` runs there (one run per shape,
 * about a minute each).
 */

const CHATS = 40;
const PINS_PER_CHAT = 25;
const CLIQ_MINUTE_MS = 60_000;
const MINUTE_MS = Number(process.env.BENCH_BULK_MINUTE_MS ?? 2_000);
const RUNS = MINUTE_MS >= CLIQ_MINUTE_MS ? 1 : 3;
const DELETE_PER_MINUTE = 20;

/** The last of `requests` can go no sooner than this after the first, at `perMinute` in any rolling minute. */
const floorMs = (requests: number, perMinute: number, minuteMs: number) =>
  Math.floor((requests - 1) / perMinute) * minuteMs;

interface Run {
  wallMs: number;
  deletes: number;
  otherRequests: number;
  refused429: number;
  busiestMinute: number;
  pinsLeft: number;
  /** Where the time beyond the floor goes: start to the first DELETE's arrival (journalling the intents, planning,
   * reserving, the request on its way), the first window's arrivals spread (each slot frees a minute after its
   * answer, so the next window spreads as much), and the last arrival to the end (its answer, journalled). */
  toFirstMs: number;
  firstWindowMs: number;
  afterLastMs: number;
}

async function once(shape: 'perChat' | 'perPin'): Promise<Run> {
  const sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
  try {
    const { seed, chats } = seedChats(CHATS, PINS_PER_CHAT, PINS_PER_CHAT);
    await loadSeed(sandbox, seed);
    const worker = await startBenchWorker(sandbox, MINUTE_MS);
    const intents: IntentInput[] =
      shape === 'perChat'
        ? chats.map(({ chatId, messageIds }) => ({ kind: 'unpinMessages', chatId, messageIds }))
        : chats.flatMap(({ chatId, messageIds }) =>
            messageIds.map((id) => ({ kind: 'unpinMessages' as const, chatId, messageIds: [id] })),
          );
    sandbox.clearRequests();
    const started = Date.now();
    const queued = await worker.queue.enqueue(intents);
    if (!queued.ok) throw new Error(queued.error);
    await worker.queue.run();
    const wallMs = Date.now() - started;
    const log = sandbox.requests();
    const deletes = log.filter((r) => r.method === 'DELETE');
    const arrivals = deletes.map((r) => r.at).sort((a, b) => a - b);
    const at = (index: number) => arrivals[Math.min(index, arrivals.length - 1)] ?? started;
    return {
      wallMs,
      toFirstMs: at(0) - started,
      firstWindowMs: at(DELETE_PER_MINUTE - 1) - at(0),
      afterLastMs: started + wallMs - at(arrivals.length - 1),
      deletes: deletes.length,
      otherRequests: log.length - deletes.length,
      refused429: log.filter((r) => r.status === 429).length,
      busiestMinute: busiestWindow(
        deletes.map((r) => r.at),
        MINUTE_MS,
      ),
      pinsLeft: chats.reduce((sum, { chatId }) => sum + (sandbox.state.pins.get(chatId)?.entries.length ?? 0), 0),
    };
  } finally {
    await sandbox.stop();
  }
}

export const bulkUnpin: BenchModule = {
  name: 'bulk-unpin',
  title: `(1) Bulk unpin of ${CHATS * PINS_PER_CHAT} pins over ${CHATS} chats (scaled minute ${MINUTE_MS} ms)`,
  async run() {
    const optimum = CHATS * Math.ceil(PINS_PER_CHAT / 25);
    const perPin = CHATS * PINS_PER_CHAT;
    const shapes = { perChat: 'one intent per chat (popup)', perPin: 'one intent per pin (page)' } as const;
    const rows = [];
    const data: Record<string, unknown> = {};
    for (const shape of ['perChat', 'perPin'] as const) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(shape));
      const wall = median(runs.map((r) => r.wallMs));
      const deletes = median(runs.map((r) => r.deletes));
      const floor = floorMs(deletes, DELETE_PER_MINUTE, MINUTE_MS);
      rows.push([
        shapes[shape],
        deletes,
        optimum,
        perPin,
        median(runs.map((r) => r.otherRequests)),
        Math.max(...runs.map((r) => r.refused429)),
        Math.max(...runs.map((r) => r.busiestMinute)),
        Math.max(...runs.map((r) => r.pinsLeft)),
        `${Math.round(wall)} ms`,
        `${floor} ms`,
        `${round(wall / floor)}x`,
        `${median(runs.map((r) => r.toFirstMs))} / ${median(runs.map((r) => r.firstWindowMs))} / ${median(runs.map((r) => r.afterLastMs))} ms`,
        `${round((floorMs(deletes, DELETE_PER_MINUTE, CLIQ_MINUTE_MS) + wall - floor) / floorMs(deletes, DELETE_PER_MINUTE, CLIQ_MINUTE_MS), 3)}x`,
      ]);
      data[shape] = { runs, medianWallMs: wall, floorMs: floor, wallOverFloor: wall / floor, optimum, perPin };
    }
    const extensionFloor = floorMs(optimum, DELETE_PER_MINUTE, CLIQ_MINUTE_MS);
    const onePerPinFloor = floorMs(perPin, DELETE_PER_MINUTE, CLIQ_MINUTE_MS);
    // The time beyond the floor is request and bookkeeping time, which does not grow with the minute.
    const perChat = data.perChat as { medianWallMs: number; floorMs: number };
    const atCliqRate = extensionFloor + perChat.medianWallMs - perChat.floorMs;
    data.atCliqMinute = {
      extensionFloorMs: extensionFloor,
      onePerPinFloorMs: onePerPinFloor,
      extensionEstimateMs: atCliqRate,
    };
    return {
      data: { minuteMs: MINUTE_MS, runs: RUNS, ...data },
      tables: [
        {
          title: `Requests and time (median of ${RUNS} runs; 429s, busiest minute and pins left: worst run)`,
          columns: [
            'intents sent as',
            'DELETEs',
            'optimum',
            'one per pin',
            'other reqs',
            '429s',
            'busiest min',
            'pins left',
            'wall',
            'rate floor',
            'wall/floor',
            'to 1st / 1st window / after last',
            'at 60 s minute',
          ],
          rows,
          notes: [
            `optimum = Σ ceil(n/25) over the chats; rate floor = the last DELETE cannot go before floor((DELETEs-1)/${DELETE_PER_MINUTE}) minutes.`,
            'busiest min = most DELETEs arriving in any rolling scaled minute (documented limit 20).',
            `to 1st = start to the first DELETE's arrival; 1st window = its first ${DELETE_PER_MINUTE} arrivals' spread (the next window spreads as much: a slot frees a minute after its answer); after last = the last arrival to the end.`,
            `at 60 s minute = (Cliq's floor + this run's time beyond the floor) / Cliq's floor: that time does not grow with the minute${MINUTE_MS >= CLIQ_MINUTE_MS ? ' (this run is at that minute)' : ''}.`,
          ],
        },
        {
          title: "At Cliq's real minute (60 s)",
          columns: ['who', 'requests', 'least time the limit allows'],
          rows: [
            ['Cliq Pins (rate floor + this run’s time beyond it)', optimum, `${round(atCliqRate / 1000, 1)} s`],
            ['Cliq Pins, rate floor', optimum, `${extensionFloor / 1000} s`],
            ["one request per pin (Cliq's own UI)", perPin, `${onePerPinFloor / 60_000} min`],
          ],
        },
      ],
    };
  },
};
