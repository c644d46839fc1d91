import {
  chatId as chatIdOf,
  DEFAULT_FOLDER_ID,
  folderId as folderIdOf,
  folderSymbol,
  isoDateTime,
  messageId as messageIdOf,
} from '../cliq';
import { firstIssueLine } from '../cliq/issues';
import * as z from '../cliq/zod';
import { type MessageKey, t } from '../i18n';

/*
 * What a person asked for, as the popup and content scripts send it. Content scripts run in the page, so
 * everything is validated here before it reaches the journal. Limits Cliq applies per request (25 ids per
 * bulk unpin) are not limits here: the queue splits and batches.
 */

const MAX_IDS_PER_INTENT = 500;

// The client's own guards: an id the journal accepts is one the request will accept.
const chatId = chatIdOf();
const messageId = messageIdOf();
const folderId = folderIdOf();
const movableFolderId = folderId.check(
  z.rule(
    (value: string) => value !== DEFAULT_FOLDER_ID,
    () => t('cliqGuardMyPinsFixed'),
  ),
);

/** `label` names one id, `labels` the list of them. */
const ids = (item: z.ZodMiniType<string, string>, label: MessageKey, labels: MessageKey, min: number) =>
  z.pipe(
    z.pipe(
      z.array(item).check(
        z.maxLength(MAX_IDS_PER_INTENT, {
          error: () => t('cliqGuardAtOnce', String(MAX_IDS_PER_INTENT), t(labels)),
        }),
      ),
      z.transform((list): string[] => [...new Set(list)]),
    ),
    z.array(z.string()).check(z.minLength(min, { error: () => t('cliqGuardAtLeast', String(min), t(label)) })),
  );

/** -1 (never), epoch ms or ISO 8601 with an offset; stored as -1 or epoch ms. */
const expirySchema = z.pipe(
  z.union([z.literal(-1), z.int().check(z.positive()), isoDateTime()], {
    error: () => t('cliqGuardExpiry'),
  }),
  z.transform((value) => (typeof value === 'string' ? Date.parse(value) : value)),
);

const folderTitle = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: () => t('cliqGuardEmpty', t('cliqLabelFolderTitle')) }),
    z.maxLength(255, { error: () => t('cliqGuardTooLong', t('cliqLabelFolderTitle'), '255') }),
  );

export const intentSchema = z.byKey(
  'kind',
  [
    z.object({
      kind: z.literal('unpinMessages'),
      chatId,
      messageIds: ids(messageId, 'cliqLabelMessageId', 'cliqLabelMessageIds', 1),
    }),
    z.object({
      kind: z.literal('pinMessage'),
      chatId,
      messageId,
      expiry: z._default(expirySchema, -1),
      notify: z._default(z.boolean(), false),
      primary: z.optional(z.boolean()),
      /** What the page showed of the message, so the board can show the pin before Cliq confirms it. */
      preview: z.optional(
        z.object({
          text: z.string().check(z.maxLength(5000)),
          senderName: z.optional(z.string().check(z.maxLength(255))),
        }),
      ),
    }),
    /** Moves the pin directly above `above`; without it, to the end of the chat's pins. */
    z.object({ kind: z.literal('reorderPin'), chatId, messageId, above: z.optional(messageId) }),
    z.object({ kind: z.literal('makePrimary'), chatId, messageId }),
    /** Cliq has no call to change an expiry: the queue unpins and pins again, keeping place and primary. */
    z.object({ kind: z.literal('changePinExpiry'), chatId, messageId, expiry: expirySchema }),
    /** Without a folder, the chat goes to My Pins. */
    z.object({ kind: z.literal('pinChatToFolder'), chatId, folderId: z.optional(folderId) }),
    /** Unpins the chat from My Pins and every folder. */
    z.object({ kind: z.literal('unpinChat'), chatId }),
    z.object({ kind: z.literal('moveChatInFolder'), folderId, chatId, above: z.optional(chatId) }),
    z.object({ kind: z.literal('moveFolder'), folderId: movableFolderId, above: z.optional(movableFolderId) }),
    z.object({
      kind: z.literal('createFolder'),
      title: folderTitle,
      symbol: z._default(folderSymbol, ''),
      chatIds: z.optional(
        z.pipe(ids(chatId, 'cliqLabelChatId', 'cliqLabelChatIds', 0), z.array(z.string()).check(z.maxLength(100))),
      ),
    }),
    z.object({ kind: z.literal('renameFolder'), folderId: movableFolderId, title: folderTitle }),
    z.object({ kind: z.literal('changeFolderSymbol'), folderId: movableFolderId, symbol: folderSymbol }),
    z.object({ kind: z.literal('setFolderCollapsed'), folderId: movableFolderId, collapsed: z.boolean() }),
    /** Without `unpinAll` the folder's chats move to My Pins. */
    z.object({ kind: z.literal('deleteFolder'), folderId: movableFolderId, unpinAll: z._default(z.boolean(), false) }),
    /**
     * The folder's whole chat list. `editedFrom` is the list the user edited (default: the list shown when the
     * intent was queued), so the edit can be re-applied to a list that changed meanwhile without losing chats.
     */
    z.object({
      kind: z.literal('replaceFolderChats'),
      folderId,
      chatIds: z.pipe(
        ids(chatId, 'cliqLabelChatId', 'cliqLabelChatIds', 0),
        z.array(z.string()).check(z.maxLength(100, { error: () => t('cliqGuardFolderFull', '100') })),
      ),
      editedFrom: z.optional(z.array(chatId)),
      /**
       * Chats leave this folder because they move to that one: each leaves only once it is there, so a move that
       * could not add a chat never leaves it pinned nowhere.
       */
      movedTo: z.optional(folderId),
    }),
    z.object({
      kind: z.literal('removeChatsFromAllFolders'),
      chatIds: ids(chatId, 'cliqLabelChatId', 'cliqLabelChatIds', 1),
    }),
  ],
  // zod's default lists all sixteen kinds; one line that names the odd one out is what a reader can act on.
  (issue) => t('cliqGuardUnknownAction', String((issue.input as { kind?: unknown }).kind)),
);

export type Intent = z.output<typeof intentSchema>;
export type IntentInput = z.input<typeof intentSchema>;
type IntentKind = Intent['kind'];
export type IntentOf<K extends IntentKind> = Extract<Intent, { kind: K }>;

export type IntentParseResult = { ok: true; intent: Intent } | { ok: false; error: string };

/** For message handlers: a readable reason instead of a ZodError. */
export function parseIntent(input: unknown): IntentParseResult {
  const parsed = intentSchema.safeParse(input);
  return parsed.success ? { ok: true, intent: parsed.data } : { ok: false, error: firstIssueLine(parsed.error) };
}

export type PinIntent = IntentOf<'unpinMessages' | 'pinMessage' | 'reorderPin' | 'makePrimary' | 'changePinExpiry'>;
export type FolderIntent = Exclude<Intent, PinIntent>;

const PIN_KINDS: ReadonlySet<IntentKind> = new Set([
  'unpinMessages',
  'pinMessage',
  'reorderPin',
  'makePrimary',
  'changePinExpiry',
]);

export function isPinIntent(intent: Intent): intent is PinIntent {
  return PIN_KINDS.has(intent.kind);
}

/**
 * The list an intent changes: one chat's pins, or the folder list (chat pins included). Intents on one
 * list reach Cliq in the order they were made; intents on different lists need not wait for each other.
 */
export function listKeyOf(intent: Intent): string {
  return isPinIntent(intent) ? `pins:${intent.chatId}` : 'folders';
}
