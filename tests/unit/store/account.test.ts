import { describe, expect, it } from 'vitest';
import { accountDbName, forgetUnownedData } from '../../../lib/store/account';
import { DEFAULT_DB_NAME, openPinsDb } from '../../../lib/store/db';

describe("each account's database", () => {
  it('is named by the account, and the old shared database (owner unknown) is deleted, not adopted', async () => {
    expect(accountDbName('https://cliq.zoho.uk 42')).toBe('cliq-pins https://cliq.zoho.uk 42');
    const legacy = await openPinsDb(DEFAULT_DB_NAME);
    await legacy.put('pinLists', { chatId: 'CT_1_1', pins: [], fetchedAt: 1, fullSyncAt: 1, changedSinceRead: false });
    legacy.close();
    const mine = await openPinsDb(accountDbName('https://cliq.zoho.com 7'));
    await mine.put('pinLists', { chatId: 'CT_2_1', pins: [], fetchedAt: 1, fullSyncAt: 1, changedSinceRead: false });
    mine.close();

    await forgetUnownedData();

    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(DEFAULT_DB_NAME);
    expect(names).toContain('cliq-pins https://cliq.zoho.com 7');
  });
});
