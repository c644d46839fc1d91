import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { signInToSandbox } from '../e2e/sign-in';
import { type Sandbox, startSandbox } from '../sandbox';
import { launchBenchBrowser } from './browser';
import { type BenchModule, median, ms, round } from './report';

/*
 * (4) What the content script costs on a Cliq page with 5,000 messages (the sandbox's large seed): its
 * scripting time per 1,000 message nodes, and the longest it holds the main thread at once, from a Chromium
 * performance trace of the page load until the page is served (the pin control in place and every pinned message
 * on the page marked). The same page in a browser without the extension gives the page's own tasks for comparison.
 */

const RUNS = 7;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own clock: time on a CPU, without the time the OS gave the core to other processes. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

interface Measure {
  messages: number;
  /** Scripting time of the content script (its own calls, and what they do synchronously). */
  scriptMs: number;
  /** The longest the content script held the main thread in one go (one top-level call). */
  longestCallMs: number;
  /** The most CPU time one top-level call used: on a loaded machine a call's wall time also holds others' turns. */
  longestCallCpuMs: number;
  /** The longest main-thread task of any kind (the page renders its messages in one). */
  longestTaskMs: number;
  /** Evaluating the content script itself (its first top-level call). */
  evaluateMs: number;
  /** Main-thread tasks longer than a frame (16 ms) and than a "long task" (50 ms). */
  tasksOver16: number;
  tasksOver50: number;
}

/** Reads a trace: top-level calls into `scriptUrl` on the page's main thread, and that thread's tasks. */
function readTrace(buffer: Uint8Array, scriptUrl: string | undefined, pageThread: (e: TraceEvent) => boolean) {
  const events = (JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && pageThread(e));
  const tasks = complete.filter((e) => e.name === 'RunTask');
  const calls = scriptUrl
    ? complete
        .filter((e) => ['FunctionCall', 'EvaluateScript', 'v8.callFunction'].includes(e.name))
        .filter((e) => e.args?.data?.url?.startsWith(scriptUrl))
        .sort((a, b) => a.ts - b.ts)
    : [];
  // Nested calls (a callback inside a call) are inside their parent's time already.
  const outer: TraceEvent[] = [];
  for (const call of calls) {
    const last = outer.at(-1);
    if (last && call.ts < last.ts + (last.dur ?? 0)) continue;
    outer.push(call);
  }
  const durations = tasks.map((t) => (t.dur ?? 0) / 1000);
  return {
    scriptMs: outer.reduce((sum, c) => sum + (c.dur ?? 0), 0) / 1000,
    longestCallMs: Math.max(0, ...outer.map((c) => (c.dur ?? 0) / 1000)),
    longestCallCpuMs: Math.max(0, ...outer.map((c) => (c.tdur ?? 0) / 1000)),
    longestTaskMs: Math.max(0, ...durations),
    evaluateMs: (calls.find((c) => c.name === 'EvaluateScript')?.dur ?? 0) / 1000,
    tasksOver16: durations.filter((d) => d > 16).length,
    tasksOver50: durations.filter((d) => d > 50).length,
  };
}

/** The renderer main thread that ran the page: the one that committed its load. */
function mainThreadOf(buffer: Uint8Array, pageUrl: string): (e: TraceEvent) => boolean {
  const events = (JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marker = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.url?.startsWith(pageUrl));
  if (!marker) throw new Error('the page load is not in the trace');
  return (e) => e.pid === marker.pid && e.tid === marker.tid;
}

async function loadOnce(
  page: Page,
  url: string,
  done: (pinned: string[]) => boolean,
  pinned: string[],
  scriptUrl?: string,
): Promise<Measure> {
  await page.goto('about:blank');
  await page.tracing.start({ categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(done, { timeout: 60_000, polling: 50 }, pinned);
  // Let the last frame's work finish before the trace ends.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
  const buffer = await page.tracing.stop();
  if (!buffer) throw new Error('no trace');
  const messages = await page.$$eval('[msg-cont][msguid]', (els) => els.length);
  const origin = new URL(url).origin;
  return { messages, ...readTrace(buffer, scriptUrl, mainThreadOf(buffer, origin)) };
}

function bigChat(sandbox: Sandbox): string {
  const chat = [...sandbox.state.chats.values()].find((c) => c.generated?.count === 5000);
  if (!chat) throw new Error('the large seed has no 5,000-message chat');
  return chat.id;
}

/** Served: the one pin control is in place and every pinned message the page shows wears its marker. */
const served = (pinned: string[]) => {
  if (document.body.dataset.renderedChatId === undefined || !document.querySelector('[data-cliq-pins=pin-control]'))
    return false;
  const shown = pinned.filter((id) => document.querySelector(`[msg-cont][msguid="${id}"]`));
  return shown.length > 0 && document.querySelectorAll('[data-cliq-pins=pin-marker]').length === shown.length;
};
const rendered = () =>
  document.body.dataset.renderedChatId !== undefined && document.querySelectorAll('[msg-cont][msguid]').length > 0;

const traceRow = (runs: Measure[]) => [
  ms(median(runs.map((m) => m.longestTaskMs))),
  median(runs.map((m) => m.tasksOver16)),
  median(runs.map((m) => m.tasksOver50)),
  `${round(median(runs.map((m) => m.evaluateMs)), 1)} ms`,
  `${round(median(runs.map((m) => m.longestCallMs)), 1)} ms`,
  `${round(median(runs.map((m) => m.longestCallCpuMs)), 1)} ms`,
];

export const contentCost: BenchModule = {
  name: 'content-cost',
  title: '(4) Content-script cost on a 5,000-message Cliq page',
  async run() {
    const sandbox = await startSandbox({ seed: 'large' });
    const chatId = bigChat(sandbox);
    const url = `${sandbox.url}/company/${sandbox.orgId}/chats/${chatId}`;
    // As the page writes them (`<ms>%20<id>`).
    const pinned = (sandbox.state.pins.get(chatId)?.entries ?? []).map((p) => p.messageId.replace('_', '%20'));
    const withExtension: Measure[] = [];
    const without: Measure[] = [];
    const session = await launchBenchBrowser();
    try {
      await signInToSandbox(session, sandbox);
      const page = await session.browser.newPage();
      const scriptUrl = `${session.origin}/content-scripts/`;
      for (let run = 0; run < RUNS; run++) withExtension.push(await loadOnce(page, url, served, pinned, scriptUrl));
    } finally {
      await session.close();
    }
    const plain: Browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await plain.newPage();
      for (let run = 0; run < RUNS; run++) without.push(await loadOnce(page, url, rendered, pinned));
    } finally {
      await Promise.all([plain.close(), sandbox.stop()]);
    }
    const messages = median(withExtension.map((m) => m.messages));
    const perThousand = median(withExtension.map((m) => m.scriptMs / (m.messages / 1000)));
    return {
      data: { runs: RUNS, messages, perThousandMs: perThousand, withExtension, without },
      tables: [
        {
          title: `Page load until served: pin control placed, pinned messages marked (median of ${RUNS} runs, headless Chromium)`,
          columns: ['', 'messages', 'content script', 'per 1,000 messages', 'longest call', 'longest task'],
          rows: [
            [
              'with Cliq Pins',
              messages,
              ms(median(withExtension.map((m) => m.scriptMs))),
              `${round(perThousand, 1)} ms`,
              ms(median(withExtension.map((m) => m.longestCallMs))),
              ms(median(withExtension.map((m) => m.longestTaskMs))),
            ],
            [
              'without',
              median(without.map((m) => m.messages)),
              '-',
              '-',
              '-',
              ms(median(without.map((m) => m.longestTaskMs))),
            ],
          ],
          notes: [
            'content script = its top-level calls in the trace, DOM work done inside them included; longest call = the longest',
            'of those (the most it blocks the page at once); longest task = any main-thread task (the page renders all messages in one).',
          ],
        },
        {
          title: `Trace summary, the ${messages}-message chat (median of ${RUNS} runs)`,
          columns: [
            '',
            'longest task',
            'tasks > 16 ms',
            'tasks > 50 ms',
            'script evaluation',
            'longest call',
            'most CPU in one call',
          ],
          rows: [
            ['with Cliq Pins', ...traceRow(withExtension)],
            ['without', ...traceRow(without).slice(0, 3), '-', '-', '-'],
          ],
          notes: [
            "From the Chromium trace of the page load: main-thread tasks of the page's renderer; script evaluation and longest",
            "call are the content script's own (evaluation is its first top-level call; the longest includes it). CPU is the",
            'thread clock of its costliest call: what one call cost, without the turns the OS gave other processes meanwhile.',
          ],
        },
      ],
    };
  },
};
