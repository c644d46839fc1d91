import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type CliqClientOptions, createCliqClient } from '../../../lib/cliq/client';
import { endpoints } from '../../../lib/cliq/endpoints/index';
import { type LoggedRequest, type Sandbox, startSandbox } from '../../sandbox';

/**
 * One sandbox (default seed) per test file, reset before each test, and clients connected to it: the client's
 * tests read what it put on the wire back from the sandbox's request log.
 */
export function useClientSandbox() {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'default' });
  });
  afterAll(() => sandbox?.stop());
  beforeEach(() => sandbox?.reset('default'));
  const sb = () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };
  // The client's tests reach every operation of the catalogue, not only the product's.
  const connect = (options: Partial<CliqClientOptions> = {}) =>
    createCliqClient({ apiBase: () => sb().url, getToken: async () => sb().token, endpoints, ...options });
  /** The one request the sandbox logged, which must match `expected`. */
  const onlyRequest = (expected: Partial<LoggedRequest>): LoggedRequest => {
    const sent = sb().requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject(expected);
    return sent[0] as LoggedRequest;
  };
  return { sb, connect, onlyRequest };
}
