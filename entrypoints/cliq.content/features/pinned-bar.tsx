import type { PageFeature } from '../../../lib/page/features';
import { jumpToMessage } from '../../../lib/page/jump';
import { findChatHeaderFor, headerActionsOf } from '../../../lib/page/selectors';
import { PinnedBar } from '../ui/PinnedBar';
import { createShadowUi, dockFor, inHeader } from '../ui/shadow';

/**
 * The open chat's pins, keyed from the URL: in the chat header when the page has one for this chat, else in the
 * corner dock, so it works whatever the page's markup.
 */
export const pinnedBar: PageFeature = {
  name: 'pinned-bar',
  scope: 'chat',
  async start({ ctx, signal, location, track }) {
    const { chatId } = location;
    if (!chatId) return;
    const ui = await createShadowUi(ctx, 'cliq-pins-bar', signal);
    ui.render(<PinnedBar chatId={chatId} jump={jumpToMessage} />);
    track(
      'chat header',
      () => findChatHeaderFor(chatId),
      (header) => ui.place(inHeader(header, headerActionsOf(header))),
      { fallback: true, onMissing: () => ui.place({ anchor: dockFor(ctx), append: 'last' }) },
    );
  },
};
