import type { PageFeature } from '../../../lib/page/features';
import { jumpToMessage } from '../../../lib/page/jump';
import { keepInHeader } from '../ui/header-slot';
import { showPinnedBar } from '../ui/pinned-bar';
import { createShadowUi } from '../ui/shadow';

/**
 * The open chat's pins, keyed from the URL: in the chat header when the page has one for this chat, else in the
 * corner dock, so it works whatever the page's markup.
 */
export const pinnedBar: PageFeature = {
  name: 'pinned-bar',
  scope: 'chat',
  async start(env) {
    const { chatId } = env.location;
    if (!chatId) return;
    const ui = await createShadowUi(env.ctx, 'cliq-pins-bar', env.signal);
    showPinnedBar(ui, chatId, jumpToMessage);
    keepInHeader(env, ui, chatId);
  },
};
