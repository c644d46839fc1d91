import { DEFAULT_DB_NAME, type PinsDb } from './db';
import type { IntentRecord } from './records';

/**
 * Each account (API origin plus Zoho user) has its own database, so a second account never sees the first
 * one's pins and its queue never sends the first one's intents: they are simply not in the database it opens.
 */
export function accountDbName(accountKey: string): string {
  return `${DEFAULT_DB_NAME} ${accountKey}`;
}

/**
 * Versions before per-account databases kept everything in one database that belongs to no known account: its
 * pins must not stay on disk after their owner is gone, and its queue must never go out with someone's token.
 */
export function forgetUnownedData(factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(DEFAULT_DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

const PENDING = new Set<IntentRecord['state']>(['queued', 'sending', 'waitingForSignIn']);

/** Intents not yet confirmed by Cliq and still meant to be sent: what sign-out must ask about. */
export async function countPendingIntents(db: PinsDb): Promise<number> {
  return (await db.getAll('intents')).filter((record) => PENDING.has(record.state)).length;
}

/** Settings are the user's choices, not Cliq's data: they stay with the account. */
const KEPT_META = new Set(['settings']);

/**
 * Sign-out: the account's cached pins, folders, chats and its journal go. The rate ledger stays: Cliq counts
 * requests per user, and a sign-out does not reset Cliq's window.
 */
export async function clearAccountData(db: PinsDb): Promise<void> {
  const tx = db.transaction(['chats', 'pinLists', 'folders', 'intents', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  await Promise.all([
    tx.objectStore('chats').clear(),
    tx.objectStore('pinLists').clear(),
    tx.objectStore('folders').clear(),
    tx.objectStore('intents').clear(),
    ...(await meta.getAllKeys()).filter((key) => !KEPT_META.has(String(key))).map((key) => meta.delete(key)),
  ]);
  await tx.done;
}
