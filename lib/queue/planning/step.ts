import type { ParamsOf } from '../../cliq';
import type { IntentFailure, IntentMemory, IntentRecord, ListState } from '../../store/records';

export type WriteOp =
  | 'unpinMessages'
  | 'pinMessage'
  | 'reorderPinnedMessage'
  | 'pinChat'
  | 'unpinChat'
  | 'reorderChatInFolder'
  | 'moveFolder'
  | 'createFolder'
  | 'updateFolder'
  | 'deleteFolder'
  | 'replaceFolderChats'
  | 'removeChatsFromAllFolders';

export type WriteRequest = { [Op in WriteOp]: { op: Op; params: ParamsOf<Op> } }[WriteOp];

/** Ids an intent still needs sent in a bulk request; intents with the same key share requests. */
interface BatchPart {
  key: string;
  ids: string[];
}

/** What to do next for an intent, decided from the cached list Cliq last confirmed. */
export type Step =
  | { type: 'done' }
  | { type: 'fail'; failure: IntentFailure }
  /** Read the list from Cliq first: there is none, or it is too old to decide from or to base a write on. */
  | { type: 'read' }
  | {
      type: 'send';
      request: WriteRequest;
      batch?: BatchPart;
      /** Success finishes the intent (otherwise it is planned again from the updated cache). */
      completes: boolean;
      /**
       * The request was built from a list older than the intent: if Cliq refuses it as invalid, read the list
       * and re-apply once before failing, since the refusal may be about what changed meanwhile.
       */
      rereadOnInvalid: boolean;
      /** Stored with the intent when the request is sent. */
      remember?: IntentMemory;
    };

export interface PlanContext<View extends ListState> {
  record: IntentRecord;
  view: View | undefined;
  /**
   * The cached list was read from Cliq after the intent was made (or after its unknown outcome), so it may
   * decide that nothing needs sending, or that what the intent acts on is gone.
   */
  trusted: boolean;
  now: number;
}

export const MAX_IDS_PER_REQUEST = 25;

/** A read that started after the intent was made, or strictly after its outcome became unknown. */
export function isTrusted(record: IntentRecord, view: ListState | undefined): boolean {
  if (view === undefined) return false;
  return record.rereadAfter === undefined ? view.fetchedAt >= record.createdAt : view.fetchedAt > record.rereadAfter;
}

export const gone = (message: string): Step => ({ type: 'fail', failure: { kind: 'gone', message } });

/** A write based on `view` must carry its `last_sync_time`; without a clean one, read first. */
export function baseOf(view: ListState | undefined): { lastSyncTime: number } | undefined {
  if (!view || view.changedSinceRead || view.lastSyncTime === undefined) return undefined;
  return { lastSyncTime: view.lastSyncTime };
}

/** The same bulk request carrying another set of ids. */
export function withIds(request: WriteRequest, ids: string[]): WriteRequest {
  if (request.op === 'unpinMessages') return { op: request.op, params: { ...request.params, messageIds: ids } };
  if (request.op === 'removeChatsFromAllFolders') return { op: request.op, params: { chatIds: ids } };
  return request;
}
