import { parseIntent } from '../../lib/intents/intents';
import { startSandbox } from '../sandbox';
import { START } from '../sandbox/helpers';
import { loadSeed } from '../sandbox/seed-data';
import { buildSeed } from '../sandbox/seeds';
import { SandboxState } from '../sandbox/state';
import { type BenchModule, median, round } from './report';

/*
 * Costs that tests used to bound with a timer: building and starting the large sandbox (the e2e and bench
 * start-up), and how long the intent schema takes to refuse a hostile `enqueue` (the
 * refusal must stay cheap however big the payload is). Medians of 7.
 */

const RUNS = 7;

async function timed(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return round(median(times), 1);
}

const UNPIN = { kind: 'unpinMessages', chatId: 'CT_1_700012345', messageIds: ['1700000000000_1'] };
const HOSTILE: [string, unknown][] = [
  ['a 1 MB chat id', { intents: [{ ...UNPIN, chatId: 'C'.repeat(1_000_000) }] }],
  ['100,000 message ids', { intents: [{ ...UNPIN, messageIds: Array.from({ length: 100_000 }, () => '1_1') }] }],
];

export const startup: BenchModule = {
  name: 'startup',
  title: 'Sandbox start-up and refusing hostile messages',
  async run() {
    const build = await timed(() => loadSeed(new SandboxState(() => START), buildSeed('large', START)));
    const start = await timed(async () => (await startSandbox({ seed: 'large' })).stop());
    const refusals = [];
    for (const [what, data] of HOSTILE) {
      // The envelope only caps the number of intents; each intent then goes through the intent schema.
      const ms = await timed(() => {
        for (const intent of (data as { intents: unknown[] }).intents) parseIntent(intent);
      });
      refusals.push({ what, ms });
    }
    return {
      tables: [
        {
          title: 'Sandbox with the large seed (median of 7)',
          columns: ['step', 'ms'],
          rows: [
            ['build the seed into state', build],
            ['start the HTTP server with it, and stop', start],
          ],
        },
        {
          title: 'Refusing a hostile enqueue from a content script (median of 7)',
          columns: ['payload', 'ms'],
          rows: refusals.map((r) => [r.what, r.ms]),
        },
      ],
      data: { buildMs: build, startMs: start, refusals },
    };
  },
};
