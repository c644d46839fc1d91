import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { PinsDbSchema, StoreName } from './records';

export const DEFAULT_DB_NAME = 'cliq-pins';

export type PinsDb = IDBPDatabase<PinsDbSchema>;
type UpgradeTransaction = IDBPTransaction<PinsDbSchema, StoreName[], 'versionchange'>;

/**
 * Numbered schema steps: step N upgrades a database at version N-1 to N. A released step never changes;
 * a new need is a new step, so every user's database walks the same path.
 */
const MIGRATIONS: readonly ((db: IDBPDatabase<PinsDbSchema>, tx: UpgradeTransaction) => void)[] = [
  // 1: the cache, the journal and the rate ledger.
  (db) => {
    db.createObjectStore('chats', { keyPath: 'chatId' });
    db.createObjectStore('pinLists', { keyPath: 'chatId' });
    db.createObjectStore('folders', { keyPath: 'folderId' });
    db.createObjectStore('meta');
    const intents = db.createObjectStore('intents', { keyPath: 'id', autoIncrement: true });
    intents.createIndex('byState', 'state');
    const ledger = db.createObjectStore('ledger', { keyPath: 'id', autoIncrement: true });
    ledger.createIndex('byBudget', 'budget');
    db.createObjectStore('budgetLocks', { keyPath: 'budget' });
  },
  // 2: the pin sweep visits recently active chats first.
  (_db, tx) => {
    tx.objectStore('chats').createIndex('byActivity', 'lastActivityAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Opens (creating or upgrading) the extension's database; tests pass their own name to stay isolated. */
export function openPinsDb(name: string = DEFAULT_DB_NAME, version: number = DB_VERSION): Promise<PinsDb> {
  return openDB<PinsDbSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) MIGRATIONS[step]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // Another context (a newer worker) wants to upgrade: let it, rather than leave both stuck.
      (event.target as IDBDatabase).close();
    },
  });
}
