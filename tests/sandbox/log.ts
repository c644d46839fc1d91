/** The record of `/api/*` calls that tests inspect (`sandbox.requests()` / `GET /__sandbox/requests`). */
export interface LoggedRequest {
  /** Arrival time on the sandbox clock. */
  at: number;
  method: string;
  path: string;
  /** Matched route template, e.g. `/v3/chats/{CHAT_ID}/pin-messages`; null when no route matched. */
  template: string | null;
  /** HTTP status sent; 0 when the connection was dropped by a fault. */
  status: number;
  code?: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body?: unknown;
  /** The injected fault, if any: drop, 5xx, fail, malformed, schema or slow; `served` for a body set with `serve`. */
  fault?: string;
  /** Injected latency (with jitter) the answer waited before it was worked on. */
  delayMs?: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  list(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
