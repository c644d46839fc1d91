import { browser } from 'wxt/browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/*
 * The sending side of the protocol, free of its schemas (type imports only): content scripts and extension
 * pages send, the background validates. Kept apart so the content script does not carry zod into the page.
 */

class MessagingError extends Error {
  override name = 'MessagingError';
}

/** Send a typed request to the background and return its typed answer, or throw with the background's reason. */
export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<T> | undefined;
  if (!reply) throw new MessagingError(`The extension's background did not answer "${type}".`);
  if (!reply.ok) throw new MessagingError(reply.error);
  return reply.data;
}
