import type { Auth } from '../auth/session';
import { accountDbName } from '../store/account';
import { openPinsDb } from '../store/db';
import { createServices, type ServiceEvents, type Services } from './services';

/**
 * Queue, sync and cache of the signed-in account, each account on its own database; none while signed out.
 * A different account (another user, another API host) opens its own database and never sees this one's.
 */
export function createAccountServices(auth: Auth, events: ServiceEvents) {
  let current: { key: string; services: Promise<Services> } | undefined;

  return {
    async services(): Promise<Services | undefined> {
      const account = await auth.account();
      if (!account) return undefined;
      if (current?.key !== account.key) {
        const previous = current;
        current = {
          key: account.key,
          services: openPinsDb(accountDbName(account.key)).then((db) => createServices(db, auth, events)),
        };
        void previous?.services.then((old) => old.stop());
      }
      return current.services;
    },

    /** The connection or the account changed: the next `services()` starts again on the new settings. */
    async restart(): Promise<void> {
      const previous = current;
      current = undefined;
      (await previous?.services)?.stop();
    },
  };
}
