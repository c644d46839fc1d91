import { type Budget, endpoints } from '../../lib/cliq';
import type { IntentInput } from '../../lib/intents/intents';
import { busiestWindow } from '../helpers';
import { loadSeed } from '../integration/queue/setup';
import type { SeedData } from '../sandbox';
import { startSandbox } from '../sandbox';
import { type BenchModule, percent, type Table } from './report';
import { type BenchWorker, budgetOf, startBenchWorker } from './worker';

/*
 * (2) Queue throughput against each budget the extension uses, as a fraction of the documented threshold,
 * over 10 scaled minutes. A feeder keeps more work queued than a budget allows, so the budget, not the work,
 * is the limit. Folder intents all share one list (they run in order), so folder budgets are measured in
 * phases whose mixes keep each measured budget saturated. Each phase's minute is scaled so the queue sends at
 * most about 40 requests a second: the numbers measure pacing, not this machine's speed.
 */

const MINUTES = 10;
const MEMBER = '61000002';

interface Workload {
  name: string;
  /** Intents kept waiting in the queue, so a freed slot never finds it empty. */
  backlog: number;
  /** The intents of the workload's i-th step; empty when it has nothing more right now. */
  next(i: number, worker: BenchWorker): Promise<IntentInput[]>;
}

interface Phase {
  name: string;
  minuteMs: number;
  seed: SeedData;
  measured: Budget[];
  workloads: Workload[];
}

const chatIdOf = (prefix: number, i: number) => `CT_${prefix + i}_700012345`;
const messageIdOf = (chat: number, i: number) => `${1_760_000_000_000 + chat * 1000 + i}_${400_000 + chat * 100 + i}`;

function chats(prefix: number, count: number, messages: number, pins: number) {
  return Array.from({ length: count }, (_, c) => {
    const id = chatIdOf(prefix, c);
    const ids = Array.from({ length: messages }, (_, i) => messageIdOf(prefix + c, i));
    return { id, ids, pinned: ids.slice(0, pins) };
  });
}

function seedOf(
  groups: ReturnType<typeof chats>[],
  extra: Partial<SeedData> = {},
  plainChats: string[] = [],
): SeedData {
  const all = groups.flat();
  return {
    users: [{ id: MEMBER, name: 'Sam Lee' }],
    chats: [
      ...all.map(({ id, ids }) => ({
        id,
        type: 'group_chat' as const,
        title: id,
        memberIds: [MEMBER],
        messages: ids.map((messageId) => ({ id: messageId, senderId: MEMBER, text: 'hello' })),
      })),
      ...plainChats.map((id) => ({ id, type: 'group_chat' as const, title: id, memberIds: [MEMBER] })),
    ],
    pins: all.flatMap(({ id, pinned }) => pinned.map((messageId) => ({ chatId: id, messageId }))),
    ...extra,
  };
}

const budget = (op: keyof typeof endpoints) => endpoints[op].budget;

function pinPhase(): Phase {
  const unpins = chats(10_000, 260, 1, 1);
  const pins = chats(20_000, 12, 25, 0);
  const moves = chats(30_000, 6, 2, 2);
  return {
    name: 'pin messages: unpin, pin, reorder (read + move)',
    minuteMs: 2_000,
    seed: seedOf([unpins, pins, moves]),
    measured: [
      budget('unpinMessages'),
      budget('pinMessage'),
      budget('reorderPinnedMessage'),
      budget('listPinnedMessages'),
    ],
    workloads: [
      {
        name: 'unpin one pin per chat',
        backlog: 6,
        next: async (i) => {
          const chat = unpins[i];
          return chat ? [{ kind: 'unpinMessages', chatId: chat.id, messageIds: chat.pinned }] : [];
        },
      },
      {
        name: 'pin a message',
        backlog: 6,
        next: async (i) => {
          const chat = pins[Math.floor(i / 25)];
          return chat ? [{ kind: 'pinMessage', chatId: chat.id, messageId: chat.ids[i % 25] as string }] : [];
        },
      },
      {
        // Each move is based on a fresh read of the list, since the previous move changed it.
        name: 'make the other pin primary',
        backlog: 12,
        next: async (i) => {
          const chat = moves[i % moves.length] as (typeof moves)[number];
          const round = Math.floor(i / moves.length);
          return [{ kind: 'makePrimary', chatId: chat.id, messageId: chat.pinned[(round + 1) % 2] as string }];
        },
      },
    ],
  };
}

function folderPhase50(): Phase {
  const pinned = Array.from({ length: 80 }, (_, i) => chatIdOf(40_000, i));
  return {
    name: 'folders, 50-a-minute budgets: rename, pin a chat, unpin it',
    minuteMs: 3_000,
    seed: seedOf(
      [],
      {
        folders: [
          { id: '501', title: 'Renamed 0' },
          { id: '502', title: 'Target' },
        ],
      },
      pinned,
    ),
    measured: [budget('updateFolder'), budget('pinChat'), budget('unpinChat')],
    workloads: [
      {
        name: 'rename, pin a chat, unpin it',
        backlog: 30,
        next: async (i) => {
          const chatId = pinned[i % pinned.length] as string;
          return [
            { kind: 'renameFolder', folderId: '501', title: `Renamed ${i + 1}` },
            { kind: 'pinChatToFolder', chatId, folderId: '502' },
            { kind: 'unpinChat', chatId },
          ];
        },
      },
    ],
  };
}

function folderPhase20(): Phase {
  const pinned = Array.from({ length: 80 }, (_, i) => chatIdOf(50_000, i));
  return {
    name: 'folders, 20-a-minute budgets: remove chats everywhere, read + move a folder',
    minuteMs: 3_000,
    seed: seedOf(
      [],
      {
        folders: [
          { id: '601', title: 'Mover' },
          { id: '602', title: 'Anchor' },
        ],
      },
      pinned,
    ),
    measured: [budget('removeChatsFromAllFolders'), budget('listFolders')],
    workloads: [
      {
        // Each move is based on a fresh read of the folder list, since the writes before it changed it.
        name: 'pin a chat, remove it everywhere, move a folder',
        backlog: 12,
        next: async (i) => {
          const chatId = pinned[i % pinned.length] as string;
          return [
            { kind: 'pinChatToFolder', chatId },
            { kind: 'removeChatsFromAllFolders', chatIds: [chatId] },
            { kind: 'moveFolder', folderId: '601', ...(i % 2 === 0 ? { above: '602' } : {}) },
          ];
        },
      },
    ],
  };
}

function folderCreatePhase(): Phase {
  const deleting = new Set<string>();
  return {
    name: 'folders: create, and delete each once Cliq confirmed it',
    minuteMs: 2_000,
    seed: seedOf([]),
    measured: [budget('createFolder'), budget('deleteFolder')],
    workloads: [
      {
        // Few at a time: Cliq holds at most 50 folders, so creating may only run ahead of deleting a little.
        name: 'create a folder',
        backlog: 4,
        next: async (i) => [{ kind: 'createFolder', title: `Bench ${i + 1}` }],
      },
      {
        name: 'delete a folder created here',
        backlog: 8,
        next: async (_, worker) => {
          const folder = (await worker.db.getAll('folders')).find(
            (f) => f.title?.startsWith('Bench ') && !deleting.has(f.folderId),
          );
          if (!folder) return [];
          deleting.add(folder.folderId);
          return [{ kind: 'deleteFolder', folderId: folder.folderId }];
        },
      },
    ],
  };
}

interface Measured {
  budget: string;
  perMinute: number;
  sent: number;
  perScaledMinute: number;
  fraction: number;
  busiestMinute: number;
}

async function runPhase(phase: Phase) {
  const sandbox = await startSandbox({ seed: 'empty', minuteMs: phase.minuteMs });
  try {
    await loadSeed(sandbox, phase.seed);
    const worker = await startBenchWorker(sandbox, phase.minuteMs);
    const mine = phase.workloads.map(() => new Set<number>());
    const steps = phase.workloads.map(() => 0);
    const started = Date.now();
    const until = started + MINUTES * phase.minuteMs;
    let running: Promise<void> = Promise.resolve();
    while (Date.now() < until) {
      const open = new Set(
        [
          ...(await worker.db.getAllKeysFromIndex('intents', 'byState', 'queued')),
          ...(await worker.db.getAllKeysFromIndex('intents', 'byState', 'sending')),
        ].map(Number),
      );
      for (const [w, workload] of phase.workloads.entries()) {
        const ids = mine[w] as Set<number>;
        for (const id of ids) if (!open.has(id)) ids.delete(id);
        while (ids.size < workload.backlog) {
          const intents = await workload.next(steps[w] as number, worker);
          if (intents.length === 0) break;
          steps[w] = (steps[w] as number) + 1;
          const queued = await worker.queue.enqueue(intents);
          if (!queued.ok) throw new Error(`${workload.name}: ${queued.error}`);
          for (const id of queued.ids) ids.add(id);
        }
      }
      running = worker.queue.run();
      await new Promise((resolve) => setTimeout(resolve, phase.minuteMs / 40));
    }
    worker.queue.stop();
    await running.catch(() => undefined);
    const log = sandbox.requests().filter((r) => r.at >= started && r.at < until);
    const failed = (await worker.db.getAllFromIndex('intents', 'byState', 'failed')).map(
      (r) => `${r.intent.kind}: ${r.error?.message}`,
    );
    const measured: Measured[] = phase.measured.map((b) => {
      const times = log.filter((r) => budgetOf(r)?.key === b.key).map((r) => r.at);
      return {
        budget: b.key,
        perMinute: b.perMinute,
        sent: times.length,
        perScaledMinute: times.length / MINUTES,
        fraction: times.length / (MINUTES * b.perMinute),
        busiestMinute: busiestWindow(times, phase.minuteMs),
      };
    });
    return {
      phase: phase.name,
      minuteMs: phase.minuteMs,
      measured,
      refused429: log.filter((r) => r.status === 429).length,
      requests: log.length,
      failed,
    };
  } finally {
    await sandbox.stop();
  }
}

export const throughput: BenchModule = {
  name: 'throughput',
  title: `(2) Queue throughput per budget over ${MINUTES} scaled minutes`,
  async run() {
    const phases = [];
    for (const phase of [pinPhase(), folderPhase50(), folderPhase20(), folderCreatePhase()])
      phases.push(await runPhase(phase));
    const table: Table = {
      title: 'Requests per scaled minute against the documented threshold',
      columns: ['budget', 'threshold/min', 'sent', 'per min', 'of threshold', 'busiest min', 'phase'],
      rows: phases.flatMap((p, i) =>
        p.measured.map((m) => [
          m.budget,
          m.perMinute,
          m.sent,
          m.perScaledMinute.toFixed(1),
          percent(m.fraction),
          m.busiestMinute,
          `${String.fromCharCode(65 + i)} (${p.minuteMs} ms min)`,
        ]),
      ),
      notes: [
        ...phases.map(
          (p, i) =>
            `phase ${String.fromCharCode(65 + i)}: ${p.phase}; ${p.requests} requests, ${p.refused429} answered 429, ${p.failed.length} intents failed`,
        ),
        'busiest min = most requests arriving in any rolling scaled minute; over the threshold would be a lock-out.',
        'GET /v3/chats (the sweep’s recent-chats read, 30/min) runs once per sweep and is not a sustained workload.',
      ],
    };
    return { tables: [table], data: { minutes: MINUTES, phases } };
  },
};
