import { DEFAULT_FOLDER_ID } from '../../cliq';
import { t, tn } from '../../i18n';
import type { FolderIntent, IntentOf } from '../../intents/intents';
import { isInPlace } from '../../intents/placement';
import { mergeChatEdit, sameIds } from '../../lists/rules';
import type { FolderList } from '../../store/cache';
import type { FolderRecord } from '../../store/records';
import { baseOf, gone, MAX_IDS_PER_REQUEST, type PlanContext, type Step } from './step';

type Ctx = PlanContext<FolderList>;

const folderIn = (view: FolderList | undefined, folderId: string) => view?.folders.find((f) => f.folderId === folderId);

/** A conclusion that sends nothing needs a list read after the intent was made; an older one is read again. */
const conclude = (trusted: boolean, step: Step): Step => (trusted ? step : { type: 'read' });

export function planFolderIntent(intent: FolderIntent, ctx: Ctx): Step {
  switch (intent.kind) {
    case 'pinChatToFolder':
      return planPinChat(intent, ctx);
    case 'unpinChat':
      if (ctx.trusted && !ctx.view?.folders.some((f) => f.chatIds.includes(intent.chatId))) return { type: 'done' };
      return send(ctx, { op: 'unpinChat', params: { chatId: intent.chatId } });
    case 'moveChatInFolder':
      return planChatMove(intent, ctx);
    case 'moveFolder':
      return planFolderMove(intent, ctx);
    case 'createFolder':
      return planCreate(intent, ctx);
    case 'renameFolder':
      return planUpdate(intent.folderId, (f) => f.title === intent.title, { title: intent.title }, ctx);
    case 'changeFolderSymbol':
      return planUpdate(intent.folderId, (f) => f.symbol === intent.symbol, { symbol: intent.symbol }, ctx);
    case 'setFolderCollapsed': {
      const state = intent.collapsed ? 'collapsed' : 'expanded';
      return planUpdate(intent.folderId, (f) => f.collapsed === intent.collapsed, { state }, ctx);
    }
    case 'deleteFolder':
      if (ctx.trusted && !folderIn(ctx.view, intent.folderId)) return { type: 'done' };
      return send(ctx, { op: 'deleteFolder', params: { categoryId: intent.folderId, unpinAll: intent.unpinAll } });
    case 'replaceFolderChats':
      return planReplace(intent, ctx);
    case 'removeChatsFromAllFolders':
      return planRemoveEverywhere(intent, ctx);
  }
}

function send(ctx: Ctx, request: Extract<Step, { type: 'send' }>['request']): Step {
  return { type: 'send', request, completes: true, rereadOnInvalid: !ctx.trusted };
}

function planPinChat(intent: IntentOf<'pinChatToFolder'>, ctx: Ctx): Step {
  const folder = folderIn(ctx.view, intent.folderId ?? DEFAULT_FOLDER_ID);
  if (ctx.trusted && !folder) return gone(t('queueFolderGone'));
  if (ctx.trusted && folder?.chatIds.includes(intent.chatId)) return { type: 'done' };
  // No folder means My Pins on the wire too.
  return send(ctx, { op: 'pinChat', params: { chatId: intent.chatId, categoryId: intent.folderId } });
}

function planChatMove(intent: IntentOf<'moveChatInFolder'>, ctx: Ctx): Step {
  const basedOn = baseOf(ctx.view);
  if (!basedOn) return { type: 'read' };
  const folder = folderIn(ctx.view, intent.folderId);
  if (!folder) return conclude(ctx.trusted, gone(t('queueFolderGone')));
  if (!folder.chatIds.includes(intent.chatId)) return conclude(ctx.trusted, gone(t('queueChatNotInFolder')));
  if (intent.above !== undefined && !folder.chatIds.includes(intent.above)) {
    return conclude(ctx.trusted, gone(t('queueAboveChatGone')));
  }
  if (intent.above === intent.chatId || isInPlace(folder.chatIds, intent.chatId, { above: intent.above })) {
    return conclude(ctx.trusted, { type: 'done' });
  }
  return send(ctx, {
    op: 'reorderChatInFolder',
    params: { categoryId: intent.folderId, chatId: intent.chatId, pinAbove: intent.above, basedOn },
  });
}

function planFolderMove(intent: IntentOf<'moveFolder'>, ctx: Ctx): Step {
  const basedOn = baseOf(ctx.view);
  if (!ctx.view || !basedOn) return { type: 'read' };
  const order = ctx.view.folders.map((f) => f.folderId);
  if (!order.includes(intent.folderId)) return conclude(ctx.trusted, gone(t('queueFolderGone')));
  if (intent.above !== undefined && !order.includes(intent.above)) {
    return conclude(ctx.trusted, gone(t('queueAboveFolderGone')));
  }
  if (intent.above === intent.folderId || isInPlace(order, intent.folderId, { above: intent.above })) {
    return conclude(ctx.trusted, { type: 'done' });
  }
  return send(ctx, { op: 'moveFolder', params: { categoryId: intent.folderId, pinAbove: intent.above, basedOn } });
}

/**
 * Creating is not idempotent: the folders that existed when it was sent are remembered, so after a lost
 * answer a new folder with this title shows that it was created, and it is not created twice.
 */
function planCreate(intent: IntentOf<'createFolder'>, ctx: Ctx): Step {
  if (!ctx.view) return { type: 'read' };
  const known = ctx.record.memory.knownFolderIds;
  if (known && ctx.trusted) {
    const before = new Set(known);
    if (ctx.view.folders.some((f) => !before.has(f.folderId) && f.title === intent.title)) return { type: 'done' };
  }
  return {
    type: 'send',
    request: { op: 'createFolder', params: { title: intent.title, symbol: intent.symbol, chatIds: intent.chatIds } },
    completes: true,
    rereadOnInvalid: false,
    remember: { knownFolderIds: ctx.view.folders.map((f) => f.folderId) },
  };
}

function planUpdate(
  folderId: string,
  isApplied: (folder: FolderRecord) => boolean,
  change: { title?: string; symbol?: string; state?: 'expanded' | 'collapsed' },
  ctx: Ctx,
): Step {
  const folder = folderIn(ctx.view, folderId);
  if (ctx.trusted && !folder) return gone(t('queueFolderGone'));
  if (ctx.trusted && folder && isApplied(folder)) return { type: 'done' };
  return send(ctx, { op: 'updateFolder', params: { categoryId: folderId, ...change } });
}

/** Replacing overwrites the whole list, so the user's edit is re-applied to the newest list (see mergeChatEdit). */
function planReplace(intent: IntentOf<'replaceFolderChats'>, ctx: Ctx): Step {
  const basedOn = baseOf(ctx.view);
  if (!basedOn) return { type: 'read' };
  const folder = folderIn(ctx.view, intent.folderId);
  if (!folder) return conclude(ctx.trusted, gone(t('queueFolderGone')));
  let chatIds = mergeChatEdit(intent.editedFrom ?? ctx.record.memory.baseChatIds, intent.chatIds, folder.chatIds);
  if (intent.movedTo !== undefined) {
    if (!ctx.trusted) return { type: 'read' };
    const arrived = new Set(folderIn(ctx.view, intent.movedTo)?.chatIds);
    const stranded = folder.chatIds.filter((id) => !chatIds.includes(id) && !arrived.has(id));
    if (stranded.length > 0) {
      // Whatever else the edit does still goes out; the chats that did not arrive stay, in their places.
      const staying = new Set([...chatIds, ...stranded]);
      chatIds = [
        ...folder.chatIds.filter((id) => staying.has(id)),
        ...chatIds.filter((id) => !folder.chatIds.includes(id)),
      ];
      if (sameIds(chatIds, folder.chatIds)) {
        return { type: 'fail', failure: { kind: 'invalid', message: tn('queueChatsStranded', stranded.length) } };
      }
    }
  }
  if (sameIds(chatIds, folder.chatIds)) return conclude(ctx.trusted, { type: 'done' });
  return send(ctx, { op: 'replaceFolderChats', params: { categoryId: intent.folderId, chatIds, basedOn } });
}

function planRemoveEverywhere(intent: IntentOf<'removeChatsFromAllFolders'>, ctx: Ctx): Step {
  const confirmed = new Set(ctx.record.memory.confirmedIds);
  let pending = intent.chatIds.filter((id) => !confirmed.has(id));
  if (ctx.trusted && ctx.view) {
    const pinned = new Set(ctx.view.folders.flatMap((f) => f.chatIds));
    pending = pending.filter((id) => pinned.has(id));
  }
  if (pending.length === 0) return { type: 'done' };
  return {
    type: 'send',
    request: { op: 'removeChatsFromAllFolders', params: { chatIds: pending.slice(0, MAX_IDS_PER_REQUEST) } },
    batch: { key: 'removeChats', ids: pending },
    completes: false,
    rereadOnInvalid: !ctx.trusted || ctx.record.rereadAfter === undefined,
  };
}
