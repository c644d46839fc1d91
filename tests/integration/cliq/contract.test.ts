import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../lib/cliq/endpoints/index';
import { coveredOperations } from './harness';
import './pin-messages.contract';
import './folders.contract';
import './chats-v2.contract';
import './chats-v3.contract';
import './chat-membership.contract';
import './messages-v2.contract';
import './failures.contract';

/*
 * The client against the sandbox, one suite per area, run in this one file so that coverage can be counted from
 * what they did: an operation counts once a test saw the sandbox log its request on the operation's own route.
 */
describe('contract coverage', () => {
  it.each(Object.keys(endpoints))('%s reached its route in the sandbox in a test above', (op) => {
    expect([...coveredOperations()]).toContain(op);
  });
});
