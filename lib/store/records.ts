import type { DBSchema } from 'idb';
import type { CliqErrorKind } from '../cliq';
import type { Intent } from '../intents/intents';

/** A list as Cliq last showed it: what `last_sync_time` is sent from, and when we last read it. */
export interface ListState {
  /** `view.lastSyncTime` of the read the cached list came from; absent until the first read. */
  lastSyncTime?: number;
  /** Our clock when the list was last read from Cliq. */
  fetchedAt: number;
  /**
   * One of our own writes changed the list after that read, so Cliq will refuse `lastSyncTime`:
   * reorders and replaces read the list again first.
   */
  changedSinceRead: boolean;
}

export interface ChatRecord {
  chatId: string;
  name?: string;
  type?: string;
  /** Epoch ms of the newest message or change Cliq reported; orders the pin sweep. */
  lastActivityAt: number;
}

export interface PinRecord {
  messageId: string;
  /** As Cliq shows it: mentions resolved to names; for a file, its comment. */
  text: string;
  /** A file message's file; `kind` is Cliq's file type (`image`, `file`, ...) when it says. */
  attachment?: { name: string; kind?: string };
  senderName?: string;
  /** Epoch ms the message was sent. */
  sentAt?: number;
  /** -1 (never) or epoch ms. */
  expiry: number;
  /** Epoch ms the message was pinned. */
  pinnedAt?: number;
  pinnedBy?: string;
  /** Cliq's id of whoever pinned it: the same user id Zoho names at sign-in, so "pinned by me" needs no name. */
  pinnedById?: string;
}

/** One chat's pinned messages in Cliq's order: the first is the primary pin. */
export interface PinListRecord extends ListState {
  chatId: string;
  pins: PinRecord[];
  syncToken?: string;
  /** Our clock at the last complete listing (not a `sync_token` delta). */
  fullSyncAt: number;
}

export interface FolderRecord {
  folderId: string;
  /** My Pins carries no title or symbol. */
  title?: string;
  symbol?: string;
  collapsed: boolean;
  chatIds: string[];
  /** Place in the folder list; My Pins is 0. */
  position: number;
}

type IntentState = 'queued' | 'sending' | 'done' | 'failed' | 'waitingForSignIn';

/** What an intent's earlier attempts taught the queue; it survives restarts with the intent. */
export interface IntentMemory {
  /** Batched intents: ids Cliq confirmed (unpinned messages, chats removed from folders). */
  confirmedIds?: string[];
  /** changePinExpiry: where the pin sat before it was unpinned, so pinning it again can restore that. */
  placement?: { primary: boolean; above?: string; position?: number };
  /** changePinExpiry: the unpin step was sent (so a missing pin means it landed, not that someone else removed it). */
  unpinSent?: boolean;
  /** changePinExpiry: the pin as it was, to keep showing it while it is briefly unpinned. */
  removedPin?: PinRecord;
  /** replaceFolderChats: the chat list the user edited, for re-applying the edit to a newer list. */
  baseChatIds?: string[];
  /** createFolder: folders that existed when the create was sent, to recognise the new one after a lost answer. */
  knownFolderIds?: string[];
}

export interface IntentRecord {
  id: number;
  intent: Intent;
  state: IntentState;
  createdAt: number;
  updatedAt: number;
  /** Transient failures so far (backoff grows with it). */
  attempts: number;
  /** `client_not_synced` answers so far; the list is read again and the intent re-applied at most twice. */
  conflicts: number;
  /** Not before this time (backoff). */
  notBefore: number;
  /**
   * The outcome of a send is unknown (lost answer, conflict, or the worker stopped mid-request): settle it
   * with a read of the list that starts after this time, never by sending it again blindly.
   */
  rereadAfter?: number;
  memory: IntentMemory;
  error?: IntentFailure;
}

/** Why an intent failed, in words for the person who asked for it; `gone` = what it acts on no longer exists. */
export interface IntentFailure {
  kind: CliqErrorKind | 'gone';
  message: string;
  code?: string;
  status?: number;
}

export type NewIntentRecord = Omit<IntentRecord, 'id'>;

/** One reserved request slot of a rate budget. */
export interface LedgerEntry {
  id: number;
  budget: string;
  reservedAt: number;
  /** When the answer (or failure, or time-out) arrived; null while in flight. */
  settledAt: number | null;
  /** The worker that sent it: an unsettled entry from another worker died in flight. */
  boot: string;
}

interface BudgetLock {
  budget: string;
  lockedUntil: number;
}

export interface PinSweep {
  startedAt: number;
  /** Chats still to list, highest priority first. */
  pending: string[];
  /** Chats this sweep lists in all (read and pending), for "42 of 180 chats read"; absent in sweeps before it. */
  total?: number;
  finishedAt?: number;
  /** The user asked for a refresh then: lists read before it are read again, however recent. */
  staleBefore?: number;
  /** When a sweep last read every chat (this one or an earlier one): the board was complete then. */
  completedAt?: number;
  /** Chats whose pins this sweep could not read (Cliq's answer did not parse): their cached pins may be stale. */
  unreadable?: string[];
}

export interface QueueMeta {
  /** An auth failure paused the queue until `resume()`. */
  waitingForSignIn: boolean;
  /** Intents created from here on count towards the progress shown. */
  roundStartedAt: number;
}

export interface PinsDbSchema extends DBSchema {
  chats: { key: string; value: ChatRecord; indexes: { byActivity: number } };
  pinLists: { key: string; value: PinListRecord };
  folders: { key: string; value: FolderRecord };
  /** Out-of-line keys: `folderList` (ListState), `pinSweep` (PinSweep), `queue` (QueueMeta), `settings`. */
  meta: { key: string; value: unknown };
  intents: { key: number; value: IntentRecord; indexes: { byState: IntentState } };
  ledger: { key: number; value: LedgerEntry; indexes: { byBudget: string } };
  budgetLocks: { key: string; value: BudgetLock };
}

export type StoreName = 'chats' | 'pinLists' | 'folders' | 'meta' | 'intents' | 'ledger' | 'budgetLocks';
