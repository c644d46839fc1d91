/**
 * The API route table: method + path template, the OAuth scopes that allow it, and the handler.
 * Templates (e.g. `/v3/chats/{CHAT_ID}/pin-messages`) are also the rate-limit budget keys in rules.ts.
 */
import type { SandboxState } from './state';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  state: SandboxState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; `undefined` when the request had none. */
  body: unknown;
  userId: string;
  /** Whether the caller's token carries this scope (for operations that narrow the route's scopes). */
  hasScope(scope: string): boolean;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: Method;
  template: string;
  /** Any one of these scopes allows the call (from the OpenAPI `security` sections or the docs). */
  scopes: readonly string[];
  /** The operation's documented "unexpected error" code, used for malformed bodies and the `fail` fault. */
  failCode?: string;
  handle(ctx: RouteContext): Reply;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'wrong-method'; allow: Method[] };

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split('/').filter((s) => s !== '');
  const candidates: { route: Route; params: Record<string, string>; paramCount: number }[] = [];
  for (const route of routes) {
    const params = matchTemplate(route.template, segments);
    if (params) candidates.push({ route, params, paramCount: route.template.split('{').length - 1 });
  }
  if (candidates.length === 0) return { kind: 'not-found' };
  // Literal segments beat parameters: `/v3/chats/search` is not the chat called "search".
  const fewest = Math.min(...candidates.map((c) => c.paramCount));
  const sameShape = candidates.filter((c) => c.paramCount === fewest);
  const hit = sameShape.find((c) => c.route.method === method);
  if (hit) return { kind: 'found', route: hit.route, params: hit.params };
  const other = candidates.find((c) => c.route.method === method);
  if (other) return { kind: 'found', route: other.route, params: other.params };
  return { kind: 'wrong-method', allow: [...new Set(candidates.map((c) => c.route.method))] };
}

function matchTemplate(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split('/').filter((s) => s !== '');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const segment = segments[i] as string;
    if (part.startsWith('{')) {
      try {
        params[part.slice(1, -1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

export function ruleKey(route: Pick<Route, 'method' | 'template'>): string {
  return `${route.method} ${route.template}`;
}
