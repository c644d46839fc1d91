import { t } from '../../lib/i18n';
import { applyPlacement, type Placement, placementForDrop } from '../../lib/intents/placement';
import { usePopup } from './context';
import { useDragReorder } from './drag';
import { loadRare } from './Lazy';
import { quotePin } from './model/describe';
import { liveIds } from './model/filters';
import { itemKey } from './model/selection';
import { boardStore } from './useBoard';

/**
 * Moving pins within a chat, by drag or by key: each move is undoable, and one that changes the primary (which
 * everyone in the chat sees) says so, during the drag and once done. `willFocus` names the row to focus after.
 */
export function usePinMoves(willFocus: (key: string) => void) {
  const popup = usePopup();
  const { board, now } = popup;

  /** Cliq's order of the chat's live pins: what `above` refers to. */
  const cliqOrder = (chatId: string) => liveIds(board.pins.find((chat) => chat.chatId === chatId)?.pins ?? [], now);

  /** A move that changes the primary says so (everyone in the chat sees it), and any move can be undone. */
  const reorder = async (chatId: string, messageId: string, placement: Placement | null) => {
    if (!placement) return;
    willFocus(itemKey(chatId, messageId));
    const before = cliqOrder(chatId);
    if (!(await popup.run([{ kind: 'reorderPin', chatId, messageId, ...placement }]))) return;
    const chat = board.pins.find((c) => c.chatId === chatId);
    const primary = applyPlacement(before, messageId, placement)[0];
    const primaryPin = chat?.pins.find((pin) => pin.messageId === primary);
    popup.offerUndo({
      message:
        primaryPin && primary !== before[0]
          ? t('popupNowPrimary', quotePin(primaryPin), chat?.chatName ?? chatId)
          : t('popupPinMoved'),
      plan: async () => {
        const { planPinMoveBack } = await loadRare();
        return {
          intents: planPinMoveBack(chatId, before, messageId, liveIds(await boardStore.chatPins(chatId), Date.now())),
        };
      },
    });
  };

  const { drag, start } = useDragReorder((group, key, target, position) => {
    const chatId = group.slice('pins:'.length);
    void reorder(chatId, key, placementForDrop(cliqOrder(chatId), key, target, position));
  });

  /** While a drag would change the primary, the list says so before the drop. */
  const dragChangesPrimary = (() => {
    if (!drag?.group.startsWith('pins:') || !drag.over || !drag.position) return undefined;
    const chatId = drag.group.slice('pins:'.length);
    const order = cliqOrder(chatId);
    const placement = placementForDrop(order, drag.key, drag.over, drag.position);
    return placement && applyPlacement(order, drag.key, placement)[0] !== order[0] ? chatId : undefined;
  })();

  return { cliqOrder, reorder, drag, start, dragChangesPrimary };
}
