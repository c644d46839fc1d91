import type { CliqCaller } from '../../../lib/budget/call';
import {
  type CliqClient,
  CliqError,
  type CliqErrorKind,
  createCliqClient,
  endpointFor,
  type OperationName,
  type ProductOperation,
} from '../../../lib/cliq';
import { type Sandbox, startSandbox } from '../../sandbox';
import { createChat } from '../../sandbox/chats';
import type { Chat, Folder, Pin } from '../../sandbox/state';

/**
 * Cliq for the queue's and the sync's unit tests: the sandbox itself (its state model, routes, rate limits and
 * error codes, over loopback in this process) on the test's manual clock, so Cliq's rules exist once, in the
 * sandbox, and a test can jump time instead of sleeping. `script` adds what the network does to one call, which
 * no server can be asked for: an answer lost after the write was applied, a call that never returns.
 */

export class ManualClock {
  constructor(public time = 1_700_000_000_000) {}
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
}

/** Virtual sleep: time jumps instead of passing. */
export const virtualSleep = (clock: ManualClock) => async (ms: number) => {
  clock.advance(ms);
};

/** What happens to the next call of an operation. */
export type Script =
  /** The call fails with this kind; with `applied`, the sandbox got and applied it first (the answer was lost). */
  | { fail: CliqErrorKind; code?: string; applied?: boolean }
  /** Never answers (the worker "dies" mid-request); the sandbox applies the write first when `applied`. */
  | { hang: true; applied?: boolean }
  /** Something else happens just before this call arrives (another device edits the list, time passes). */
  | { before: () => void | Promise<void> };

export interface Call {
  op: OperationName;
  params: unknown;
  at: number;
}

export class SandboxCliq implements CliqCaller {
  readonly calls: Call[] = [];
  /** Another signed-in device of the same user, for changes the extension did not make. */
  readonly otherDevice: CliqClient;
  private readonly client: CliqClient;
  private readonly scripts = new Map<OperationName, Script[]>();

  private constructor(
    readonly sandbox: Sandbox,
    readonly clock: ManualClock,
  ) {
    const connect = () =>
      createCliqClient({
        apiBase: () => sandbox.url,
        getToken: async () => sandbox.token,
        now: clock.now,
        timeoutMs: 5_000,
      });
    this.client = connect();
    this.otherDevice = connect();
  }

  /** `timeSource` lets the sandbox's time run apart from the test's clock (default: the same clock). */
  static async start(clock: ManualClock, timeSource: () => number = clock.now): Promise<SandboxCliq> {
    const sandbox = await startSandbox({ seed: 'empty', timeSource });
    return new SandboxCliq(sandbox, clock);
  }

  stop(): Promise<void> {
    return this.sandbox.stop();
  }

  script(op: OperationName, ...answers: Script[]): void {
    this.scripts.set(op, [...(this.scripts.get(op) ?? []), ...answers]);
  }

  call = (async (op: ProductOperation, params: unknown) => {
    this.calls.push({ op, params: endpointFor(op).params.parse(params), at: this.clock.now() });
    const script = this.scripts.get(op)?.shift();
    if (script && 'before' in script) await script.before();
    const send = () => this.client.call(op, params as never);
    if (script && 'hang' in script) {
      if (script.applied) await send();
      return new Promise(() => {});
    }
    if (script && 'fail' in script) {
      if (script.applied) await send();
      throw new CliqError({ kind: script.fail, operation: op, message: `scripted ${script.fail}`, code: script.code });
    }
    return send();
  }) as CliqCaller['call'];

  callsOf(op: OperationName): Call[] {
    return this.calls.filter((c) => c.op === op);
  }

  /** A group chat of the signed-in user, made on first mention. */
  chat(chatId: string): Chat {
    const { state } = this.sandbox;
    return (
      state.chat(chatId) ??
      createChat(state, {
        id: chatId,
        type: 'group_chat',
        title: `chat ${chatId}`,
        creatorId: state.currentUserId,
        memberIds: [state.currentUserId],
      })
    );
  }

  /** Messages with these ids in the chat (made when missing). */
  messages(chatId: string, ids: readonly string[]): void {
    const { state } = this.sandbox;
    const chat = this.chat(chatId);
    for (const id of ids)
      if (!state.message(chat, id)) state.appendMessage(chat, state.currentUserId, `text of ${id}`, { id });
  }

  /** The chat's pins become exactly these, in order (the first is the primary), as if pinned a while ago. */
  seedPins(chatId: string, ids: readonly string[], expiry = -1): void {
    this.messages(chatId, ids);
    const now = this.clock.now();
    const entries: Pin[] = ids.map((messageId, i) => ({
      messageId,
      expiry,
      creatorId: this.sandbox.state.currentUserId,
      createdAt: now - 1000 - i,
      modifiedAt: now - 1000 - i,
    }));
    this.sandbox.state.pins.set(chatId, { entries, modifiedAt: now - 1, log: [] });
  }

  pins(chatId: string): Pin[] {
    return this.sandbox.state.pins.get(chatId)?.entries ?? [];
  }

  pinIds(chatId: string): string[] {
    return this.pins(chatId).map((p) => p.messageId);
  }

  get folders(): Folder[] {
    return this.sandbox.state.folders;
  }

  /** A folder holding these chats (made when missing), as if made a while ago. */
  addFolder(folder: { id: string; title: string; chatIds: string[] }): void {
    for (const chatId of folder.chatIds) this.chat(chatId);
    this.sandbox.state.folders.push({ symbol: '', state: 'expanded', ...folder });
  }
}
