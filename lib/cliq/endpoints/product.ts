import { chatListEndpoints } from './chat-list';
import type { CliqScope, Endpoint } from './define';
import { folderEndpoints } from './folders';
import type { endpoints, OperationName } from './index';
import { pinMessageEndpoints } from './pin-messages';

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

/** The endpoint table, or the part of it a client may call. */
export type EndpointTable = Partial<typeof endpoints>;

/**
 * The part of the endpoint table the product calls, imported from the modules that hold it and no others: the
 * background bundles these, not the whole documented catalogue (`endpoints`, 55 operations, −2.8 kB gzip).
 */
export const productEndpoints = {
  ...chatListEndpoints,
  ...pinMessageEndpoints,
  ...folderEndpoints,
} satisfies Pick<typeof endpoints, ProductOperation>;

export function endpointFor(op: ProductOperation): Endpoint {
  return productEndpoints[op] as Endpoint;
}

/** `op`'s entry in `table`; an operation outside it is refused before anything is asked of Cliq. */
export function endpointIn(table: EndpointTable, op: OperationName): Endpoint {
  const entry = table[op] as Endpoint | undefined;
  if (!entry) throw new Error(`${op} is not an operation this client may call`);
  return entry;
}

/** The Cliq scopes the operations need, each once, in the table's order. */
export function scopesFor(ops: readonly OperationName[], table: EndpointTable = productEndpoints): CliqScope[] {
  return [...new Set(ops.map((op) => endpointIn(table, op).scope))];
}
