import type { FeatureEnv } from '../../../lib/page/features';
import { findChatHeaderFor, headerActionsOf, pageChatId } from '../../../lib/page/selectors';
import { dockFor, inHeader, type Placement, type ShadowUi } from './shadow';

/**
 * Keeps a header UI in this chat's header (told through `onHeader`), or in the corner dock when the page has no
 * header we recognise; and puts it back whenever the page re-renders around it and throws it out. The dock is
 * used at once when the page already shows this chat without a header we know (nobody has seen Cliq's header),
 * and after the grace period otherwise.
 */
export function keepInHeader(
  { ctx, track, onPageChange }: FeatureEnv,
  ui: ShadowUi,
  chatId: string,
  onHeader?: (header: Element) => void,
): void {
  let placement: Placement | undefined;
  const placeAt = (next: Placement) => {
    placement = next;
    ui.place(next);
  };
  track(
    'chat header',
    () => findChatHeaderFor(chatId),
    (header) => {
      onHeader?.(header);
      placeAt(inHeader(header, headerActionsOf(header)));
    },
    { fallback: true, onMissing: () => placeAt({ anchor: dockFor(ctx), append: 'last' }) },
  );
  onPageChange(() => {
    if (!placement && pageChatId() === chatId && !findChatHeaderFor(chatId))
      placeAt({ anchor: dockFor(ctx), append: 'last' });
    if (placement) ui.place(placement);
  });
}
