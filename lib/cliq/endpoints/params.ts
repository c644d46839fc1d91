import { type MessageKey, t } from '../../i18n';
import * as z from '../zod';

/*
 * The builders below are marked free of side effects, and so is each module-level `.check(…)`: a bundler cannot
 * tell that a method call or a call of a local function only builds a schema, so without the marks every page
 * importing this module kept every schema in it (and the zod kinds those need) whether it used them or not.
 */

/**
 * What a guard calls the value it refuses: a message key (`cliqLabelChatId`), read in the UI's language when the
 * guard speaks, or, for operations of the catalogue the product never calls, the parameter's name as it is.
 */
export type Label = MessageKey | (string & {});
export const named = (label: Label) => t(label as MessageKey) || label;

/** Cliq ids are short tokens (`1573708648341_375412769224`, `CT_2243…-C4`); anything longer is a caller bug. */
const ID_MAX_LENGTH = 100;

/**
 * Any id Cliq hands out: no separators, no escapes, and never a dot segment (`.`/`..`), which URL parsing
 * would resolve into another path (a folder delete on `.` would hit the folder list itself).
 */
/* @__NO_SIDE_EFFECTS__ */
export function cliqId(label: Label) {
  return z.string({ error: () => t('cliqGuardRequired', named(label)) }).check(
    z.minLength(1, { error: () => t('cliqGuardEmpty', named(label)) }),
    z.maxLength(ID_MAX_LENGTH, { error: () => t('cliqGuardIdTooLong', named(label), String(ID_MAX_LENGTH)) }),
    z.regex(/^[^\s/\\?#%]+$/, { error: () => t('cliqGuardIdChars', named(label)) }),
    z.rule(
      (value: string) => !/^\.+$/.test(value),
      () => t('cliqGuardIdDots', named(label)),
    ),
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
export function chatId(label: Label = 'cliqLabelChatId') {
  return cliqId(label).check(
    z.regex(CHAT_ID_SHAPE, { error: (issue) => t('cliqGuardChatId', named(label), String(issue.input)) }),
  );
}

/* @__NO_SIDE_EFFECTS__ */
export function folderId(label: Label = 'cliqLabelFolderId') {
  return cliqId(label).check(
    z.regex(FOLDER_ID_SHAPE, { error: (issue) => t('cliqGuardFolderId', named(label), String(issue.input)) }),
  );
}

/** v2 payloads write the `_` inside message ids as an encoded space; both spellings name one message. */
export function normaliseMessageId(raw: string): string {
  return raw.replace(/%20| /g, '_');
}

/* @__NO_SIDE_EFFECTS__ */
export function messageId(label: Label = 'cliqLabelMessageId') {
  return z.pipe(
    z.pipe(z.string({ error: () => t('cliqGuardRequired', named(label)) }), z.transform(normaliseMessageId)),
    cliqId(label).check(
      z.regex(MESSAGE_ID_SHAPE, { error: (issue) => t('cliqGuardMessageId', named(label), String(issue.input)) }),
    ),
  );
}

/**
 * A de-duplicated list of `min..max` ids. Bulk deletes treat an empty list as "everything", so the bounds are
 * checked after de-duplication and before any request.
 */
/* @__NO_SIDE_EFFECTS__ */
export function idList(opts: {
  /** One id, and the list of them, as the guards call them. */
  label: Label;
  labels: Label;
  min: number;
  max: number;
  /** An empty list would unpin every message in the chat: the refusal says so. */
  emptyUnpinsAll?: boolean;
  item?: z.ZodMiniType<string, string>;
}) {
  const { label, labels, min, max, emptyUnpinsAll } = opts;
  const item = opts.item ?? cliqId(label);
  const empty = (problem: string) => (emptyUnpinsAll ? t('cliqGuardEmptyUnpinsAll', problem) : problem);
  return z.pipe(
    z.pipe(
      z.array(item, { error: () => empty(t('cliqGuardListRequired', named(labels))) }),
      z.transform((ids) => [...new Set(ids)]),
    ),
    z.array(z.string()).check(
      z.minLength(min, { error: () => empty(t('cliqGuardAtLeast', String(min), named(label))) }),
      z.maxLength(max, {
        error: (issue) =>
          t('cliqGuardPerRequest', String(max), named(labels), String((issue.input as unknown[]).length)),
      }),
    ),
  );
}

/* @__NO_SIDE_EFFECTS__ */
export const title = (label: Label, max = 255) =>
  z
    .string({ error: () => t('cliqGuardRequired', named(label)) })
    .check(
      z.minLength(1, { error: () => t('cliqGuardEmpty', named(label)) }),
      z.maxLength(max, { error: () => t('cliqGuardTooLong', named(label), String(max)) }),
    );

/** An empty symbol is allowed: Cliq reads it as "no symbol". */
export const folderSymbol = /* @__PURE__ */ z
  .string()
  .check(z.maxLength(50, { error: () => t('cliqGuardTooLong', t('cliqLabelFolderSymbol'), '50') }));

/**
 * ISO 8601 with seconds and an offset on a real calendar day, `2025-03-01T09:00:00.5+05:30`: the pattern of zod's
 * `iso.datetime({ offset: true })` (a unit test keeps them equal), as a regex check, since regex checks ship anyway
 * and zod's string-format kind would add 0.7 kB gzip to the background.
 */
export const ISO_DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/* @__NO_SIDE_EFFECTS__ */
export const isoDateTime = (error?: () => string) => z.string().check(z.regex(ISO_DATE_TIME, error && { error }));

/** Cliq takes an ISO 8601 string or epoch milliseconds. */
/* @__NO_SIDE_EFFECTS__ */
export function timestamp(label: Label) {
  const error = () => t('cliqGuardTimestamp', named(label));
  return z.union([z.int().check(z.nonnegative()), isoDateTime(error)], { error });
}

/** `-1` keeps the pin until someone removes it. */
export const expiryTime = z.union([z.literal(-1), timestamp('cliqLabelExpiryTime')], {
  error: () => t('cliqGuardExpiry'),
});

export const listView = z.object(
  { lastSyncTime: z.int({ error: () => t('cliqGuardSyncTime') }).check(z.nonnegative()) },
  { error: () => t('cliqGuardBasedOn') },
);

export const csv = (ids: readonly string[]) => ids.join(',');
