/**
 * Built-in seeds, deterministic for a given clock start:
 * - default: a few dozen chats of every type, pins in many chats, five folders, a few hostile payloads;
 * - large: 220 chats, six chats with 25 pins, 24 folders, four chats with 5,000+ messages (generated lazily);
 * - empty: the signed-in user and nothing else.
 */
import {
  BOT_NAMES,
  CHANNEL_TITLES,
  FOLDER_PRESETS,
  GROUP_TITLES,
  PEOPLE,
  PIN_WORTHY_PHRASES,
  THREAD_TITLES,
} from './phrases';
import { createRandom, type Random } from './random';
import { DEFAULT_CURRENT_USER, DEFAULT_ORG_ID, type SeedData } from './seed-data';

export type SeedName = 'default' | 'large' | 'empty';
export const SEED_NAMES: readonly SeedName[] = ['default', 'large', 'empty'];

type ChatSeed = NonNullable<SeedData['chats']>[number];
type PinSeed = NonNullable<SeedData['pins']>[number];
type UserSeed = NonNullable<SeedData['users']>[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Payloads that must render as text everywhere (the page, the extension's board). */
export const HOSTILE_TEXTS = [
  '<img src=x onerror="alert(\'pwned\')">',
  '<script>document.title = "xss"</script>Totally normal message',
  'Tom & Jerry\'s "quoted" <b>bold?</b>',
  '‮RTL override‬ and emoji 👩🏽‍💻 and زمان',
];

export function buildSeed(name: SeedName, now: number): SeedData {
  if (name === 'empty') return { orgId: DEFAULT_ORG_ID };
  return name === 'large' ? buildLarge(now) : buildDefault(now);
}

class SeedBuilder {
  readonly random: Random;
  readonly users: UserSeed[] = [];
  readonly chats: ChatSeed[] = [];
  readonly pins: PinSeed[] = [];

  constructor(
    seed: string,
    readonly now: number,
  ) {
    this.random = createRandom(seed);
  }

  chatId(): string {
    return `CT_${this.random.digits(19)}_${DEFAULT_ORG_ID}`;
  }

  people(count: number): string[] {
    for (let i = 0; i < count; i++) {
      const base = PEOPLE[i % PEOPLE.length] as string;
      const name = i < PEOPLE.length ? base : `${base} ${Math.floor(i / PEOPLE.length) + 1}`;
      this.users.push({
        id: String(61_000_002 + i),
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@sandbox.example`,
      });
    }
    return this.users.map((u) => u.id);
  }

  bots(): { id: string; name: string; uniqueName: string }[] {
    return BOT_NAMES.map((name, i) => {
      const id = String(91_000_001 + i);
      this.users.push({ id, name, email: `${name.toLowerCase().replace(/\W+/g, '')}@bots.sandbox.example` });
      return { id, name, uniqueName: name.toLowerCase().replace(/\W+/g, '') };
    });
  }

  chat(fields: ChatSeed): ChatSeed & { id: string } {
    const chat = {
      id: this.chatId(),
      generatedMessages: this.random.int(20, 80),
      messageStepMs: this.random.int(5, 90) * 60_000,
      ...fields,
    };
    this.chats.push(chat);
    return chat;
  }

  /** Adds pin-worthy messages at the end of the chat and pins them; the first becomes primary. */
  pinned(chat: (ChatSeed & { id: string }) | undefined, expiries: readonly (number | -1)[]): void {
    if (!chat) return;
    const messages = chat.messages ?? [];
    expiries.forEach((expiry, i) => {
      const time = this.now - (expiries.length - i) * 2 * HOUR;
      const id = `${time}_${this.random.digits(12)}`;
      const people = [DEFAULT_CURRENT_USER.id, ...(chat.memberIds ?? [])];
      const senderId = this.random.pick(people);
      // Every second one answers the one before, so pages show quoted replies.
      const replyTo = i % 2 === 1 ? messages.at(-1)?.id : undefined;
      messages.push({
        id,
        senderId,
        time,
        text: this.random.pick(PIN_WORTHY_PHRASES),
        ...(replyTo ? { replyTo } : {}),
      });
      // Pins by the signed-in user and by others, so "pinned by" varies.
      const creatorId = this.random.pick(people);
      this.pins.push({ chatId: chat.id, messageId: id, expiry, creatorId, pinnedAt: time + 60_000 });
    });
    chat.messages = messages;
  }

  members(pool: string[], min: number, max: number): string[] {
    const count = this.random.int(min, max);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(count, pool.length)) chosen.add(this.random.pick(pool));
    return [...chosen];
  }
}

function buildDefault(now: number): SeedData {
  const b = new SeedBuilder('default', now);
  const people = b.people(20);
  const bots = b.bots();
  b.users.push(
    { id: '61000901', name: 'Former Colleague', active: false },
    { id: '61000902', name: 'Vendor Contact', email: 'contact@vendor.example', external: true },
  );
  const direct = people.slice(0, 8).map((id, i) =>
    b.chat({
      type: 'direct_message',
      title: PEOPLE[i] as string,
      memberIds: [id],
      creatorId: id,
      unread: i % 3 === 0 ? i + 1 : 0,
    }),
  );
  const groups = GROUP_TITLES.slice(0, 8).map((title, i) =>
    b.chat({ type: 'group_chat', title, memberIds: b.members(people, 3, 8), drafts: i === 2 }),
  );
  const channels = CHANNEL_TITLES.slice(0, 8).map((title, i) =>
    b.chat({
      type: 'channel',
      title,
      uniqueName: title,
      memberIds: [...b.members(people, 6, 15), ...(title === 'engineering' ? [bots[2]?.id as string] : [])],
      muted: title === 'random' || title === 'marketing',
      usage: 100 - i * 7,
      generatedMessages: title === 'general' ? 400 : b.random.int(40, 120),
    }),
  );
  const botChats = bots.map((bot) =>
    b.chat({ type: 'bot', title: bot.name, uniqueName: bot.uniqueName, memberIds: [bot.id], creatorId: bot.id }),
  );
  const security = groups.find((g) => g.title === 'Security Drills');
  if (security) {
    const members = security.memberIds ?? people;
    security.messages = HOSTILE_TEXTS.map((text, i) => ({
      senderId: members[i % members.length] as string,
      text,
      time: now - (10 - i) * 60_000,
    }));
  }
  b.chat({ type: 'group_chat', title: 'Old Project Room', memberIds: people.slice(10, 14), removed: true });
  b.chat({ type: 'direct_message', title: 'Closed chat', memberIds: [people[12] as string], closed: true });
  const threadParents = [groups[0], channels[2], groups[2], channels[5]];
  THREAD_TITLES.forEach((title, i) => {
    const parent = threadParents[i];
    if (!parent) return;
    const headTime = now - (i + 1) * 5 * HOUR;
    const headId = `${headTime}_${b.random.digits(12)}`;
    const senderId = b.random.pick(parent.memberIds ?? people);
    parent.messages = [
      ...(parent.messages ?? []),
      { id: headId, senderId, text: `${title}: replies in the thread`, time: headTime },
    ];
    b.chat({
      type: 'thread',
      title,
      memberIds: parent.memberIds,
      parentChatId: parent.id,
      threadMessageId: headId,
      generatedMessages: 12,
    });
  });
  for (const chat of [...direct, ...groups, ...channels])
    chat.messages?.sort((x, y) => Number(x.time) - Number(y.time));

  const never = -1;
  b.pinned(direct[0], [never, now + 2 * HOUR]);
  b.pinned(direct[3], [now + DAY]);
  b.pinned(groups[0], [never, never, now + 3 * HOUR]);
  b.pinned(groups[1], [now + 90_000]);
  b.pinned(groups[4], [never, now + 6 * HOUR, never, never]);
  b.pinned(channels[0], [never, never, never, now + 7 * DAY, never]);
  b.pinned(channels[1], [never]);
  b.pinned(channels[2], [now + 30 * 60_000, never]);
  b.pinned(channels[6], [never, never]);
  b.pinned(botChats[0], [never]);
  b.pinned(security, [never]);
  for (const chat of b.chats) chat.messages?.sort((x, y) => Number(x.time) - Number(y.time));
  // A pinned file, so the board shows files by name (its text becomes the file's comment).
  const pinnedFile = channels[1]?.messages?.at(-1);
  if (pinnedFile) pinnedFile.file = { name: 'Q3-roadmap.pdf', type: 'file' };

  const ids = (list: { id: string }[], picks: number[]) =>
    picks.map((i) => list[i]?.id).filter((id): id is string => !!id);
  return {
    orgId: DEFAULT_ORG_ID,
    users: b.users,
    chats: b.chats,
    pins: b.pins,
    myPins: [...ids(direct, [0, 1]), ...ids(channels, [0]), ...ids(groups, [0])],
    folders: [
      { title: 'Urgent', symbol: '🔥', chatIds: [...ids(groups, [1, 4]), ...ids(channels, [6])] },
      { title: 'Projects', symbol: '📁', chatIds: ids(groups, [0, 2, 3, 5]) },
      { title: 'People', symbol: '👥', chatIds: ids(direct, [2, 3, 4]) },
      { title: 'Read later', symbol: '📌', state: 'collapsed', chatIds: ids(channels, [1, 3]) },
      { title: 'Ops', symbol: '🛠️', chatIds: [...ids(channels, [2]), ...ids(botChats, [2])] },
    ],
  };
}

function buildLarge(now: number): SeedData {
  const b = new SeedBuilder('large', now);
  const people = b.people(60);
  b.bots();
  const kinds = ['direct_message', 'group_chat', 'channel'] as const;
  for (let i = 0; i < 220; i++) {
    const type = kinds[i % kinds.length] as (typeof kinds)[number];
    const person = people[i % people.length] as string;
    const big = i < 4;
    b.chat({
      type,
      title:
        type === 'direct_message' ? person : `${type === 'channel' ? 'team' : 'group'}-${String(i).padStart(3, '0')}`,
      uniqueName: type === 'channel' ? `team-${String(i).padStart(3, '0')}` : undefined,
      memberIds: type === 'direct_message' ? [person] : b.members(people, 4, 30),
      generatedMessages: big ? 5000 + i * 250 : b.random.int(20, 200),
      messageStepMs: big ? 60_000 : 600_000,
      usage: b.random.int(0, 1000),
    });
  }
  for (const chat of b.chats.slice(0, 6)) {
    for (let k = 0; k < 25; k++) {
      const expiry = k % 7 === 3 ? now + (k + 1) * HOUR : -1;
      b.pins.push({ chatId: chat.id as string, messageIndex: -1 - k * 3, expiry });
    }
  }
  for (const chat of b.chats.slice(6, 60)) {
    const count = b.random.int(1, 4);
    for (let k = 0; k < count; k++) b.pins.push({ chatId: chat.id as string, messageIndex: -1 - k, expiry: -1 });
  }
  const chatIds = b.chats.map((c) => c.id as string);
  const folders = Array.from({ length: 24 }, (_, i) => {
    const preset = FOLDER_PRESETS[i % FOLDER_PRESETS.length] as (typeof FOLDER_PRESETS)[number];
    const start = (i * 9) % chatIds.length;
    return {
      title: i < FOLDER_PRESETS.length ? preset.title : `${preset.title} ${Math.floor(i / FOLDER_PRESETS.length) + 1}`,
      symbol: preset.symbol,
      state: i % 5 === 4 ? ('collapsed' as const) : ('expanded' as const),
      chatIds: chatIds.slice(start, start + 3 + (i % 13)),
    };
  });
  return { orgId: DEFAULT_ORG_ID, users: b.users, chats: b.chats, pins: b.pins, myPins: chatIds.slice(0, 10), folders };
}
