/**
 * The sandbox's model: one organisation seen by one signed-in user. Everything the API and the web page
 * show is read from here; tests may read it directly and, when a scenario needs it, mutate it.
 * Per-user settings (mute, folders, unread counts) belong to the signed-in user.
 */
import { MESSAGE_PHRASES } from './phrases';
import { createRandom, hashSeed } from './random';

export type ChatType = 'direct_message' | 'group_chat' | 'channel' | 'thread' | 'bot';

export interface User {
  id: string;
  name: string;
  email: string;
  /** Deactivated users cannot be added to new chats. */
  active: boolean;
  /** Users outside the organisation and the contacts list. */
  external: boolean;
}

interface Mention {
  id: string;
  name: string;
  type: string;
}

export interface Message {
  id: string;
  chatId: string;
  senderId: string;
  time: number;
  text: string;
  mentions?: Mention[];
  /** A file message; `text` is its comment. */
  file?: { name: string; type: string };
  replyTo?: string;
  editedAt?: number;
  /** emoji → who reacted and when */
  reactions: Record<string, { userId: string; at: number }[]>;
}

/** Messages that exist only as a formula until first read, so big seeds start instantly. */
interface GeneratedMessages {
  count: number;
  /** Time of the newest generated message; older ones are `stepMs` apart. */
  endTime: number;
  stepMs: number;
}

export interface Chat {
  id: string;
  /** Short number used inside opaque tokens. */
  key: number;
  type: ChatType;
  title: string;
  creatorId: string;
  createdAt: number;
  /** Title changes and other chat-level edits. */
  modifiedAt: number;
  memberIds: string[];
  /** The signed-in user left or was removed: the chat stays listed but is read-only for them. */
  removed: boolean;
  muted: boolean;
  closed: boolean;
  drafts: boolean;
  historyEnabled: boolean;
  previousTitles: string[];
  unreadCount: number;
  /** Messages before this time are hidden for the signed-in user (clear_local_history). */
  clearedBefore?: number;
  /** Ranking for `GET /v3/chats/search?sort_by=usage`. */
  usage: number;
  /** Channels: the unique name used by `/v2/channelsbyname/{NAME}`; bots: the bot's unique name. */
  uniqueName?: string;
  parentChatId?: string;
  threadMessageId?: string;
  generated?: GeneratedMessages;
  /** Messages already materialised, oldest first. Generated ones are prepended on first read. */
  messages: Message[];
}

export interface Pin {
  messageId: string;
  /** Epoch ms, or -1 for never. */
  expiry: number;
  creatorId: string;
  createdAt: number;
  modifiedAt: number;
}

export interface PinList {
  /** First entry is the primary pin. */
  entries: Pin[];
  /** Last write to this list, compared with `last_sync_time`. */
  modifiedAt: number;
  /** Changes in order, for `sync_token`: which message changed at which sequence number. */
  log: { seq: number; messageId: string }[];
}

export interface Folder {
  id: string;
  title: string;
  symbol: string;
  state: 'expanded' | 'collapsed';
  chatIds: string[];
}

export type MessageEvent = { kind: 'added' | 'edited' | 'deleted'; chatId: string; message: Message };

export class SandboxState {
  orgId = '';
  currentUserId = '';
  readonly users = new Map<string, User>();
  readonly chats = new Map<string, Chat>();
  readonly pins = new Map<string, PinList>();
  /** The signed-in user's folders; index 0 is always My Pins (`category_id: "default"`). */
  folders: Folder[] = [];
  /** Last write to the folder list, compared with `last_sync_time`. */
  foldersModifiedAt = 0;
  /** Change counter behind `sync_token`s. */
  seq = 0;
  /** Bumped by every reset, so tokens handed out before a reset are refused after it. */
  generation = 0;
  /** Folder ids are never reused, so a stale id cannot point at a newer folder. */
  lastFolderNumber = 4_000_000_020_000;
  private nextKey = 1;
  private idCounter = 0;
  private ids = createRandom('sandbox-ids');
  private readonly listeners = new Set<(event: MessageEvent) => void>();

  constructor(readonly now: () => number) {}

  clear(): void {
    this.users.clear();
    this.chats.clear();
    this.pins.clear();
    this.folders = [];
    this.foldersModifiedAt = 0;
    this.seq = 0;
    this.generation += 1;
    this.ids = createRandom('sandbox-ids');
    this.idCounter = 0;
    this.lastFolderNumber = 4_000_000_020_000;
    this.nextKey = 1;
  }

  currentUser(): User {
    const user = this.users.get(this.currentUserId);
    if (!user) throw new Error('the sandbox has no signed-in user');
    return user;
  }

  chat(id: string): Chat | undefined {
    return this.chats.get(id);
  }

  addChat(fields: Omit<Chat, 'key' | 'messages'> & { messages?: Message[] }): Chat {
    const chat: Chat = { ...fields, key: this.nextKey++, messages: fields.messages ?? [] };
    this.chats.set(chat.id, chat);
    return chat;
  }

  newChatId(): string {
    return `CT_${this.ids.digits(19)}_${this.orgId}`;
  }

  newMessageId(time: number): string {
    this.idCounter += 1;
    return `${time}_${this.ids.digits(9)}${String(this.idCounter % 1000).padStart(3, '0')}`;
  }

  isParticipant(chat: Chat, userId = this.currentUserId): boolean {
    return chat.memberIds.includes(userId) && !(userId === this.currentUserId && chat.removed);
  }

  /** What the signed-in user sees as the chat's name: the other person for direct chats. */
  chatName(chat: Chat): string {
    if (chat.type !== 'direct_message') return chat.title;
    const otherId = chat.memberIds.find((id) => id !== this.currentUserId);
    return (otherId && this.users.get(otherId)?.name) || chat.title;
  }

  /** All messages of a chat, oldest first, materialising generated ones on first use. */
  messagesOf(chat: Chat): Message[] {
    const spec = chat.generated;
    if (spec) {
      chat.generated = undefined;
      const generated = Array.from({ length: spec.count }, (_, i) => generatedMessage(chat, spec, i));
      chat.messages = generated.concat(chat.messages);
    }
    return chat.messages;
  }

  /** Messages the signed-in user can see (after clear_local_history). */
  visibleMessages(chat: Chat): Message[] {
    const all = this.messagesOf(chat);
    const cleared = chat.clearedBefore;
    return cleared === undefined ? all : all.filter((m) => m.time >= cleared);
  }

  /** Accepts ids written with `_`, a space or `%20` between the two numbers. */
  message(chat: Chat, id: string): Message | undefined {
    const wanted = normaliseMessageId(id);
    return this.messagesOf(chat).find((m) => m.id === wanted);
  }

  /** The message at `index` (negative counts from the end) without materialising generated messages. */
  messageAt(chat: Chat, index: number): Message | undefined {
    const generatedCount = chat.generated?.count ?? 0;
    const total = generatedCount + chat.messages.length;
    const i = index < 0 ? total + index : index;
    if (i < 0 || i >= total) return undefined;
    return chat.generated && i < generatedCount
      ? generatedMessage(chat, chat.generated, i)
      : chat.messages[i - generatedCount];
  }

  lastMessage(chat: Chat): Message | undefined {
    if (chat.messages.length > 0) return chat.messages[chat.messages.length - 1];
    const spec = chat.generated;
    return spec && spec.count > 0 ? generatedMessage(chat, spec, spec.count - 1) : undefined;
  }

  /** Last activity: the newest message or the latest chat-level change. */
  lastActivity(chat: Chat): number {
    return Math.max(chat.modifiedAt, this.lastMessage(chat)?.time ?? 0);
  }

  appendMessage(chat: Chat, senderId: string, text: string, extra: Partial<Message> = {}): Message {
    const list = this.messagesOf(chat);
    const last = list[list.length - 1];
    const time = Math.max(this.now(), (last?.time ?? 0) + 1);
    const message: Message = {
      id: this.newMessageId(time),
      chatId: chat.id,
      senderId,
      time,
      text,
      reactions: {},
      ...extra,
    };
    list.push(message);
    if (senderId !== this.currentUserId) chat.unreadCount += 1;
    this.emit({ kind: 'added', chatId: chat.id, message });
    return message;
  }

  editMessage(chat: Chat, message: Message, text: string): void {
    message.text = text;
    message.editedAt = this.now();
    this.emit({ kind: 'edited', chatId: chat.id, message });
  }

  deleteMessage(chat: Chat, message: Message): void {
    const list = this.messagesOf(chat);
    list.splice(list.indexOf(message), 1);
    this.emit({ kind: 'deleted', chatId: chat.id, message });
  }

  subscribe(listener: (event: MessageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: MessageEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export function normaliseMessageId(id: string): string {
  return id.replace(/%20| /g, '_');
}

function generatedMessage(chat: Chat, spec: GeneratedMessages, index: number): Message {
  const random = createRandom(`${chat.id}:${index}`);
  const time = spec.endTime - (spec.count - 1 - index) * spec.stepMs;
  const senderId = chat.memberIds[hashSeed(`${chat.id}/${index}`) % chat.memberIds.length] ?? chat.creatorId;
  return {
    id: `${time}_${random.digits(12)}`,
    chatId: chat.id,
    senderId,
    time,
    text: random.pick(MESSAGE_PHRASES),
    reactions: {},
  };
}
