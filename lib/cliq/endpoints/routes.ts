/*
 * Where the operations the popup estimates go, and how often Cliq allows them: method, path template and rate
 * limit. Schema-free, so the popup can say how long a bulk action takes without loading the endpoint table (its
 * schemas are most of its weight); the table spreads these into its operations, so each fact is written once.
 */

export const MINUTE_MS = 60_000;

/**
 * Cliq counts requests per user per method + path template, so several operations sharing one template
 * (the four folder PUTs, list and primary pin reads) drain one budget.
 */
export interface Budget {
  key: string;
  perMinute: number;
  lockMs: number;
}

export const perMinute = (count: number, lockMinutes: number) => ({
  perMinute: count,
  lockMs: lockMinutes * MINUTE_MS,
});

const PIN_MESSAGES = '/v3/chats/{CHAT_ID}/pin-messages';
const FOLDERS = '/v3/pin-categories';
const FOLDER = '/v3/pin-categories/{CATEGORY_ID}';
const CHAT_PINS = '/v3/chats/{CHAT_ID}/pins';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const route = <M extends Method, P extends string>(method: M, path: P, limit: ReturnType<typeof perMinute>) => ({
  method,
  path,
  limit,
});

export const ROUTES = {
  listPinnedMessages: route('GET', PIN_MESSAGES, perMinute(20, 5)),
  getPrimaryPinnedMessage: route('GET', PIN_MESSAGES, perMinute(20, 5)),
  pinMessage: route('POST', PIN_MESSAGES, perMinute(20, 5)),
  reorderPinnedMessage: route('PUT', PIN_MESSAGES, perMinute(20, 5)),
  unpinMessages: route('DELETE', PIN_MESSAGES, perMinute(20, 5)),
  listFolders: route('GET', FOLDERS, perMinute(20, 5)),
  createFolder: route('POST', FOLDERS, perMinute(20, 5)),
  removeChatsFromAllFolders: route('DELETE', FOLDERS, perMinute(20, 5)),
  // The four PUTs on one folder share a template, hence one budget of 50 a minute.
  updateFolder: route('PUT', FOLDER, perMinute(50, 5)),
  reorderChatInFolder: route('PUT', FOLDER, perMinute(50, 5)),
  moveFolder: route('PUT', FOLDER, perMinute(50, 5)),
  replaceFolderChats: route('PUT', FOLDER, perMinute(50, 5)),
  deleteFolder: route('DELETE', FOLDER, perMinute(20, 5)),
  pinChat: route('POST', CHAT_PINS, perMinute(50, 5)),
  unpinChat: route('DELETE', CHAT_PINS, perMinute(50, 5)),
};

/** The budget a request of this method and template draws on. */
export const budgetOf = (r: { method: Method; path: string; limit: ReturnType<typeof perMinute> }): Budget => ({
  key: `${r.method} ${r.path}`,
  ...r.limit,
});
