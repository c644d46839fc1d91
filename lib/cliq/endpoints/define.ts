import type * as z from 'zod/mini';
import { type Budget, budgetOf } from './routes';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Every OAuth scope an operation of the table may need; sign-in asks only for those of `PRODUCT_OPERATIONS`. */
export const CLIQ_SCOPES = [
  'ZohoCliq.Chats.READ',
  'ZohoCliq.Chats.CREATE',
  'ZohoCliq.Chats.UPDATE',
  'ZohoCliq.Chats.DELETE',
  'ZohoCliq.Messages.READ',
  'ZohoCliq.Messages.DELETE',
  'ZohoCliq.Webhooks.CREATE',
  'ZohoCliq.Webhooks.UPDATE',
  'ZohoCliq.messageactions.READ',
  'ZohoCliq.messageactions.CREATE',
] as const;

export type CliqScope = (typeof CLIQ_SCOPES)[number];

/** A point in the server's history that a caller's copy of a list reflects; sent back as `last_sync_time`. */
export interface ListView {
  lastSyncTime: number;
}

type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

type PathPart<Path extends string> = [PathParamNames<Path>] extends [never]
  ? { path?: undefined }
  : { path: Record<PathParamNames<Path>, string> };

/** The mapped request; the client refuses a query or body that has no schema to check it against. */
type WireRequest<Path extends string, Query, Body> = PathPart<Path> & {
  query?: Query;
  body?: Body;
};

/** Values a query schema may produce; lists are joined by `toWire`, because Cliq wants `a,b` rather than repeats. */
export type QueryValue = string | number | boolean | undefined;

/** The lists whose copies carry a `last_sync_time` view: the folder list, and one chat's pins. */
type ListKind = 'folderList' | 'pinList';

/** `Query` and `Body` are the wire shapes, taken from the schemas so `toWire` is checked against them. */
export interface EndpointSpec<
  Path extends string,
  P extends z.ZodMiniType,
  R extends z.ZodMiniType,
  Query = never,
  Body = never,
  S extends ListKind | undefined = undefined,
> {
  method: HttpMethod;
  /** Template below `/api`, e.g. `/v3/chats/{CHAT_ID}/pin-messages`. */
  path: Path;
  scope: CliqScope;
  limit: { perMinute: number; lockMs: number };
  /** What callers pass, in their words; also where the guards live. */
  params: P;
  /** The wire query and body exactly as Cliq names them; checked again after mapping so a mapping slip cannot reach the wire. */
  query?: z.ZodMiniType<Record<string, QueryValue>, Query>;
  body?: z.ZodMiniType<unknown, Body>;
  toWire: (params: z.output<P>) => WireRequest<Path, Query, Body>;
  response: R;
  /** The result is a copy of this list: the client hands back a `view` to base later writes on. */
  snapshotOf?: S;
  /** A success changes this list; views of the folder list older than that are refused by writes that take `basedOn`. */
  changes?: ListKind;
}

/** Any operation of the table, its types erased; `endpoint()` keeps each one's own. */
export type Endpoint = EndpointSpec<string, z.ZodMiniType, z.ZodMiniType, unknown, unknown, ListKind | undefined> & {
  budget: Budget;
};

export function endpoint<
  Path extends string,
  P extends z.ZodMiniType,
  R extends z.ZodMiniType,
  Query = never,
  Body = never,
  S extends ListKind | undefined = undefined,
>(spec: EndpointSpec<Path, P, R, Query, Body, S>): EndpointSpec<Path, P, R, Query, Body, S> & { budget: Budget } {
  return { ...spec, budget: budgetOf(spec) };
}
