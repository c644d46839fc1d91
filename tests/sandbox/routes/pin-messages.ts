/** Pin Messages v3: `/v3/chats/{CHAT_ID}/pin-messages` (list, add, reorder, bulk delete). */
import { badRequest } from '../errors';
import {
  bodyObject,
  limitParam,
  optionalBoolean,
  optionalString,
  optionalStringArray,
  parseTime,
  queryFlag,
} from '../input';
import { addPin, changesSince, livePins, pinListOf, removePins, reorderPin } from '../pins';
import type { Route, RouteContext } from '../router';
import { BULK_UNPIN_MAX, OPAQUE_TOKEN_MAX_LENGTH, PIN_LIST_DEFAULT_LIMIT, PIN_LIST_MAX_LIMIT } from '../rules';
import { type Chat, normaliseMessageId, type SandboxState } from '../state';
import { pinnedMessageView, removedPinView } from '../views';
import { participantChat, SCOPE } from './common';

const TEMPLATE = '/v3/chats/{CHAT_ID}/pin-messages';
const FAILED = 'operation_failed';
const NOT_ALLOWED = 'operation_not_allowed';
const TYPE = 'pinmessages';

const urlOf = (chat: Chat) => `/v3/chats/${chat.id}/pin-messages`;

function list(ctx: RouteContext) {
  const { state, query } = ctx;
  const chat = participantChat(ctx, NOT_ALLOWED);
  const entries = livePins(state, chat);
  if (queryFlag(query, 'primary')) {
    const primary = entries[0];
    // No pins: 200 without `data` (rules in the project README).
    const data = primary ? { data: pinnedMessageView(state, chat, primary, true) } : {};
    return { status: 200, body: { url: urlOf(chat), type: TYPE, ...data } };
  }
  const limit = limitParam(query, PIN_LIST_MAX_LIMIT, PIN_LIST_DEFAULT_LIMIT, FAILED);
  const nextToken = query.get('next_token');
  const syncToken = query.get('sync_token');
  // A next_token carries the sync base of the listing it continues.
  let offset = 0;
  let since = -1;
  if (nextToken !== null) [offset = 0, since = -1] = readToken(state, chat, nextToken, 'n');
  else if (syncToken !== null) [since = -1] = readToken(state, chat, syncToken, 's');
  let items: unknown[];
  if (since === -1) {
    items = entries.map((pin, i) => pinnedMessageView(state, chat, pin, i === 0));
  } else {
    const changes = changesSince(state, chat, since);
    items = [
      ...changes.live.map((pin) => pinnedMessageView(state, chat, pin, entries[0] === pin)),
      ...changes.removedIds.map(removedPinView),
    ];
  }
  const end = offset + limit;
  return {
    status: 200,
    body: {
      url: urlOf(chat),
      type: TYPE,
      sync_token: writeToken(state, chat, 's', [state.seq]),
      ...(end < items.length ? { next_token: writeToken(state, chat, 'n', [end, since]) } : {}),
      data: items.slice(offset, end),
    },
  };
}

function add(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participantChat(ctx, NOT_ALLOWED);
  const body = bodyObject(ctx.body, FAILED);
  const messageId = optionalString(body, 'message_id', FAILED);
  const notify = optionalBoolean(body, 'notify', FAILED);
  const primary = optionalBoolean(body, 'primary', FAILED) ?? false;
  if (!messageId || body.expiry_time === undefined || notify === undefined) {
    throw badRequest(FAILED, 'message_id, expiry_time and notify are required.');
  }
  const expiry = readExpiry(body.expiry_time, state.now());
  const message = state.message(chat, messageId);
  if (!message) throw badRequest(FAILED, 'No such message in this chat.');
  const pin = addPin(state, chat, { messageId: message.id, expiry, primary, creatorId: ctx.userId });
  const isPrimary = livePins(state, chat)[0] === pin;
  return { status: 200, body: { url: urlOf(chat), type: TYPE, data: pinnedMessageView(state, chat, pin, isPrimary) } };
}

function reorder(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participantChat(ctx, NOT_ALLOWED);
  const body = bodyObject(ctx.body, FAILED);
  const messageId = optionalString(body, 'message_id', FAILED);
  const pinAbove = optionalString(body, 'pin_above', FAILED);
  const lastSyncTime = parseTime(body.last_sync_time);
  if (!messageId || lastSyncTime === undefined) throw badRequest(FAILED, 'message_id and last_sync_time are required.');
  livePins(state, chat);
  if (lastSyncTime < pinListOf(state, chat).modifiedAt) {
    throw badRequest('client_not_synced', 'The pins changed after last_sync_time: fetch them again and retry.');
  }
  reorderPin(state, chat, normaliseMessageId(messageId), pinAbove && normaliseMessageId(pinAbove));
  return { status: 204 };
}

function remove(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  const ids = optionalStringArray(bodyObject(ctx.body, FAILED), 'message_ids', FAILED);
  if (ids && ids.length > BULK_UNPIN_MAX) throw badRequest(FAILED, `At most ${BULK_UNPIN_MAX} message_ids.`);
  // Documented: an empty or missing message_ids removes every pin in the chat.
  removePins(ctx.state, chat, !ids || ids.length === 0 ? 'all' : ids.map(normaliseMessageId));
  return { status: 204 };
}

/** -1 (never), epoch ms or ISO 8601; a time not in the future is `operation_failed`. */
function readExpiry(value: unknown, now: number): number {
  if (value === -1 || value === '-1') return -1;
  const ms = parseTime(value);
  if (ms === undefined) throw badRequest(FAILED, 'expiry_time must be -1, epoch milliseconds or ISO 8601.');
  if (ms <= now) throw badRequest(FAILED, 'expiry_time is in the past.');
  return ms;
}

/**
 * Opaque tokens: standard base64 of `kind|generation|chat key|numbers…`, bound to one chat and one reset.
 * They may contain `+`, `/` and `=`, so a client that forgets to URL-encode them gets `operation_failed`.
 */
function writeToken(state: SandboxState, chat: Chat, kind: 's' | 'n', numbers: number[]): string {
  return Buffer.from([kind, state.generation, chat.key, ...numbers].join('|')).toString('base64');
}

function readToken(state: SandboxState, chat: Chat, token: string, kind: 's' | 'n'): number[] {
  const parts = token.length <= OPAQUE_TOKEN_MAX_LENGTH ? Buffer.from(token, 'base64').toString().split('|') : [];
  const [generation, key, ...rest] = parts.slice(1).map(Number);
  const [first = Number.NaN, second = Number.NaN] = rest;
  const valid =
    parts[0] === kind &&
    generation === state.generation &&
    key === chat.key &&
    rest.length === (kind === 's' ? 1 : 2) &&
    rest.every(Number.isInteger) &&
    (kind === 's' ? first >= 0 && first <= state.seq : first >= 0 && second <= state.seq);
  if (!valid) throw badRequest(FAILED, 'Unknown or expired token.');
  return rest;
}

const scopes = (scope: string) => [scope];

export const pinMessageRoutes: Route[] = [
  { method: 'GET', template: TEMPLATE, scopes: scopes(SCOPE.chatsRead), failCode: FAILED, handle: list },
  { method: 'POST', template: TEMPLATE, scopes: scopes(SCOPE.chatsCreate), failCode: FAILED, handle: add },
  { method: 'PUT', template: TEMPLATE, scopes: scopes(SCOPE.chatsUpdate), failCode: FAILED, handle: reorder },
  { method: 'DELETE', template: TEMPLATE, scopes: scopes(SCOPE.chatsDelete), failCode: FAILED, handle: remove },
];
