import { pinSummary } from '../../../lib/board/pin-summary';
import { formatCount, t } from '../../../lib/i18n';
import type { Intent } from '../../../lib/intents/intents';
import type { IntentFailure } from '../../../lib/store/records';
import { folderGlyph } from '../../folder-symbol';

export interface Names {
  chat(chatId: string): string;
  folder(folderId: string): string;
  /** A pin quoted by its text, when the popup has seen it (an unpinned pin is no longer on the board). */
  pin?(chatId: string, messageId: string): string | undefined;
}

/** A queued or failed intent in the words of the person who asked for it. */
export function describeIntent(intent: Intent, shown: Names): string {
  const names = isolated(shown);
  switch (intent.kind) {
    case 'unpinMessages': {
      const [only] = intent.messageIds;
      const quoted = intent.messageIds.length === 1 && only ? names.pin?.(intent.chatId, only) : undefined;
      return quoted
        ? t('popupDoUnpinOne', quoted, names.chat(intent.chatId))
        : t('popupDoUnpin', formatCount(intent.messageIds.length), names.chat(intent.chatId));
    }
    case 'pinMessage':
      return t('popupDoPin', names.chat(intent.chatId));
    case 'reorderPin':
      return t('popupDoReorderPin', names.chat(intent.chatId));
    case 'makePrimary':
      return t('popupDoMakePrimary', names.chat(intent.chatId));
    case 'changePinExpiry':
      return t('popupDoChangeExpiry', names.chat(intent.chatId));
    case 'pinChatToFolder':
      return t('popupDoPinChat', names.chat(intent.chatId), names.folder(intent.folderId ?? 'default'));
    case 'unpinChat':
      return t('popupDoUnpinChat', names.chat(intent.chatId));
    case 'moveChatInFolder':
      return t('popupDoMoveChat', names.chat(intent.chatId), names.folder(intent.folderId));
    case 'moveFolder':
      return t('popupDoMoveFolder', names.folder(intent.folderId));
    case 'createFolder':
      return t('popupDoCreateFolder', isolate(`${folderGlyph(intent.symbol)} ${intent.title}`));
    case 'renameFolder':
      return t('popupDoRenameFolder', names.folder(intent.folderId), isolate(intent.title));
    case 'changeFolderSymbol':
      return t('popupDoChangeSymbol', names.folder(intent.folderId));
    case 'setFolderCollapsed':
      return t(intent.collapsed ? 'popupDoCollapse' : 'popupDoExpand', names.folder(intent.folderId));
    case 'deleteFolder':
      return t('popupDoDeleteFolder', names.folder(intent.folderId));
    case 'replaceFolderChats':
      return t('popupDoReplaceChats', names.folder(intent.folderId));
    case 'removeChatsFromAllFolders':
      return t('popupDoRemoveChats', formatCount(intent.chatIds.length));
  }
}

/**
 * Names and quoted pins are other people's text, in either direction, set inside a translated sentence: each is a
 * bidi isolate (FSI…PDI), else in Arabic a Latin quote's "—" and "…" drift out of it, and an Arabic name in an
 * English sentence pulls its neighbours along.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

function isolated(names: Names): Names {
  return {
    chat: (chatId) => isolate(names.chat(chatId)),
    folder: (folderId) => isolate(names.folder(folderId)),
    pin: (chatId, messageId) => {
      const quoted = names.pin?.(chatId, messageId);
      return quoted === undefined ? undefined : isolate(quoted);
    },
  };
}

/**
 * Why something is not done, as the person who asked would put it: a passing failure says what is wrong with
 * Cliq, not which internal read hit it. Other failures already speak of the user's action.
 */
export function failureInWords(failure: IntentFailure): string {
  if (failure.kind !== 'transient') return failure.message;
  if (failure.status !== undefined) return t('popupCliqTrouble', String(failure.status));
  return t('popupCliqUnreachable');
}

/** A pin named in a sentence: its text on one line, cut short ("Wi-Fi password for the…"). */
export function quotePin(pin: Parameters<typeof pinSummary>[0]): string {
  const text = pinSummary(pin).replace(/\s+/g, ' ').trim();
  if (!text) return t('popupNoText');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
