import { HANNAH, messageId, messages, OMAR } from './page-helpers';

/* The chats the in-page UI tests (page-ux, page-ux-a11y) share: pins to act on, a full chat, one for faults. */
export const ROOM = 'CT_9100000000000000011_700012345';
export const FULL = 'CT_9100000000000000012_700012345';
export const DOWN = 'CT_9100000000000000013_700012345';
export const ALMOST = 'CT_9100000000000000014_700012345';
export const m = (n: number) => messageId(7, n);
const LONG = (n: number) => `Message ${n}: the release checklist needs a second reviewer before Friday's cut`;

export const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    {
      id: ROOM,
      type: 'group_chat' as const,
      title: 'Ux Room',
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(7, 8, LONG),
    },
    { id: FULL, type: 'group_chat' as const, title: 'Full Room', memberIds: [HANNAH.id], messages: messages(8, 26) },
    { id: DOWN, type: 'group_chat' as const, title: 'Down Room', memberIds: [HANNAH.id], messages: messages(9, 4) },
    { id: ALMOST, type: 'group_chat' as const, title: 'Almost', memberIds: [HANNAH.id], messages: messages(6, 27) },
  ],
  pins: [
    { chatId: ROOM, messageId: m(1) },
    { chatId: ROOM, messageId: m(2) },
    { chatId: ROOM, messageId: m(3) },
    ...Array.from({ length: 25 }, (_, i) => ({ chatId: FULL, messageId: messageId(8, i + 1) })),
    { chatId: DOWN, messageId: messageId(9, 1) },
    ...Array.from({ length: 24 }, (_, i) => ({ chatId: ALMOST, messageId: messageId(6, i + 1) })),
  ],
  folders: [
    { title: 'Urgent', symbol: '🔥', chatIds: [ROOM] },
    { title: 'Projects', symbol: '📁', chatIds: [] },
    { title: 'Later', symbol: '🕒', chatIds: [] },
  ],
};
