/**
 * Every behaviour the Cliq documentation leaves open, every cap, and the rate-limit table, in one place:
 * when real Cliq is seen to behave differently, the fix is one line here. Facts that the docs do state
 * (paths, field names, documented codes) live with the routes that implement them.
 */

// ---- Pinned messages -------------------------------------------------------------------------------

/** Cliq's own per-chat limit; a 26th pin is refused with `PIN_LIMIT_CODE`. */
export const PIN_LIMIT_PER_CHAT = 25;
/** The project README says `operation_failed`, although the OpenAPI enum also lists `pinned_message_limit_reached`. */
export const PIN_LIMIT_CODE = 'operation_failed';
/** `DELETE .../pin-messages` takes at most this many ids; an empty or missing list removes every pin. */
export const BULK_UNPIN_MAX = 25;
export const PIN_LIST_DEFAULT_LIMIT = 20;
/** The docs give no upper bound for `limit`; larger values answer `operation_failed`. */
export const PIN_LIST_MAX_LIMIT = 100;
/** `next_token` / `sync_token` are opaque base64 strings no longer than this. */
export const OPAQUE_TOKEN_MAX_LENGTH = 100;

// ---- Chat folders (pin-categories) -----------------------------------------------------------------

export const DEFAULT_FOLDER_ID = 'default';
/** Our cap where undocumented: folders per user, not counting My Pins. */
export const FOLDER_CAP = 50;
/** Our cap where undocumented: chats per folder (My Pins included). */
export const CHATS_PER_FOLDER_CAP = 100;
export const FOLDER_TITLE_MAX = 255;
export const FOLDER_SYMBOL_MAX = 50;
export const FOLDER_CHAT_IDS_MAX = 100;
/** `DELETE /v3/pin-categories?chat_ids=` takes at most this many ids. */
export const UNPIN_CHATS_MAX = 25;
/** Chat types that may be pinned into folders; pinning a thread answers `operation_not_allowed` (our choice). */
export const FOLDER_PINNABLE_CHAT_TYPES = ['direct_message', 'group_chat', 'channel', 'bot'] as const;

// ---- Chats and messages ----------------------------------------------------------------------------

export const MESSAGE_TEXT_MAX = 5000;
export const MESSAGES_LIMIT_MAX = 100;
export const V2_CHATS_LIMIT_MAX = 100;
export const V3_CHATS_LIMIT_MAX = 100;
/** No default is documented for `GET /v3/chats` and `GET /v2/chats`: we answer up to the maximum. */
export const CHATS_DEFAULT_LIMIT = 100;
export const SEARCH_LIMIT_MAX = 500;
export const SEARCH_TITLE_MAX = 200;
export const CHAT_TITLE_MAX = 255;
export const GET_CHAT_FIELDS_MAX = 20;
export const GROUP_CREATE_USERS_MAX = 50;
export const ADD_MEMBERS_MAX = 100;
/** A group chat needs this many members including the creator (documented as "minimum 3"). */
export const GROUP_MIN_MEMBERS = 3;
/** Our cap where undocumented: participants of a group chat. */
export const GROUP_MEMBERS_CAP = 100;
/** Forks copy the messages from the chosen one onwards, at most this many. */
export const FORK_COPY_MAX = 1000;

// ---- OAuth -----------------------------------------------------------------------------------------

/** Implicit-grant tokens live one hour on the sandbox clock. */
export const ACCESS_TOKEN_LIFETIME_MS = 3_600_000;

// ---- Faults ----------------------------------------------------------------------------------------

/** A write whose response is lost (dropped or 5xx) was applied with this probability: "outcome unknown". */
export const LOST_WRITE_APPLIED_RATIO = 0.5;
/** A slow response trickles its body over this long unless the fault spec sets `slowms`. */
export const SLOW_TRICKLE_MS = 1500;

// ---- Rate limits -----------------------------------------------------------------------------------

export interface RateRule {
  /** Calls allowed per rolling "minute" (the sandbox's `minuteMs`). */
  limit: number;
  /** Lock period in minutes; scaled by `minuteMs` like the window. */
  lockMinutes: number;
}

/**
 * Budgets per method + path template, per user. The four PUT operations on `/pin-categories/{CATEGORY_ID}`
 * share their path and so one budget. Rows marked "choice" fill a "see doc" cell that the docs left open.
 */
export const RATE_LIMITS: Record<string, RateRule> = {
  // Pin messages v3
  'GET /v3/chats/{CHAT_ID}/pin-messages': { limit: 20, lockMinutes: 5 },
  'POST /v3/chats/{CHAT_ID}/pin-messages': { limit: 20, lockMinutes: 5 },
  'PUT /v3/chats/{CHAT_ID}/pin-messages': { limit: 20, lockMinutes: 5 },
  'DELETE /v3/chats/{CHAT_ID}/pin-messages': { limit: 20, lockMinutes: 5 },
  // My Pins and chat folders v3
  'GET /v3/pin-categories': { limit: 20, lockMinutes: 5 },
  'POST /v3/pin-categories': { limit: 20, lockMinutes: 5 },
  'DELETE /v3/pin-categories': { limit: 20, lockMinutes: 5 },
  'PUT /v3/pin-categories/{CATEGORY_ID}': { limit: 50, lockMinutes: 5 },
  'DELETE /v3/pin-categories/{CATEGORY_ID}': { limit: 20, lockMinutes: 5 },
  'POST /v3/chats/{CHAT_ID}/pins': { limit: 50, lockMinutes: 5 },
  'DELETE /v3/chats/{CHAT_ID}/pins': { limit: 50, lockMinutes: 5 },
  // Chats v2
  'GET /v2/chats': { limit: 20, lockMinutes: 10 },
  'GET /v2/chats/{CHAT_ID}/members': { limit: 20, lockMinutes: 10 },
  'POST /v2/chats/{CHAT_ID}/mute': { limit: 20, lockMinutes: 10 },
  'POST /v2/chats/{CHAT_ID}/unmute': { limit: 20, lockMinutes: 10 },
  'POST /v2/chats/{CHAT_ID}/leave': { limit: 20, lockMinutes: 10 },
  'POST /v2/chats/{CHAT_ID}/stickymessage': { limit: 20, lockMinutes: 10 },
  'GET /v2/chats/{CHAT_ID}/stickymessage': { limit: 20, lockMinutes: 10 },
  'DELETE /v2/chats/{CHAT_ID}/stickymessage': { limit: 20, lockMinutes: 10 },
  // Messages v2
  'GET /v2/chats/{CHAT_ID}/messages': { limit: 15, lockMinutes: 10 },
  'GET /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}': { limit: 30, lockMinutes: 10 },
  // "see doc": the docs' retrieve-a-message section (30/min) is the one that shows the thread URL.
  'GET /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/messages': { limit: 30, lockMinutes: 10 },
  'POST /v2/chats/{CHAT_ID}/message': { limit: 20, lockMinutes: 10 },
  'POST /v2/channelsbyname/{CHANNEL_UNIQUE_NAME}/message': { limit: 50, lockMinutes: 10 },
  'POST /v2/bots/{BOT_UNIQUE_NAME}/message': { limit: 20, lockMinutes: 10 },
  'POST /v2/buddies/{EMAIL_ID}/message': { limit: 20, lockMinutes: 10 },
  'PUT /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}': { limit: 20, lockMinutes: 10 },
  'DELETE /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}': { limit: 20, lockMinutes: 10 },
  'POST /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/reactions': { limit: 20, lockMinutes: 10 },
  'GET /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/reactions': { limit: 20, lockMinutes: 10 },
  'DELETE /v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/reactions': { limit: 20, lockMinutes: 10 },
  // Chats v3
  'GET /v3/chats': { limit: 30, lockMinutes: 10 },
  'GET /v3/chats/search': { limit: 50, lockMinutes: 10 },
  'GET /v3/chats/{CHAT_ID}': { limit: 60, lockMinutes: 5 },
  // update_title / update_history_status document 10 min; the other operations on this path give none.
  'PUT /v3/chats/{CHAT_ID}': { limit: 60, lockMinutes: 10 },
  // Choice: the docs give 30/min and no lock period for creating chats.
  'POST /v3/chats': { limit: 30, lockMinutes: 10 },
  'PUT /v3/chats': { limit: 60, lockMinutes: 5 },
  'GET /v3/chats/{CHAT_ID}/members': { limit: 20, lockMinutes: 10 },
  'POST /v3/chats/{CHAT_ID}/members': { limit: 20, lockMinutes: 10 },
  'DELETE /v3/chats/{CHAT_ID}/members': { limit: 20, lockMinutes: 10 },
  // The docs give a 10 second lock for forks and a 50 minute lock for typing activities.
  'POST /v3/chats/{CHAT_ID}/forks': { limit: 50, lockMinutes: 10 / 60 },
  'POST /v3/chats/{CHAT_ID}/activities': { limit: 100, lockMinutes: 50 },
  'POST /v3/chats/{CHAT_ID}/leave': { limit: 20, lockMinutes: 10 },
  'POST /v3/chats/{CHAT_ID}/mute': { limit: 20, lockMinutes: 10 },
  'POST /v3/chats/{CHAT_ID}/unmute': { limit: 20, lockMinutes: 10 },
};

/** Over-limit answer; the `limit=400` fault switches to the reported `400 request_limit_exceeded` variant. */
export const RATE_LIMITED_CODE_400 = 'request_limit_exceeded';
