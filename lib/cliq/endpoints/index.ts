import type * as z from 'zod/mini';
import { chatListEndpoints } from './chat-list';
import { chatMembershipEndpoints } from './chat-membership';
import { chatUpdateV3Endpoints } from './chat-updates-v3';
import { chatV2Endpoints } from './chats-v2';
import { chatV3Endpoints } from './chats-v3';
import type { ListView } from './define';
import { folderEndpoints } from './folders';
import { messageV2Endpoints } from './messages-v2';
import { pinMessageEndpoints } from './pin-messages';

/**
 * Every documented Cliq operation, by name: the catalogue the contract tests check against the documentation and
 * the sandbox. Product code calls through `productEndpoints` (product.ts), so the rest stays out of its bundles.
 */
export const endpoints = {
  ...pinMessageEndpoints,
  ...folderEndpoints,
  ...chatListEndpoints,
  ...chatV2Endpoints,
  ...messageV2Endpoints,
  ...chatV3Endpoints,
  ...chatUpdateV3Endpoints,
  ...chatMembershipEndpoints,
};

type Endpoints = typeof endpoints;
export type OperationName = keyof Endpoints;

/** What a caller passes to an operation (before defaults and de-duplication). */
export type ParamsOf<Op extends OperationName> = z.input<Endpoints[Op]['params']>;

/** What an operation resolves to; list reads also carry the `view` later writes are based on. */
export type ResultOf<Op extends OperationName> = z.output<Endpoints[Op]['response']> &
  ([NonNullable<Endpoints[Op]['snapshotOf']>] extends [never] ? unknown : { view: ListView });

export { DEFAULT_FOLDER_ID, MAX_PINS_PER_CHAT } from '../constants';
export { CLIQ_SCOPES, type Endpoint } from './define';
/** The id and symbol guards, for callers that validate user input before it becomes a request (intents). */
export { chatId, folderId, folderSymbol, isoDateTime, messageId } from './params';
export type { Budget } from './routes';
export type { Folder, PinnedMessage } from './shapes';
