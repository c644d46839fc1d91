/** Fixtures shared by the pin-message test files. */
import type { ApiResponse, CallOptions } from './helpers';
import { chatsOfType } from './helpers';
import type { Sandbox } from './index';
import { livePins } from './pins';
import type { Chat } from './state';

type Call = (method: string, path: string, opts?: CallOptions) => Promise<ApiResponse>;

export const pinPath = (chat: Chat | string) => `/v3/chats/${typeof chat === 'string' ? chat : chat.id}/pin-messages`;

export function pinFixtures(sandbox: () => Sandbox, call: Call) {
  return {
    /** A chat of the signed-in user without pins, with at least `n` messages. */
    unpinnedChat(n = 30): Chat {
      const s = sandbox();
      const chat = chatsOfType(s, 'group_chat').find(
        (c) => livePins(s.state, c).length === 0 && s.state.messagesOf(c).length >= n,
      );
      if (!chat) throw new Error('seed has no unpinned group chat');
      return chat;
    },
    lastIds: (chat: Chat, n: number) =>
      sandbox()
        .state.messagesOf(chat)
        .slice(-n)
        .map((m) => m.id),
    pin: (chat: Chat, messageId: string, extra: Record<string, unknown> = {}) =>
      call('POST', pinPath(chat), { body: { message_id: messageId, expiry_time: -1, notify: false, ...extra } }),
    async listIds(chat: Chat): Promise<string[]> {
      const res = await call('GET', `${pinPath(chat)}?limit=100`);
      return res.body.data.map((p: { id: string }) => p.id);
    },
  };
}
