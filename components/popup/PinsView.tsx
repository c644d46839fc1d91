import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCount, t, tn } from '../../lib/i18n';
import type { IntentInput } from '../../lib/intents/intents';
import { placementForStep } from '../../lib/intents/placement';
import { download } from './actions';
import { BulkBar } from './BulkBar';
import { usePopup } from './context';
import { ConfirmDialog } from './Dialog';
import { dragClasses } from './drag';
import { ImportButton } from './ImportButton';
import { moveRowFocus, refocus, rowKeyAction } from './keys';
import { loadRare, openRare } from './Lazy';
import { isExpired, isFiltered, noFilter, type PinFilter, pinners, visiblePins } from './model/filters';
import { allSelected, clickItem, emptySelection, groupSelected, itemKey, keepOnly, toggleAll } from './model/selection';
import { OpenInCliq } from './OpenInCliq';
import { ExportMenu, PinFilters } from './PinFilters';
import { PinRow } from './PinRow';
import { TriCheckbox } from './TriCheckbox';
import { boardStore } from './useBoard';
import { usePinMoves } from './usePinMoves';

/** The pinner filter (a name, or "pinned by me") is remembered between openings of the popup. */
const PINNED_BY_KEY = 'cliqPins.popup.pinnedBy';

export function PinsView({ onOrderChanged }: { onOrderChanged(): void }) {
  const popup = usePopup();
  const { board, now } = popup;
  const order = board.settings.pinOrder;
  const [filter, setFilter] = useState<PinFilter>(() => ({
    ...noFilter,
    pinnedBy: localStorage.getItem(PINNED_BY_KEY) ?? '',
  }));
  const [selection, setSelection] = useState(emptySelection);
  const focusAfter = useRef<string | undefined>(undefined);

  const options = { now, expiringSoonMs: board.settings.expiringSoonMs, order, me: popup.me };
  const here = popup.activeChatId;
  const visible = useMemo(
    () => hereFirst(visiblePins(board.pins, filter, options), here),
    [board.pins, filter, now, order, board.settings.expiringSoonMs, popup.me, here],
  );
  const visibleKeys = useMemo(
    () => visible.flatMap((chat) => chat.pins.map((pin) => itemKey(chat.chatId, pin.messageId))),
    [visible],
  );
  const liveCount = board.pins.reduce((n, chat) => n + chat.pins.filter((p) => !isExpired(p, now)).length, 0);

  useEffect(() => setSelection((current) => keepOnly(current, visibleKeys)), [visibleKeys]);
  useEffect(() => {
    refocus(focusAfter.current);
    focusAfter.current = undefined;
  }, [board]);

  const changeFilter = (next: PinFilter) => {
    if (next.pinnedBy) localStorage.setItem(PINNED_BY_KEY, next.pinnedBy);
    else localStorage.removeItem(PINNED_BY_KEY);
    setFilter(next);
  };

  const { cliqOrder, reorder, drag, start, dragChangesPrimary } = usePinMoves((key) => {
    focusAfter.current = key;
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (moveRowFocus(event)) return;
    const action = rowKeyAction(event);
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-testid=pin]');
    if (action.type !== 'move' || !row) return;
    event.preventDefault();
    if (order !== 'chatOrder') {
      popup.notify(t('popupReorderNeedsChatOrder'), 'error');
      return;
    }
    const chatId = row.dataset.chatId ?? '';
    const messageId = row.dataset.messageId ?? '';
    const shown = visible.find((chat) => chat.chatId === chatId)?.pins.map((pin) => pin.messageId) ?? [];
    void reorder(chatId, messageId, placementForStep(cliqOrder(chatId), shown, messageId, action.step));
  };

  const unpinSelected = () => {
    const groups = groupSelected(selection);
    const intents: IntentInput[] = [...groups].map(([chatId, messageIds]) => ({
      kind: 'unpinMessages',
      chatId,
      messageIds,
    }));
    const count = selection.keys.size;
    const before = new Map(
      [...groups.keys()].map((chatId) => [chatId, board.pins.find((c) => c.chatId === chatId)?.pins ?? []]),
    );
    popup.openDialog((close) => (
      <ConfirmDialog
        title={t('popupConfirmUnpinTitle')}
        intents={intents}
        confirmLabel={t('popupUnpin')}
        danger
        onClose={close}
        onDone={() => setSelection(emptySelection)}
        undo={{
          message: tn('popupUnpinnedCount', count),
          plan: async () => {
            const { planPinRestore } = await loadRare();
            const plans = await Promise.all(
              [...groups].map(async ([chatId, ids]) =>
                planPinRestore(
                  chatId,
                  before.get(chatId) ?? [],
                  new Set(ids),
                  await boardStore.chatPins(chatId),
                  Date.now(),
                ),
              ),
            );
            return { intents: plans.flat() };
          },
        }}
      >
        <p>
          {groups.size === 1
            ? tn('popupConfirmUnpinOneChat', count)
            : tn('popupConfirmUnpinBody', count, tn('popupChatCount', groups.size))}
        </p>
        <p data-testid="undo-repins-as-you">{t('popupUndoRepinsAsYou')}</p>
      </ConfirmDialog>
    ));
  };

  const setExpirySelected = () => {
    const pins = board.pins.flatMap((chat) =>
      chat.pins.filter((pin) => selection.keys.has(itemKey(chat.chatId, pin.messageId))),
    );
    openRare(popup, t('popupBulkExpiryTitle'), (rare, close) => (
      <rare.BulkExpiryDialog pins={pins} onClose={close} onDone={() => setSelection(emptySelection)} />
    ));
  };

  const exportVisible = async (kind: 'md' | 'json') => {
    const at = Date.now();
    try {
      const { exportFileName, toJson, toMarkdown } = await loadRare();
      const text = kind === 'md' ? toMarkdown(visible, at) : toJson(visible, at);
      download(text, exportFileName(kind, at), kind === 'md' ? 'text/markdown' : 'application/json');
    } catch (e) {
      popup.notify((e as Error).message, 'error');
    }
  };

  const changeOrder = async (next: typeof order) => {
    await boardStore.setPinOrder(next);
    onOrderChanged();
  };

  const selectedCount = selection.keys.size;
  const allShown = allSelected(selection, visibleKeys);

  return (
    <div class="view">
      <h2 class="visually-hidden">{t('popupPinnedMessages')}</h2>
      <PinFilters
        filter={filter}
        onFilter={changeFilter}
        chats={board.pins}
        pinners={pinners(board.pins)}
        knowsMe={popup.me !== undefined}
        order={order}
        onOrder={changeOrder}
      />
      <div class="subbar">
        <TriCheckbox
          state={allShown}
          disabled={visibleKeys.length === 0}
          emptyReason={isFiltered(filter) ? t('popupNoMatches') : t('popupNoPinsTitle')}
          label={t('popupSelectAllShown', formatCount(visibleKeys.length))}
          testId="select-all-shown"
          onChange={() => setSelection((s) => toggleAll(s, visibleKeys))}
        />
        <span class="muted" aria-live="polite">
          {isFiltered(filter) ? tn('popupShowingFiltered', liveCount, formatCount(visibleKeys.length)) : ''}
        </span>
        {isFiltered(filter) && (
          <button type="button" class="link" onClick={() => changeFilter(noFilter)}>
            {t('popupClearFilters')}
          </button>
        )}
        <ExportMenu onExport={exportVisible} disabled={visibleKeys.length === 0} />
        <ImportButton />
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keys pressed on the rows' own controls bubble here; one listener serves every row. */}
      <div class="scroll" data-scroll-area onKeyDown={onKeyDown}>
        {visible.length === 0 && (
          <EmptyPins filtered={isFiltered(filter)} reading={!board.folderListRead || board.chatsToRead > 0} />
        )}
        {visible.map((chat) => {
          const keys = chat.pins.map((pin) => itemKey(chat.chatId, pin.messageId));
          const link = popup.chatLink(chat.chatId);
          const name = chat.chatName ?? chat.chatId;
          const live = cliqOrder(chat.chatId);
          return (
            <section
              key={chat.chatId}
              class={chat.chatId === here ? 'group here' : 'group'}
              data-testid="chat-pins"
              data-chat-id={chat.chatId}
              data-here={chat.chatId === here ? 'true' : undefined}
              aria-label={name}
            >
              <header class="group-header">
                <TriCheckbox
                  state={allSelected(selection, keys)}
                  label={t('popupSelectChatPins', name)}
                  hideLabel
                  testId="select-chat"
                  onChange={() => setSelection((s) => toggleAll(s, keys))}
                />
                <h3 dir="auto">{name}</h3>
                {chat.chatId === here && <span class="here-tag">{t('sidePanelThisChat')}</span>}
                <span class="count">{chat.pins.length}</span>
                {link && <OpenInCliq class="open-link" href={link} chatName={name} />}
              </header>
              {dragChangesPrimary === chat.chatId && (
                <p class="move-note" role="status" data-testid="primary-change-note">
                  {t('popupDropMakesPrimary')}
                </p>
              )}
              <ul class="rows">
                {chat.pins.map((pin) => {
                  const key = itemKey(chat.chatId, pin.messageId);
                  return (
                    <PinRow
                      key={pin.messageId}
                      pin={pin}
                      rowKey={key}
                      now={now}
                      expiringSoonMs={board.settings.expiringSoonMs}
                      selected={selection.keys.has(key)}
                      reorderable={order === 'chatOrder' && !isExpired(pin, now)}
                      movesPrimary={order === 'chatOrder' && live.indexOf(pin.messageId) === 1 ? 'up' : undefined}
                      dragClass={dragClasses(drag, `pins:${chat.chatId}`, pin.messageId)}
                      onSelect={(shift) => setSelection((s) => clickItem(s, key, visibleKeys, shift))}
                      onDetails={() =>
                        openRare(popup, t('popupPinDetails'), (rare, close) => (
                          <rare.PinDetails chatId={chat.chatId} messageId={pin.messageId} onClose={close} />
                        ))
                      }
                      onDragStart={(event) => start(event, `pins:${chat.chatId}`, pin.messageId)}
                    />
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      {selectedCount > 0 && (
        <BulkBar
          testId="bulk-bar"
          selected={tn('popupSelectedCount', selectedCount)}
          onClear={() => setSelection(emptySelection)}
        >
          <button type="button" data-testid="bulk-expiry" onClick={setExpirySelected}>
            {t('popupBulkExpiry')}
          </button>
          <button type="button" class="danger" data-testid="bulk-unpin" onClick={unpinSelected}>
            {t('popupUnpinSelected')}
          </button>
        </BulkBar>
      )}
    </div>
  );
}

/** The chat open beside the side panel comes first; the rest keep their order. */
function hereFirst<T extends { chatId: string }>(chats: T[], here: string | undefined): T[] {
  const index = here ? chats.findIndex((chat) => chat.chatId === here) : -1;
  return index <= 0 ? chats : [chats[index] as T, ...chats.slice(0, index), ...chats.slice(index + 1)];
}

function EmptyPins({ filtered, reading }: { filtered: boolean; reading: boolean }) {
  if (filtered) return <p class="empty">{t('popupNoMatches')}</p>;
  if (reading)
    return (
      <p class="empty" role="status">
        {t('popupReadingPins')}
      </p>
    );
  return (
    <div class="empty" data-testid="no-pins">
      <p>
        <strong>{t('popupNoPinsTitle')}</strong>
      </p>
      <p class="muted">{t('popupNoPinsHelp')}</p>
    </div>
  );
}
