/*
 * Cliq's fixed values, in a module free of schemas: the content script imports these without pulling zod
 * (which the endpoint table is built from) into the page. The endpoint table imports them from here.
 */

/** My Pins: always first, cannot be moved or deleted. */
export const DEFAULT_FOLDER_ID = 'default';

/** Cliq keeps at most 25 pins per chat, and a bulk unpin takes at most 25 ids. */
export const MAX_PINS_PER_CHAT = 25;

/** Bulk unpin across folders takes at most 25 chats. */
export const MAX_CHATS_PER_REMOVAL = 25;
