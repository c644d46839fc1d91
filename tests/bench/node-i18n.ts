import { messageGetter } from '../messages';

/*
 * The benches that run the queue and the message checks in Node (no browser) still reach lib/i18n.ts: every
 * error sentence is a message key. Node has no extension API, so English messages are served here, as the
 * browser would. Imported first by the bench's entry: `wxt/browser` picks its `chrome` when first imported.
 */
const host = globalThis as { chrome?: unknown };
host.chrome ??= { i18n: { getMessage: messageGetter('en'), getUILanguage: () => 'en-US' } };
