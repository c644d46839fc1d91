import * as z from '../zod';

/*
 * The builders below are marked free of side effects, and so is each module-level `.check(…)`: a bundler cannot
 * tell that a method call or a call of a local function only builds a schema, so without the marks every page
 * importing this module kept every schema in it (and the zod kinds those need) whether it used them or not.
 */

/** Cliq ids are short tokens (`1573708648341_375412769224`, `CT_2243…-C4`); anything longer is a caller bug. */
const ID_MAX_LENGTH = 100;

/**
 * Any id Cliq hands out: no separators, no escapes, and never a dot segment (`.`/`..`), which URL parsing
 * would resolve into another path (a folder delete on `.` would hit the folder list itself).
 */
/* @__NO_SIDE_EFFECTS__ */
export function cliqId(label: string) {
  return z.string({ error: `${label} is required` }).check(
    z.minLength(1, { error: `${label} is empty` }),
    z.maxLength(ID_MAX_LENGTH, {
      error: `${label} is longer than ${ID_MAX_LENGTH} characters, so it is not a Cliq id`,
    }),
    z.regex(/^[^\s/\\?#%]+$/, { error: `${label} contains characters that no Cliq id has` }),
    z.refine((value) => !/^\.+$/.test(value), { error: `${label} "." or ".." is not a Cliq id` }),
  );
}

/**
 * The shapes Cliq's chat ids take: `CT_<digits>_<digits>` with optional suffixes (`-B1`, `-PC`, `-T-<thread>`),
 * or a plain 19-digit number.
 */
const CHAT_ID_SHAPE = /^(?:CT_\d+_\d+(?:-[A-Za-z0-9_]+)*|\d{19})$/;
/** `<epoch ms>_<digits>` (v2 payloads write the `_` as a space or `%20`; normalised first). */
const MESSAGE_ID_SHAPE = /^\d{13}_\d+$/;
/** Folders (`category_id`) are numbers on the wire, or `default` for My Pins. */
const FOLDER_ID_SHAPE = /^(?:default|\d{1,25})$/;

/* @__NO_SIDE_EFFECTS__ */
export function chatId(label = 'chat id') {
  return cliqId(label).check(
    z.regex(CHAT_ID_SHAPE, {
      error: (issue) => `${label} "${String(issue.input)}" is not a Cliq chat id (CT_<digits>_<digits> or 19 digits)`,
    }),
  );
}

/* @__NO_SIDE_EFFECTS__ */
export function folderId(label = 'folder id') {
  return cliqId(label).check(
    z.regex(FOLDER_ID_SHAPE, {
      error: (issue) => `${label} "${String(issue.input)}" is not a Cliq folder id (digits, or "default")`,
    }),
  );
}

/** v2 payloads write the `_` inside message ids as an encoded space; both spellings name one message. */
export function normaliseMessageId(raw: string): string {
  return raw.replace(/%20| /g, '_');
}

/* @__NO_SIDE_EFFECTS__ */
export function messageId(label = 'message id') {
  return z.pipe(
    z.pipe(z.string({ error: `${label} is required` }), z.transform(normaliseMessageId)),
    cliqId(label).check(
      z.regex(MESSAGE_ID_SHAPE, {
        error: (issue) => `${label} "${String(issue.input)}" is not a Cliq message id (<epoch ms>_<digits>)`,
      }),
    ),
  );
}

/**
 * A de-duplicated list of `min..max` ids. Bulk deletes treat an empty list as "everything", so the bounds are
 * checked after de-duplication and before any request.
 */
/* @__NO_SIDE_EFFECTS__ */
export function idList(opts: {
  label: string;
  min: number;
  max: number;
  emptyMeans?: string;
  item?: z.ZodMiniType<string, string>;
}) {
  const { label, min, max, emptyMeans } = opts;
  const item = opts.item ?? cliqId(label);
  const empty = emptyMeans ? `: an empty list would ${emptyMeans}` : '';
  return z.pipe(
    z.pipe(
      z.array(item, { error: `a list of ${label}s is required${empty}` }),
      z.transform((ids) => [...new Set(ids)]),
    ),
    z.array(z.string()).check(
      z.minLength(min, { error: `at least ${min} ${label} is required${empty}` }),
      z.maxLength(max, {
        error: (issue) => `at most ${max} ${label}s fit in one request (got ${countOf(issue.input)})`,
      }),
    ),
  );
}

function countOf(input: unknown): number | string {
  return Array.isArray(input) ? input.length : 'more';
}

/* @__NO_SIDE_EFFECTS__ */
export const title = (label: string, max = 255) =>
  z
    .string({ error: `${label} is required` })
    .check(
      z.minLength(1, { error: `${label} is empty` }),
      z.maxLength(max, { error: `${label} is longer than ${max} characters` }),
    );

/** An empty symbol is allowed: Cliq reads it as "no symbol". */
export const folderSymbol = /* @__PURE__ */ z
  .string()
  .check(z.maxLength(50, { error: 'folder symbol is longer than 50 characters' }));

/** Cliq takes an ISO 8601 string or epoch milliseconds. */
/* @__NO_SIDE_EFFECTS__ */
export function timestamp(label: string) {
  const error = `${label} must be epoch milliseconds or an ISO 8601 time such as 2026-04-19T19:09:44+05:30`;
  return z.union([z.int().check(z.nonnegative()), z.iso.datetime({ offset: true, error })], { error });
}

/** `-1` keeps the pin until someone removes it. */
export const expiryTime = z.union([z.literal(-1), timestamp('expiry time')], {
  error: 'expiry time must be -1 (never), epoch milliseconds or an ISO 8601 time',
});

export const listView = z.object(
  { lastSyncTime: z.int({ error: 'basedOn.lastSyncTime must be epoch milliseconds' }).check(z.nonnegative()) },
  { error: 'basedOn (the view of the list this change was made from) is required' },
);

export const csv = (ids: readonly string[]) => ids.join(',');
