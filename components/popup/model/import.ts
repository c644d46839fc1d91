import type { ChatPins } from '../../../lib/board/read-models';
import { chatId, isoDateTime, MAX_PINS_PER_CHAT, messageId } from '../../../lib/cliq';
import * as z from '../../../lib/cliq/zod';
import { t } from '../../../lib/i18n';
import type { IntentInput } from '../../../lib/intents/intents';
import type { PinRecord } from '../../../lib/store/records';
import { isExpired } from './filters';
import { planPinRestore } from './undo';

/*
 * Restoring pins from one of our JSON exports (`toJson` in ./export.ts). The file is checked whole before anything
 * is planned: a file that is not ours, or is damaged anywhere, is refused with one sentence and changes nothing.
 */

const EXPORT_FORMAT = 'cliq-pins-export';
/** Larger than any export of 1,000 chats × 25 pins; anything bigger is not one of ours. */
const MAX_FILE_BYTES = 20_000_000;

const time = isoDateTime();
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const exportedPin = z.object({
  messageId: messageId(),
  text: z.string(),
  file: maybe(z.string()),
  senderName: maybe(z.string()),
  sentAt: maybe(time),
  pinnedAt: maybe(time),
  pinnedBy: maybe(z.string()),
  expiresAt: z.nullable(time),
  primary: z.optional(z.boolean()),
});
const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: maybe(time),
  chats: z.array(
    z.object({
      chatId: chatId(),
      chatName: maybe(z.string()),
      pins: z.array(exportedPin).check(z.maxLength(MAX_PINS_PER_CHAT)),
    }),
  ),
});
export type ExportFile = z.output<typeof exportFileSchema>;

export type ParsedImport = { ok: true; file: ExportFile } | { ok: false; error: string };

/** The file's text as one of our exports, or the reason it is refused. */
export function parseExportFile(text: string): ParsedImport {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: t('importNotOurs') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: t('importNotJson') };
  }
  const marker = data !== null && typeof data === 'object' ? (data as { format?: unknown; version?: unknown }) : {};
  if (marker.format !== EXPORT_FORMAT) return { ok: false, error: t('importNotOurs') };
  if (typeof marker.version === 'number' && marker.version > 1) return { ok: false, error: t('importNewer') };
  const parsed = exportFileSchema.safeParse(data);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: t('importDamaged', issue?.path.join('.') || '-', issue?.message ?? '') };
}

export type ImportOutcome = 'restore' | 'pinned' | 'full' | 'noAccess' | 'expired';

interface ImportRow {
  messageId: string;
  summary: string;
  outcome: ImportOutcome;
}

export interface ImportChat {
  chatId: string;
  chatName: string;
  rows: ImportRow[];
}

export interface ImportPlan {
  chats: ImportChat[];
  intents: IntentInput[];
  /** What undo unpins: the pins this import pins again, per chat. */
  restored: Map<string, string[]>;
}

const pinRecord = (pin: ExportFile['chats'][number]['pins'][number]): PinRecord => ({
  messageId: pin.messageId,
  text: pin.text,
  ...(pin.file && { attachment: { name: pin.file } }),
  senderName: pin.senderName ?? undefined,
  expiry: pin.expiresAt ? Date.parse(pin.expiresAt) : -1,
});

/**
 * What the file would change, judged against the board: pins already pinned stay; a chat the signed-in account
 * does not have is out of reach; a pin whose expiry has passed is not brought back; and a chat holds at most 25
 * pins, so only as many as fit are restored (the file's order decides which). The rest is pinned again with its
 * expiry, in its old order, as undo of a bulk unpin does.
 */
export function planImport(
  file: ExportFile,
  board: { pins: readonly ChatPins[]; chats: readonly { chatId: string; name?: string }[] },
  now: number,
): ImportPlan {
  const known = new Map(board.chats.map((chat) => [chat.chatId, chat.name]));
  const chats: ImportChat[] = [];
  const intents: IntentInput[] = [];
  const restored = new Map<string, string[]>();
  for (const chat of file.chats) {
    const current = (board.pins.find((c) => c.chatId === chat.chatId)?.pins ?? []).filter((p) => !isExpired(p, now));
    const pinned = new Set(current.map((p) => p.messageId));
    let room = MAX_PINS_PER_CHAT - current.length;
    // The primary first, as Cliq orders it (an export made in "newest pinned" order lists it elsewhere).
    const before = [...chat.pins]
      .sort((a, b) => Number(b.primary ?? false) - Number(a.primary ?? false))
      .map(pinRecord);
    const rows = before.map((pin): ImportRow => {
      const summary = pin.attachment ? [pin.attachment.name, pin.text].filter(Boolean).join(' — ') : pin.text;
      const row = (outcome: ImportOutcome) => ({ messageId: pin.messageId, summary, outcome });
      if (!known.has(chat.chatId)) return row('noAccess');
      if (pinned.has(pin.messageId)) return row('pinned');
      if (isExpired(pin, now)) return row('expired');
      if (room <= 0) return row('full');
      room -= 1;
      return row('restore');
    });
    const restore = rows.filter((r) => r.outcome === 'restore').map((r) => r.messageId);
    if (restore.length > 0) {
      intents.push(...planPinRestore(chat.chatId, before, new Set(restore), current, now));
      restored.set(chat.chatId, restore);
    }
    chats.push({ chatId: chat.chatId, chatName: known.get(chat.chatId) ?? chat.chatName ?? chat.chatId, rows });
  }
  return { chats, intents, restored };
}

/** Undo of a restore: unpins what it pinned again and is still pinned. */
export function planImportUndo(
  restored: ReadonlyMap<string, readonly string[]>,
  current: ReadonlyMap<string, readonly PinRecord[]>,
): IntentInput[] {
  return [...restored].flatMap(([chatId, ids]): IntentInput[] => {
    const pinned = new Set((current.get(chatId) ?? []).map((pin) => pin.messageId));
    const messageIds = ids.filter((id) => pinned.has(id));
    return messageIds.length > 0 ? [{ kind: 'unpinMessages', chatId, messageIds }] : [];
  });
}
