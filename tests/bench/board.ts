import { BACKGROUND_SHARE } from '../../lib/budget/ledger';
import { endpoints } from '../../lib/cliq';
import { loadSeed, seedChats, sweepUntilDone } from '../integration/queue/setup';
import { startSandbox } from '../sandbox';
import { type BenchModule, round } from './report';
import { startBenchWorker } from './worker';

/*
 * (6) Time to a complete board: a user with 30, 180 or 500 chats signs in, and the background reads the chat
 * list and every chat's pins. Cliq offers no "which chats have pins", so each chat costs one GET pin-messages
 * at 20 a minute; the background leaves a quarter of that budget to the user's own actions.
 */

const SIZES = [30, 180, 500];
const MINUTE_MS = 300;
const PIN_READS_PER_MINUTE = endpoints.listPinnedMessages.budget.perMinute;
const BACKGROUND_PER_MINUTE = Math.max(1, Math.floor(PIN_READS_PER_MINUTE * BACKGROUND_SHARE));

/** The last of `requests` can go no sooner than this after the first, at `perMinute` in any rolling minute. */
const floorMinutes = (requests: number, perMinute: number) => Math.floor((requests - 1) / perMinute);

async function once(chats: number): Promise<{ wallMs: number; pinReads: number }> {
  const sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
  try {
    const { seed } = seedChats(chats, 2, 1);
    await loadSeed(sandbox, seed);
    const worker = await startBenchWorker(sandbox, MINUTE_MS);
    sandbox.clearRequests();
    const started = Date.now();
    await sweepUntilDone(worker);
    const wallMs = Date.now() - started;
    const pinReads = sandbox.requests().filter((r) => r.method === 'GET' && r.template?.endsWith('/pin-messages'));
    return { wallMs, pinReads: pinReads.length };
  } finally {
    await sandbox.stop();
  }
}

export const boardCompletion: BenchModule = {
  name: 'board',
  title: 'Time to a complete board (every chat’s pins read)',
  async run() {
    const rows = [];
    const data = [];
    for (const chats of SIZES) {
      const { wallMs, pinReads } = await once(chats);
      const minutes = wallMs / MINUTE_MS;
      const fullBudget = floorMinutes(chats, PIN_READS_PER_MINUTE);
      const backgroundBudget = floorMinutes(chats, BACKGROUND_PER_MINUTE);
      rows.push([
        chats,
        pinReads,
        `${round(minutes, 1)} min`,
        `${fullBudget} min`,
        `${round(minutes / Math.max(1, fullBudget))}x`,
        `${round(minutes / Math.max(1, backgroundBudget))}x`,
      ]);
      data.push({ chats, pinReads, minutes, fullBudgetMinutes: fullBudget, backgroundBudgetMinutes: backgroundBudget });
    }
    return {
      tables: [
        {
          title: `Sign-in to a complete board, at Cliq's minute (measured on a ${MINUTE_MS} ms scaled minute)`,
          columns: ['chats', 'pin reads', 'took', 'least the budget allows', 'ratio', 'ratio to the background share'],
          rows,
          notes: [
            `least the budget allows: one GET pin-messages per chat at ${PIN_READS_PER_MINUTE} a minute;`,
            `the background uses ${BACKGROUND_PER_MINUTE} of them and leaves the rest to the user's own actions,`,
            'so about 1.33x the full budget is the design; the chat list pages (100 a page) use another budget.',
          ],
        },
      ],
      data: { minuteMs: MINUTE_MS, sizes: data },
    };
  },
};
