import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type CliqClient, type CliqClientOptions, createCliqClient } from '../../../lib/cliq/client';
import { endpoints, type OperationName } from '../../../lib/cliq/endpoints/index';
import { type Sandbox, startSandbox } from '../../sandbox';
import type { Chat, ChatType, Message } from '../../sandbox/state';

const covered = new Set<OperationName>();

/** Operations whose request a test saw the sandbox log on the operation's route (see contract.test.ts). */
export const coveredOperations = (): ReadonlySet<OperationName> => covered;

/**
 * One sandbox per test file, reset to the default seed before each test so budgets, locks and data start
 * fresh. The client reads the sandbox clock, which Cliq would compare `last_sync_time` with.
 */
export function useSandbox() {
  let sandbox: Sandbox | undefined;
  let cliq: CliqClient | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'default' });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  beforeEach(() => {
    sandbox?.reset('default');
    // The seed's lists were changed "now"; a view is stamped at the earliest Cliq's clock can have shown
    // (within the Date header's second), so a write right after seeding would rightly be refused as stale.
    sandbox?.clock.advance(2_000);
    cliq = clientFor(sandbox as Sandbox);
  });

  const sb = () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };
  return {
    sb,
    client: () => cliq as CliqClient,
    /** A second signed-in client, as another device of the same user would be. */
    otherDevice: () => clientFor(sb()),
    clientWith: (options: Partial<CliqClientOptions>) => clientFor(sb(), options),
    /** Asserts the sandbox logged the last request on the route the table names for `op`, and counts `op` covered. */
    expectRoute(op: OperationName) {
      const last = sb().requests().at(-1);
      expect(last && `${last.method} ${last.template}`).toBe(endpoints[op].budget.key);
      covered.add(op);
    },
    requestCount: () => sb().requests().length,
    chats: (type?: ChatType) => chatsOf(sb(), type),
    pinCount: (chat: Chat) => sb().state.pins.get(chat.id)?.entries.length ?? 0,
    pinnedIds: (chat: Chat) =>
      sb()
        .state.pins.get(chat.id)
        ?.entries.map((p) => p.messageId) ?? [],
    messages: (chat: Chat): Message[] => sb().state.messagesOf(chat),
    folders: () => sb().state.folders,
    me: () => sb().state.currentUserId,
  };
}

function clientFor(sandbox: Sandbox, options: Partial<CliqClientOptions> = {}): CliqClient {
  return createCliqClient({
    apiBase: () => sandbox.url,
    getToken: async () => sandbox.token,
    now: () => sandbox.clock.now(),
    timeoutMs: 5_000,
    // The contract tests call every operation of the catalogue, not only the product's.
    endpoints,
    ...options,
  });
}

/** Chats the signed-in user takes part in, optionally of one type. */
function chatsOf(sandbox: Sandbox, type?: ChatType): Chat[] {
  return [...sandbox.state.chats.values()].filter(
    (chat) => sandbox.state.isParticipant(chat) && (type === undefined || chat.type === type),
  );
}

export function first<T>(items: readonly T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`the default seed has no ${what}`);
  return item;
}

export { failureOf } from '../../helpers';
