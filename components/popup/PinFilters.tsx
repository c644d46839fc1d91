import { useRef } from 'preact/hooks';
import type { ChatPins } from '../../lib/board/read-models';
import { t } from '../../lib/i18n';
import { PINNED_BY_ME, type PinFilter, type PinOrder, type PinStatus } from './model/filters';

interface Props {
  filter: PinFilter;
  onFilter(filter: PinFilter): void;
  chats: readonly ChatPins[];
  pinners: readonly string[];
  /** Whether "Pinned by me" can be offered: Zoho named the signed-in user. */
  knowsMe: boolean;
  order: PinOrder;
  onOrder(order: PinOrder): void;
}

const STATUSES: [PinStatus, Parameters<typeof t>[0]][] = [
  ['live', 'popupStatusLive'],
  ['expiringSoon', 'popupStatusExpiringSoon'],
  ['expired', 'popupStatusExpired'],
];

/** Search, filters and order for the pins on screen. */
export function PinFilters({ filter, onFilter, chats, pinners, knowsMe, order, onOrder }: Props) {
  const set = (change: Partial<PinFilter>) => onFilter({ ...filter, ...change });
  return (
    <div class="toolbar">
      <input
        type="search"
        class="search"
        placeholder={t('popupSearchPlaceholder')}
        aria-label={t('popupSearchLabel')}
        value={filter.query}
        data-testid="pin-search"
        onInput={(event) => set({ query: event.currentTarget.value })}
      />
      <select
        aria-label={t('popupFilterChat')}
        value={filter.chatId}
        data-testid="filter-chat"
        onChange={(event) => set({ chatId: event.currentTarget.value })}
      >
        <option value="">{t('popupAllChats')}</option>
        {chats.map((chat) => (
          <option key={chat.chatId} value={chat.chatId}>
            {chat.chatName ?? chat.chatId}
          </option>
        ))}
      </select>
      <select
        aria-label={t('popupFilterStatus')}
        value={filter.status}
        data-testid="filter-status"
        onChange={(event) => set({ status: event.currentTarget.value as PinStatus })}
      >
        {STATUSES.map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('popupFilterPinnedBy')}
        value={filter.pinnedBy}
        data-testid="filter-pinned-by"
        onChange={(event) => set({ pinnedBy: event.currentTarget.value })}
      >
        <option value="">{t('popupPinnedByAnyone')}</option>
        {knowsMe && <option value={PINNED_BY_ME}>{t('popupPinnedByMe')}</option>}
        {pinners.map((name) => (
          <option key={name} value={name}>
            {t('popupPinnedBy', name)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('popupOrderLabel')}
        value={order}
        data-testid="pin-order"
        onChange={(event) => onOrder(event.currentTarget.value as PinOrder)}
      >
        <option value="chatOrder">{t('popupOrderChat')}</option>
        <option value="newestPinned">{t('popupOrderNewest')}</option>
      </select>
    </div>
  );
}

/** Export of what is on screen, as a small disclosure menu. */
/**
 * A `<details>` closes only from its summary; as a menu it also closes once a format is chosen, on Escape (focus
 * back on its summary) and when focus leaves it (a click elsewhere), instead of staying open over the list.
 */
export function ExportMenu({ onExport, disabled }: { onExport(kind: 'md' | 'json'): void; disabled: boolean }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const close = (refocus: boolean) => {
    if (!menu.current?.open) return;
    menu.current.open = false;
    if (refocus) menu.current.querySelector('summary')?.focus();
  };
  const choose = (kind: 'md' | 'json') => {
    close(true);
    onExport(kind);
  };
  return (
    <details
      class="menu"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && menu.current?.open) {
          event.stopPropagation();
          close(true);
        }
      }}
      onFocusOut={(event) => {
        if (!menu.current?.contains(event.relatedTarget as Node | null)) close(false);
      }}
    >
      <summary data-testid="export-menu">{t('popupExport')}</summary>
      <div class="menu-items">
        <button type="button" data-testid="export-md" disabled={disabled} onClick={() => choose('md')}>
          {t('popupExportMarkdown')}
        </button>
        <button type="button" data-testid="export-json" disabled={disabled} onClick={() => choose('json')}>
          {t('popupExportJson')}
        </button>
      </div>
    </details>
  );
}
