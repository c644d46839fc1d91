import { vi } from 'vitest';
import { type CliqClientOptions, createCliqClient } from '../../../lib/cliq/client';

/** One scripted answer: a JSON body, raw text, a thrown error, or no answer at all. */
export type Reply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | { error: Error }
  | { hang: 'headers' | 'body' };

interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that plays replies in order and records what was sent; the unit under test is the client, not a server. */
function scriptedFetch(...replies: Reply[]) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ url: String(input), method: init.method ?? 'GET', headers, body });
    const reply = replies.shift() ?? { status: 204 };
    const signal = init.signal;
    const aborted = () =>
      new Promise<never>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError')));
      });
    if ('error' in reply) throw reply.error;
    if ('hang' in reply) {
      if (reply.hang === 'headers') return aborted();
      // Headers arrive, then the body stalls until the request is aborted.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data": ['));
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      });
      return new Response(stream, { status: 200 });
    }
    const status = reply.status ?? 200;
    const text = reply.text ?? (reply.json === undefined ? null : JSON.stringify(reply.json));
    return new Response(status === 204 ? null : text, { status, headers: reply.headers });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, spy: fetch, sent };
}

/** A client on the US data centre with a fixed token and clock, answering from `replies`. */
export function scriptedClient(replies: Reply[], overrides: Partial<CliqClientOptions> = {}) {
  const scripted = scriptedFetch(...replies);
  let clock = 1_000_000;
  const client = createCliqClient({
    apiBase: () => 'https://cliq.zoho.com',
    getToken: async () => 'token-1',
    fetch: scripted.fetch,
    now: () => clock,
    ...overrides,
  });
  return {
    client,
    ...scripted,
    tick(ms: number) {
      clock += ms;
    },
    get clock() {
      return clock;
    },
  };
}

export { failureOf } from '../../helpers';
