/**
 * The JSON seed format: what `POST /__sandbox/seed` accepts and what the built-in seeds are written in.
 * Times are epoch ms or ISO 8601; omitted times are filled in relative to the sandbox clock.
 * The signed-in user is added to every chat unless the chat says `removed: true`.
 */
import { z } from 'zod';
import { DEFAULT_FOLDER_ID, PIN_LIMIT_PER_CHAT } from './rules';
import type { Chat, Message, SandboxState } from './state';

export const DEFAULT_ORG_ID = '700012345';
export const DEFAULT_CURRENT_USER = { id: '61000001', name: 'Alex Morgan', email: 'alex.morgan@sandbox.example' };

const time = z.union([z.number(), z.string()]);
const user = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  active: z.boolean().default(true),
  external: z.boolean().default(false),
});
const message = z.strictObject({
  id: z.string().optional(),
  senderId: z.string(),
  text: z.string(),
  time: time.optional(),
  mentions: z.array(z.strictObject({ id: z.string(), name: z.string(), type: z.string() })).optional(),
  /** A file message: `text` is then the file's comment. */
  file: z.strictObject({ name: z.string().min(1), type: z.string().default('file') }).optional(),
  /** The id of an earlier message of the same chat this one replies to (shown as a quoted reply). */
  replyTo: z.string().optional(),
});
const chat = z.strictObject({
  id: z.string().min(1).optional(),
  type: z.enum(['direct_message', 'group_chat', 'channel', 'thread', 'bot']),
  title: z.string(),
  memberIds: z.array(z.string()).default([]),
  creatorId: z.string().optional(),
  createdAt: time.optional(),
  muted: z.boolean().default(false),
  closed: z.boolean().default(false),
  drafts: z.boolean().default(false),
  removed: z.boolean().default(false),
  unread: z.number().int().min(0).default(0),
  usage: z.number().default(0),
  uniqueName: z.string().optional(),
  parentChatId: z.string().optional(),
  threadMessageId: z.string().optional(),
  /** Messages made up lazily (older than the explicit ones): cheap even in the thousands. */
  generatedMessages: z.number().int().min(0).default(0),
  messageStepMs: z.number().int().min(1).default(300_000),
  messages: z.array(message).default([]),
});
const pin = z.strictObject({
  chatId: z.string(),
  /** Either the message id or its index in the chat (negative counts from the newest). */
  messageId: z.string().optional(),
  messageIndex: z.number().int().optional(),
  expiry: z.union([z.literal(-1), time]).default(-1),
  creatorId: z.string().optional(),
  pinnedAt: time.optional(),
});
const folder = z.strictObject({
  id: z.string().optional(),
  title: z.string(),
  symbol: z.string().default(''),
  state: z.enum(['expanded', 'collapsed']).default('expanded'),
  chatIds: z.array(z.string()).default([]),
});

const seedDataSchema = z.strictObject({
  orgId: z.string().default(DEFAULT_ORG_ID),
  currentUser: user.optional(),
  users: z.array(user).default([]),
  chats: z.array(chat).default([]),
  /** Ordered per chat: the first pin listed for a chat is its primary. */
  pins: z.array(pin).default([]),
  /** Chats in My Pins, in order. */
  myPins: z.array(z.string()).default([]),
  folders: z.array(folder).default([]),
});

export type SeedData = z.input<typeof seedDataSchema>;

function toMs(value: number | string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${value}`);
  return ms;
}

/** Replaces the whole model with the seed. Throws with a readable message when the seed is inconsistent. */
export function loadSeed(state: SandboxState, input: SeedData): void {
  const data = seedDataSchema.parse(input);
  const now = state.now();
  state.clear();
  state.orgId = data.orgId;
  const me = data.currentUser ?? { ...DEFAULT_CURRENT_USER, active: true, external: false };
  state.currentUserId = me.id;
  for (const u of [me, ...data.users]) {
    state.users.set(u.id, { ...u, email: u.email ?? `${u.name.toLowerCase().replace(/\W+/g, '.')}@sandbox.example` });
  }
  for (const c of data.chats) {
    const id = c.id ?? state.newChatId();
    const count = c.messages.length;
    const messages: Message[] = c.messages.map((m, i) => {
      const at = toMs(m.time, now - (count - i) * 60_000);
      return {
        id: m.id ?? state.newMessageId(at),
        chatId: id,
        senderId: m.senderId,
        time: at,
        text: m.text,
        mentions: m.mentions,
        file: m.file,
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        reactions: {},
      };
    });
    const firstTime = messages[0]?.time ?? now;
    const generated =
      c.generatedMessages > 0
        ? { count: c.generatedMessages, endTime: firstTime - c.messageStepMs, stepMs: c.messageStepMs }
        : undefined;
    const oldest = generated ? generated.endTime - (generated.count - 1) * generated.stepMs : firstTime;
    const members = c.removed ? c.memberIds.filter((m) => m !== me.id) : [...new Set([me.id, ...c.memberIds])];
    const unknown = members.filter((m) => !state.users.has(m));
    if (unknown.length > 0) throw new Error(`chat ${c.title}: unknown members ${unknown.join(', ')}`);
    const createdAt = toMs(c.createdAt, oldest - 86_400_000);
    state.addChat({
      id,
      type: c.type,
      title: c.title,
      memberIds: members,
      removed: c.removed,
      muted: c.muted,
      closed: c.closed,
      drafts: c.drafts,
      usage: c.usage,
      uniqueName: c.uniqueName,
      parentChatId: c.parentChatId,
      threadMessageId: c.threadMessageId,
      creatorId: c.creatorId ?? members[0] ?? me.id,
      createdAt,
      modifiedAt: createdAt,
      historyEnabled: true,
      previousTitles: [],
      unreadCount: c.unread,
      generated,
      messages,
    });
  }
  loadPins(state, data.pins, now);
  const myPins = { id: DEFAULT_FOLDER_ID, title: '', symbol: '', state: 'expanded' as const, chatIds: data.myPins };
  state.folders = [myPins];
  for (const f of data.folders) {
    state.lastFolderNumber += 1;
    state.folders.push({ ...f, id: f.id ?? String(state.lastFolderNumber) });
  }
  for (const f of state.folders) {
    const missing = f.chatIds.filter((cid) => !state.chat(cid));
    if (missing.length > 0) throw new Error(`folder ${f.title || 'My Pins'}: unknown chats ${missing.join(', ')}`);
  }
  state.foldersModifiedAt = now;
}

function loadPins(state: SandboxState, pins: z.output<typeof pin>[], now: number): void {
  pins.forEach((p, i) => {
    const target = state.chat(p.chatId);
    if (!target) throw new Error(`pin ${i}: unknown chat ${p.chatId}`);
    const messageId = resolveMessage(state, target, p.messageId, p.messageIndex);
    if (!messageId) throw new Error(`pin ${i}: no such message in chat ${p.chatId}`);
    const list = state.pins.get(target.id) ?? { entries: [], modifiedAt: 0, log: [] };
    if (list.entries.length >= PIN_LIMIT_PER_CHAT)
      throw new Error(`chat ${p.chatId}: more than ${PIN_LIMIT_PER_CHAT} pins`);
    const pinnedAt = toMs(p.pinnedAt, now - (pins.length - i) * 3_600_000);
    const expiry = p.expiry === -1 ? -1 : toMs(p.expiry, -1);
    list.entries.push({
      messageId,
      expiry,
      creatorId: p.creatorId ?? state.currentUserId,
      createdAt: pinnedAt,
      modifiedAt: pinnedAt,
    });
    list.modifiedAt = Math.max(list.modifiedAt, pinnedAt);
    state.pins.set(target.id, list);
  });
}

function resolveMessage(state: SandboxState, chat: Chat, id?: string, index?: number): string | undefined {
  if (id !== undefined) return state.message(chat, id)?.id;
  return index === undefined ? undefined : state.messageAt(chat, index)?.id;
}
