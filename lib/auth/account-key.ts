/*
 * Apart from session.ts, whose schemas import zod: the popup opens the signed-in account's database by this on
 * every opening, without asking the worker, and need not carry zod at start to find it.
 */

/**
 * Whose data the cache and the queue hold (storage.local, so it survives a browser restart and the popup can
 * open that account's database without asking the worker). Absent = signed out.
 */
export const ACCOUNT_KEY = 'account';
