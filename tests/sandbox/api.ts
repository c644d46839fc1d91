/**
 * The `/api/*` pipeline, in the order a real server would meet a request:
 * latency → token (401) → route (404/405) → scope (403) → rate limit (429) → fault outcome → handler → body fault.
 * Only calls that pass auth, routing and scope are counted against a budget; faulted calls are counted,
 * because they reached the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { grants, type TokenRegistry } from './auth';
import type { SandboxClock } from './clock';
import { malformedJson, schemaViolation } from './corrupt';
import { ApiError, STATUS_MESSAGES } from './errors';
import type { FaultPlan, Faults } from './faults';
import { parseJson, queryObject, readBody, sendJson } from './http';
import type { LoggedRequest, RequestLog } from './log';
import type { RateLimiter } from './ratelimit';
import { matchRoute, type Reply, type Route, type RouteContext, ruleKey } from './router';
import { LOST_WRITE_APPLIED_RATIO, RATE_LIMITED_CODE_400, RATE_LIMITS } from './rules';
import type { SandboxState } from './state';

export interface ApiDeps {
  state: SandboxState;
  clock: SandboxClock;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  faults: Faults;
  log: RequestLog;
  routes: readonly Route[];
  /** Bodies to send instead of a route's successful answer, by `METHOD template` (see `Sandbox.serve`). */
  served: Map<string, string>;
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const entry: LoggedRequest = {
    at: deps.clock.now(),
    method,
    path: url.pathname,
    template: null,
    status: 0,
    query: queryObject(url.searchParams),
  };
  deps.log.add(entry);
  const raw = await readBody(req);
  let body: unknown;
  let bodyIsJson = true;
  try {
    body = parseJson(raw);
  } catch {
    bodyIsJson = false;
    body = raw;
  }
  if (body !== undefined) entry.body = body;
  const reply = (status: number, payload: unknown, code?: string): void => {
    entry.status = status;
    if (code !== undefined) entry.code = code;
    sendJson(res, status, payload, deps.clock.now());
  };

  // Logged before the injected latency, so a test can tell which route a request still in flight is for.
  const match = matchRoute(deps.routes, method, url.pathname.slice('/api'.length));
  if (match.kind === 'found') entry.template = match.route.template;

  const plan = deps.faults.plan(LOST_WRITE_APPLIED_RATIO, entry.template ? `${method} ${entry.template}` : undefined);
  if (plan.delayMs > 0) {
    entry.delayMs = plan.delayMs;
    await sleep(plan.delayMs);
  }

  const token = deps.tokens.fromHeader(req.headers.authorization);
  if (!token) return reply(401, { message: STATUS_MESSAGES[401] });
  if (match.kind === 'not-found') return reply(404, { message: STATUS_MESSAGES[404] });
  if (match.kind === 'wrong-method') {
    res.setHeader('Allow', match.allow.join(', '));
    return reply(405, { message: STATUS_MESSAGES[405] });
  }
  const { route, params } = match;
  if (!route.scopes.some((scope) => grants(token, scope))) return reply(403, { message: STATUS_MESSAGES[403] });

  const userId = deps.state.currentUserId;
  const rule = RATE_LIMITS[ruleKey(route)];
  if (!rule) throw new Error(`rules.ts has no rate limit for ${ruleKey(route)}`);
  if (!deps.limiter.take(userId, ruleKey(route), rule).allowed) {
    return deps.faults.limitStatus() === 400
      ? reply(400, { message: STATUS_MESSAGES[429], code: RATE_LIMITED_CODE_400 }, RATE_LIMITED_CODE_400)
      : reply(429, { message: STATUS_MESSAGES[429] });
  }

  const failCode = route.failCode ?? 'operation_failed';
  if (!bodyIsJson) return reply(400, { message: 'The request body is not valid JSON.', code: failCode }, failCode);
  const ctx: RouteContext = {
    state: deps.state,
    params,
    query: url.searchParams,
    body,
    userId,
    hasScope: (scope) => grants(token, scope),
  };

  if (plan.outcome !== 'ok') {
    entry.fault = plan.outcome;
    // A lost write may or may not have happened: the client cannot tell, and neither should it assume.
    if (plan.outcome !== 'fail' && method !== 'GET' && plan.writeApplied) run(route, ctx);
    if (plan.outcome === 'drop') {
      req.socket.destroy();
      return;
    }
    if (plan.outcome === 'fail') return reply(400, { message: 'Simulated failure.', code: failCode }, failCode);
    const status = plan.detail.chance(0.5) ? 500 : 503;
    return reply(status, { message: STATUS_MESSAGES[status] });
  }

  const result = run(route, ctx);
  const code = errorCode(result);
  const served = deps.served.get(`${method} ${route.template}`);
  if (served !== undefined && result.status < 300) {
    entry.status = 200;
    entry.fault = 'served';
    res.statusCode = 200;
    res.setHeader('Date', new Date(deps.clock.now()).toUTCString());
    res.setHeader('Content-Type', 'application/json;charset=UTF-8');
    res.end(served);
    return;
  }
  if (result.status >= 300 || result.body === undefined || plan.body === 'none') {
    return reply(result.status, result.body, code);
  }
  entry.fault = plan.body;
  entry.status = result.status;
  await sendFaultyBody(res, result, plan, deps);
}

function run(route: Route, ctx: RouteContext): Reply {
  try {
    return route.handle(ctx);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body() };
    throw error;
  }
}

function errorCode(reply: Reply): string | undefined {
  if (reply.status < 400 || typeof reply.body !== 'object' || reply.body === null) return undefined;
  const body = reply.body as { code?: unknown; error?: { code?: unknown } };
  const code = body.code ?? body.error?.code;
  return typeof code === 'string' ? code : undefined;
}

async function sendFaultyBody(res: ServerResponse, result: Reply, plan: FaultPlan, deps: ApiDeps): Promise<void> {
  const json = JSON.stringify(result.body);
  let text = json;
  if (plan.body === 'malformed') text = malformedJson(json, plan.detail);
  if (plan.body === 'schema') text = JSON.stringify(schemaViolation(result.body, plan.detail));
  res.statusCode = result.status;
  res.setHeader('Date', new Date(deps.clock.now()).toUTCString());
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  if (plan.body !== 'slow') {
    res.end(text);
    return;
  }
  const bytes = Buffer.from(text);
  res.setHeader('Content-Length', bytes.length);
  const pieces = 10;
  const size = Math.ceil(bytes.length / pieces);
  for (let i = 0; i < bytes.length && !res.destroyed; i += size) {
    res.write(bytes.subarray(i, i + size));
    await sleep(deps.faults.slowMs() / pieces);
  }
  res.end();
}
