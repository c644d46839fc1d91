import { startAccountEpoch } from '../auth/page-snapshot';
import type { MessageType, RequestOf, ResponseOf } from './protocol';
import { sendMessage as send } from './send';

/*
 * The extension pages' sender (popup, options, side panel). Free of the protocol's schemas like `send.ts`, so a
 * page's start does not carry zod; content scripts use `send.ts`, since they may send none of these requests.
 */

/** The requests after which another account's data, or none, may be the extension's (lib/auth/page-snapshot.ts). */
const CHANGES_ACCOUNT: ReadonlySet<MessageType> = new Set<MessageType>(['signIn', 'signOut', 'saveConnection']);

/**
 * Before a request that can change the signed-in account leaves, the copy of the popup's first screen the pages
 * keep is voided, since the worker, which makes the change, cannot reach it.
 */
export function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  if (CHANGES_ACCOUNT.has(type)) startAccountEpoch();
  return send(type, data);
}
