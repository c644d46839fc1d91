/** My Pins and chat folders v3: `/v3/pin-categories` and pinning chats via `/v3/chats/{CHAT_ID}/pins`. */
import { badRequest, notFound } from '../errors';
import {
  assertFoldersSynced,
  createFolder,
  deleteFolder,
  folderById,
  modifyFolder,
  pinChat,
  reorderChatInFolder,
  reorderFolder,
  replaceFolderChats,
  unpinChatsEverywhere,
} from '../folders';
import { type Body, bodyObject, csv, optionalString, optionalStringArray, parseTime, queryFlag } from '../input';
import type { Route, RouteContext } from '../router';
import {
  DEFAULT_FOLDER_ID,
  FOLDER_CHAT_IDS_MAX,
  FOLDER_PINNABLE_CHAT_TYPES,
  FOLDER_SYMBOL_MAX,
  FOLDER_TITLE_MAX,
  UNPIN_CHATS_MAX,
} from '../rules';
import type { Folder, SandboxState } from '../state';
import { pinnedChatView } from '../views';
import { chatFromPath, SCOPE } from './common';

const FAILED = 'operation_failed';
const CHAT_FAILED = 'chat_operation_failed';
const TYPE = 'pin_categories';
const URL = '/v3/pin-categories';

function list(ctx: RouteContext) {
  const { state } = ctx;
  const include = csv(ctx.query.get('include_fields'));
  const options = {
    recipients: include.includes('recipients_summary'),
    lastMessage: include.includes('last_message_info'),
  };
  const data = state.folders.map((folder) => {
    // My Pins carries only its id (and its chats when asked for).
    const base =
      folder.id === DEFAULT_FOLDER_ID
        ? { category_id: folder.id }
        : { category_id: folder.id, title: folder.title, symbol: folder.symbol, state: folder.state };
    if (!include.includes('chats')) return base;
    const chats = folder.chatIds.flatMap((id) => {
      const chat = state.chat(id);
      return chat ? [pinnedChatView(state, chat, options)] : [];
    });
    return { ...base, chats };
  });
  return { status: 200, body: { url: URL, type: TYPE, data } };
}

function create(ctx: RouteContext) {
  const body = bodyObject(ctx.body, FAILED);
  const title = optionalString(body, 'title', FAILED);
  if (title === undefined) throw badRequest('param_missing', 'title is required.');
  const symbol = optionalString(body, 'symbol', FAILED) ?? '';
  const chatIds = optionalStringArray(body, 'chat_ids', FAILED) ?? [];
  checkTitleAndSymbol(title, symbol);
  if (chatIds.length > FOLDER_CHAT_IDS_MAX) throw badRequest(FAILED, `At most ${FOLDER_CHAT_IDS_MAX} chat_ids.`);
  checkChats(ctx.state, chatIds, 'operation_not_allowed');
  const folder = createFolder(ctx.state, title, symbol, chatIds);
  return {
    status: 200,
    body: {
      url: URL,
      type: TYPE,
      data: { category_id: folder.id, state: folder.state, symbol: folder.symbol, title: folder.title },
    },
  };
}

function unpinAcrossFolders(ctx: RouteContext) {
  const chatIds = csv(ctx.query.get('chat_ids'));
  if (chatIds.length === 0 || chatIds.length > UNPIN_CHATS_MAX) {
    throw badRequest(FAILED, `chat_ids must list 1 to ${UNPIN_CHATS_MAX} chat ids.`);
  }
  unpinChatsEverywhere(ctx.state, chatIds);
  return { status: 204 };
}

/** One path, four operations, chosen by which fields the body carries; mixing them is `invalid_inputs`. */
function update(ctx: RouteContext) {
  const { state } = ctx;
  const folder = folderFromPath(ctx);
  const body = bodyObject(ctx.body, FAILED);
  const modifies = ['title', 'symbol', 'state'].some((key) => body[key] !== undefined);
  const reordersChat = body.chat_id !== undefined;
  const replaces = body.chat_ids !== undefined;
  if ([modifies, reordersChat, replaces].filter(Boolean).length > 1) {
    throw badRequest('invalid_inputs', 'Send one operation per request: details, chat_id, or chat_ids.');
  }
  if (modifies) return modify(state, folder, body);
  const pinAbove = optionalString(body, 'pin_above', FAILED);
  const lastSyncTime = parseTime(body.last_sync_time);
  if (lastSyncTime === undefined) throw badRequest(FAILED, 'last_sync_time is required.');
  if (replaces) {
    const chatIds = optionalStringArray(body, 'chat_ids', FAILED) ?? [];
    if (chatIds.length > FOLDER_CHAT_IDS_MAX) throw badRequest(FAILED, `At most ${FOLDER_CHAT_IDS_MAX} chat_ids.`);
    assertFoldersSynced(state, lastSyncTime);
    checkChats(state, chatIds, FAILED);
    replaceFolderChats(state, folder, chatIds);
  } else if (reordersChat) {
    const chatId = optionalString(body, 'chat_id', FAILED);
    if (!chatId) throw badRequest(FAILED, 'chat_id must name a chat.');
    assertFoldersSynced(state, lastSyncTime);
    reorderChatInFolder(state, folder, chatId, pinAbove);
  } else {
    assertFoldersSynced(state, lastSyncTime);
    reorderFolder(state, folder, pinAbove);
  }
  return { status: 204 };
}

function modify(state: SandboxState, folder: Folder, body: Body) {
  if (folder.id === DEFAULT_FOLDER_ID) throw badRequest(FAILED, 'My Pins has no title, symbol or state.');
  const title = optionalString(body, 'title', FAILED);
  const symbol = optionalString(body, 'symbol', FAILED);
  const folderState = optionalString(body, 'state', FAILED);
  if (folderState !== undefined && folderState !== 'expanded' && folderState !== 'collapsed') {
    throw badRequest(FAILED, 'state must be expanded or collapsed.');
  }
  checkTitleAndSymbol(title, symbol);
  modifyFolder(state, folder, { title, symbol, state: folderState as Folder['state'] | undefined });
  return { status: 204 };
}

function remove(ctx: RouteContext) {
  deleteFolder(ctx.state, folderFromPath(ctx), queryFlag(ctx.query, 'unpin_all'));
  return { status: 204 };
}

function pin(ctx: RouteContext) {
  const { state } = ctx;
  const chat = chatFromPath(ctx);
  if (!state.isParticipant(chat)) throw badRequest('chat_access_denied', 'You are not a participant of this chat.');
  if (!(FOLDER_PINNABLE_CHAT_TYPES as readonly string[]).includes(chat.type)) {
    throw badRequest('operation_not_allowed', `A ${chat.type} cannot be pinned.`);
  }
  const categoryId = optionalString(bodyObject(ctx.body, CHAT_FAILED), 'category_id', CHAT_FAILED) ?? DEFAULT_FOLDER_ID;
  const folder = folderById(state, categoryId);
  if (!folder) throw badRequest(CHAT_FAILED, `No folder ${categoryId}.`);
  pinChat(state, folder, chat.id);
  return { status: 200, body: { type: 'chat.pin', data: { chat_id: chat.id, category_id: folder.id } } };
}

function unpin(ctx: RouteContext) {
  const chat = chatFromPath(ctx);
  if (!ctx.state.isParticipant(chat)) {
    throw badRequest('chat_access_denied', 'You are not a participant of this chat.');
  }
  unpinChatsEverywhere(ctx.state, [chat.id]);
  return { status: 200, body: { type: 'chat.unpin', data: { chat_id: chat.id } } };
}

function folderFromPath(ctx: RouteContext): Folder {
  const id = ctx.params.CATEGORY_ID ?? '';
  const folder = folderById(ctx.state, id);
  if (!folder) throw notFound(`folder ${id}`);
  return folder;
}

function checkTitleAndSymbol(title: string | undefined, symbol: string | undefined): void {
  if (title !== undefined && (title.trim() === '' || title.length > FOLDER_TITLE_MAX)) {
    throw badRequest(FAILED, `title must be 1 to ${FOLDER_TITLE_MAX} characters.`);
  }
  if (symbol !== undefined && symbol.length > FOLDER_SYMBOL_MAX) {
    throw badRequest(FAILED, `symbol must be at most ${FOLDER_SYMBOL_MAX} characters.`);
  }
}

/** Every chat must exist and include the signed-in user. */
function checkChats(state: SandboxState, chatIds: string[], code: string): void {
  const bad = chatIds.filter((id) => {
    const chat = state.chat(id);
    return !chat || !state.isParticipant(chat);
  });
  if (bad.length > 0) throw badRequest(code, `Cannot pin these chats: ${bad.join(', ')}`);
}

export const folderRoutes: Route[] = [
  { method: 'GET', template: URL, scopes: [SCOPE.chatsRead], failCode: FAILED, handle: list },
  { method: 'POST', template: URL, scopes: [SCOPE.chatsCreate], failCode: FAILED, handle: create },
  { method: 'DELETE', template: URL, scopes: [SCOPE.chatsDelete], failCode: FAILED, handle: unpinAcrossFolders },
  { method: 'PUT', template: `${URL}/{CATEGORY_ID}`, scopes: [SCOPE.chatsUpdate], failCode: FAILED, handle: update },
  { method: 'DELETE', template: `${URL}/{CATEGORY_ID}`, scopes: [SCOPE.chatsDelete], failCode: FAILED, handle: remove },
  {
    method: 'POST',
    template: '/v3/chats/{CHAT_ID}/pins',
    scopes: [SCOPE.chatsUpdate],
    failCode: CHAT_FAILED,
    handle: pin,
  },
  {
    method: 'DELETE',
    template: '/v3/chats/{CHAT_ID}/pins',
    scopes: [SCOPE.chatsUpdate],
    failCode: CHAT_FAILED,
    handle: unpin,
  },
];
