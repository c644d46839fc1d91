import type * as z from 'zod/mini';
import { t } from '../i18n';
import type { ListView, QueryValue } from './endpoints/define';
import type { Endpoint, OperationName, ParamsOf, ResultOf } from './endpoints/index';
import { type EndpointTable, endpointIn, productEndpoints } from './endpoints/product';
import { httpFailure, invalidParams, malformedAnswer, notSignedIn, staleView, unreachable } from './errors';
import { describeParamIssue, describeProblem, formatPath } from './issues';
import { createListTimes } from './list-times';
import { createServerClock } from './server-clock';
import { buildUrl, UrlMismatchError } from './url';

export interface CliqClientOptions {
  /** The Cliq origin (see `cliqApiBase`); asked on every call so a data-centre change applies at once. */
  apiBase: () => string | Promise<string>;
  /** Undefined when signed out: the call then fails as `auth` without a request. */
  getToken: () => Promise<string | undefined>;
  fetch?: typeof fetch;
  /** Covers the whole exchange, body included. */
  timeoutMs?: number;
  /** The local clock; views are stamped on Cliq's clock, learnt from answers' `Date` headers (list-times.ts). */
  now?: () => number;
  /** The operations this client may call: the product's, unless a test of the whole catalogue passes `endpoints`. */
  endpoints?: EndpointTable;
}

interface CallOptions {
  /** Aborting rejects with the signal's reason, not a CliqError: the caller asked for it. */
  signal?: AbortSignal;
}

export interface CliqClient {
  call<Op extends OperationName>(op: Op, params: ParamsOf<Op>, opts?: CallOptions): Promise<ResultOf<Op>>;
}

const DEFAULT_TIMEOUT_MS = 20_000;

interface Wire {
  path?: Record<string, string>;
  query?: unknown;
  body?: unknown;
}

function firstIssue(error: z.core.$ZodError): z.core.$ZodIssue {
  const [issue] = error.issues;
  if (issue === undefined) throw error;
  return issue;
}

/** Runs the guards, then maps to the wire and checks that against Cliq's own field rules. */
function prepare(op: OperationName, entry: Endpoint, params: unknown) {
  const parsed = entry.params.safeParse(params);
  if (!parsed.success) {
    const { field, problem } = describeParamIssue(firstIssue(parsed.error), params);
    throw invalidParams(op, field, problem);
  }
  const wire = entry.toWire(parsed.data) as Wire;
  const checked = (schema: z.ZodMiniType | undefined, value: unknown, part: string) => {
    if (schema === undefined) {
      if (value !== undefined) throw new Error(`${op} maps a ${part} but declares no ${part} schema`);
      return undefined;
    }
    const result = schema.safeParse(value);
    if (result.success) return value;
    const issue = firstIssue(result.error);
    throw invalidParams(op, formatPath(issue.path), describeProblem(issue, value));
  };
  return {
    basedOn: (parsed.data as { basedOn?: ListView }).basedOn,
    path: wire.path,
    query: checked(entry.query, wire.query ?? (entry.query ? {} : undefined), 'query') as
      | Record<string, QueryValue>
      | undefined,
    body: checked(entry.body, wire.body, 'body'),
  };
}

/** Which list an operation reads or changes: the folder list, or one chat's pins. */
const listOf = (kind: string | undefined, path: Record<string, string> | undefined) =>
  kind === 'pinList' ? `pinList:${path?.CHAT_ID ?? ''}` : (kind ?? '');

function toUrl(op: OperationName, apiBase: string, template: string, request: ReturnType<typeof prepare>): string {
  try {
    return buildUrl(apiBase, template, request.path, request.query);
  } catch (error) {
    if (error instanceof UrlMismatchError) throw invalidParams(op, 'path', error.message);
    throw error;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function createCliqClient(options: CliqClientOptions): CliqClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const localNow = options.now ?? Date.now;
  const serverClock = createServerClock();
  const lists = createListTimes(serverClock);
  // Looked up per call: unbound `fetch` throws in browsers, and tests may replace the global.
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function exchange(op: OperationName, url: string, init: RequestInit, signal?: AbortSignal) {
    signal?.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    try {
      const response = await fetchFn(url, { ...init, signal: controller.signal });
      return { status: response.status, text: await response.text(), date: response.headers.get('date') };
    } catch (error) {
      if (timedOut) throw unreachable(op, { timeoutMs });
      if (signal?.aborted) throw signal.reason;
      throw unreachable(op, { detail: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  async function call(op: OperationName, params: unknown, opts: CallOptions = {}): Promise<unknown> {
    const entry = endpointIn(options.endpoints ?? productEndpoints, op);
    const request = prepare(op, entry, params);
    const list = listOf(entry.changes ?? entry.snapshotOf, request.path);
    if (entry.changes === 'folderList' && request.basedOn && lists.isStale(list, request.basedOn)) {
      throw staleView(op);
    }
    const token = await options.getToken();
    if (!token) throw notSignedIn(op);
    const url = toUrl(op, await options.apiBase(), entry.path, request);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    const localSentAt = localNow();
    const { status, text, date } = await exchange(
      op,
      url,
      { method: entry.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) },
      opts.signal,
    );
    const localReceivedAt = localNow();
    // This very answer may be the first to tell Cliq's time: the send time is translated after it.
    serverClock.observe(date, localSentAt, localReceivedAt);
    const json = parseJson(text);
    if (status < 200 || status > 299) throw httpFailure(op, status, json.ok ? json.value : undefined);

    // A 2xx write has landed, even if its answer is unreadable.
    if (entry.changes) lists.wrote(list, localSentAt, localReceivedAt);
    const write = entry.method !== 'GET';
    if (!json.ok) throw malformedAnswer(op, write, undefined, t('cliqIssueNotJson'));
    const result = entry.response.safeParse(json.value);
    if (!result.success) {
      const issue = firstIssue(result.error);
      throw malformedAnswer(op, write, formatPath(issue.path), describeProblem(issue, json.value));
    }
    if (entry.snapshotOf === undefined) return result.data;
    return { ...(result.data as object), view: lists.read(list, localSentAt) };
  }

  return { call: call as CliqClient['call'] };
}
