import type { CliqScope } from './define';
import { endpoints, type OperationName } from './index';

/**
 * The operations Cliq Pins itself calls (queue writes and sync reads). Sign-in asks for exactly the scopes
 * these need, so this list is the product's authority: calling anything else does not type-check in the
 * queue and sync (`CliqCaller`), and `tests/unit/cliq/scopes.test.ts` fails when source names an operation
 * missing here. The rest of the endpoint table stays documented and tested, but unrequested.
 */
export const PRODUCT_OPERATIONS = [
  // sync: what the popup and the page show
  'listChats',
  'listPinnedMessages',
  'listFolders',
  // queue: the user's changes
  'pinMessage',
  'unpinMessages',
  'reorderPinnedMessage',
  'pinChat',
  'unpinChat',
  'reorderChatInFolder',
  'moveFolder',
  'createFolder',
  'updateFolder',
  'deleteFolder',
  'replaceFolderChats',
  'removeChatsFromAllFolders',
] as const satisfies readonly OperationName[];

export type ProductOperation = (typeof PRODUCT_OPERATIONS)[number];

/** The Cliq scopes the product operations need, each once, in the table's order. */
export function scopesFor(ops: readonly OperationName[]): CliqScope[] {
  return [...new Set(ops.map((op) => endpoints[op].scope))];
}
