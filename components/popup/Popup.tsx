import type { VNode } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { rateMinuteMs } from '../../lib/auth/rate-minute';
import type { ShownPin } from '../../lib/board/read-models';
import { formatCount, t } from '../../lib/i18n';
import type { IntentInput } from '../../lib/intents/intents';
import { sendMessage } from '../../lib/messaging/page-send';
import { chatUrl } from '../../lib/web/url';
import { useAuthState } from '../useAuthState';
import { enqueue } from './actions';
import { type PopupApi, PopupContext } from './context';
import { folderName, unlistedFolderName } from './FolderItem';
import { FoldersView } from './FoldersView';
import { loadRare } from './Lazy';
import { LockNotice } from './LockNotice';
import { boardCounts } from './model/counts';
import { quotePin } from './model/describe';
import { itemKey } from './model/selection';
import type { Recreated } from './model/undo';
import { PinsView } from './PinsView';
import { ProgressPanel } from './ProgressPanel';
import { SyncStatus } from './SyncStatus';
import { useActiveChatId, useOpenSidePanel } from './side-panel';
import { Tabs } from './Tabs';
import { ToastRegion, useToasts } from './Toasts';
import { useBoard } from './useBoard';
import { useFocusPin } from './useFocusPin';
import { useNow } from './useNow';
import { useOrgId } from './useOrgId';

type Tab = 'pins' | 'chats';

/** The toolbar popup, or the side panel (Firefox: sidebar), which puts the chat of the tab beside it first. */
export function Popup({ surface = 'popup' }: { surface?: 'popup' | 'sidepanel' }) {
  const auth = useAuthState();
  const activeChatId = useActiveChatId(surface === 'sidepanel');
  const openSidePanel = useOpenSidePanel();
  const { board, error, progress, reload } = useBoard();
  const now = useNow(15_000);
  const [tab, setTab] = useState<Tab>('pins');
  const [dialog, setDialog] = useState<{ render: (close: () => void) => VNode }>();
  const { toasts, notify, offerUndo, takeUndo, dismiss } = useToasts();
  const recreations = useRef<Recreated[]>([]);
  // Pins seen while the popup is open: an unpin still in the queue is off the board, but its text still names it.
  const seenPins = useRef(new Map<string, ShownPin>());
  const origin = auth.state?.apiOrigin ?? '';
  const orgId = useOrgId(origin);
  const signedOut = auth.state && !auth.state.signedIn;
  useFocusPin(board);

  const run = useCallback(
    async (intents: readonly IntentInput[], done?: string) => {
      if (intents.length === 0) return true;
      try {
        await enqueue(intents);
        if (done) notify(done);
        return true;
      } catch (e) {
        notify(t('popupQueueRefused', (e as Error).message), 'error');
        return false;
      }
    },
    [notify],
  );

  // A re-created folder gets its old place and collapsed state once Cliq has given it an id.
  useEffect(() => {
    if (!board || recreations.current.length === 0) return;
    // Only after an undo re-created a folder, so its planning is loaded by then.
    void loadRare().then(
      ({ planRecreatedFollowUp }) => {
        const waiting: Recreated[] = [];
        for (const recreated of recreations.current) {
          const followUp = planRecreatedFollowUp(recreated, board.folders);
          if (followUp === undefined) waiting.push(recreated);
          else void run(followUp);
        }
        recreations.current = waiting;
      },
      () => undefined,
    );
  }, [board, run]);

  const api = useMemo<PopupApi | null>(() => {
    if (!board) return null;
    for (const chat of board.pins)
      for (const pin of chat.pins) seenPins.current.set(itemKey(chat.chatId, pin.messageId), pin);
    const chatNames = new Map(board.chats.map((c) => [c.chatId, c.name]));
    for (const chat of board.pins) if (chat.chatName) chatNames.set(chat.chatId, chat.chatName);
    return {
      board,
      now,
      minuteMs: auth.state ? rateMinuteMs(auth.state.connection) : 60_000,
      names: {
        chat: (chatId) => chatNames.get(chatId) ?? chatId,
        folder: (folderId) => {
          const folder = board.folders.find((f) => f.folderId === folderId);
          return folder ? folderName(folder) : unlistedFolderName(folderId, board.failed);
        },
        pin: (chatId, messageId) => {
          const pin = seenPins.current.get(itemKey(chatId, messageId));
          return pin && quotePin(pin);
        },
      },
      me: auth.state?.account?.user,
      chatLink: (chatId) => (origin ? chatUrl(origin, chatId, orgId) : undefined),
      activeChatId,
      run,
      notify,
      openDialog: (render) => setDialog({ render }),
      offerUndo,
    };
  }, [board, now, auth.state, origin, orgId, activeChatId, run, notify, offerUndo]);

  const runUndo = async () => {
    const offer = takeUndo();
    if (!offer) return;
    let planned: Awaited<ReturnType<typeof offer.plan>>;
    try {
      planned = await offer.plan();
    } catch (e) {
      // Planning reads the cache and may load the popup's rare parts (Lazy.tsx): say why nothing was undone.
      notify((e as Error).message, 'error');
      return;
    }
    const { intents, recreated = [] } = planned;
    recreations.current = [...recreations.current, ...recreated];
    await run(intents, intents.length > 0 ? t('popupUndoQueued') : t('popupUndoNothing'));
  };

  const { liveCount, pinnedChats, folderCount } = boardCounts(board, now);
  const hasData = Boolean(board && (board.pins.length > 0 || board.folders.length > 0));

  return (
    <main class={`popup ${surface}`}>
      <header class="top">
        <h1>{t('extName')}</h1>
        <span class="muted summary" data-testid="summary">
          {board && hasData
            ? t(
                board.chatsToRead > 0 ? 'popupSummaryPartial' : 'popupSummary',
                formatCount(liveCount),
                formatCount(folderCount),
              )
            : ''}
        </span>
        {surface === 'popup' && openSidePanel && (
          <button
            type="button"
            class="icon-button"
            aria-label={t('popupOpenSidePanel')}
            title={t('popupOpenSidePanel')}
            data-testid="open-side-panel"
            onClick={openSidePanel}
          >
            ◫
          </button>
        )}
        <button
          type="button"
          class="icon-button"
          aria-label={t('popupOpenSettings')}
          title={t('popupOpenSettings')}
          onClick={() => browser.runtime.openOptionsPage()}
        >
          ⚙
        </button>
      </header>
      {(signedOut || auth.state?.needsSignIn) && (
        <section class={hasData ? 'banner' : 'banner banner-large'} role="status" data-testid="signed-out">
          <p>
            {auth.state?.needsSignIn
              ? (auth.state.lastError ?? t('needsSignInAgain'))
              : `${t('signedOut')} ${t('popupSignedOutHelp')}`}
          </p>
          <button
            type="button"
            class="primary"
            data-testid="popup-sign-in"
            onClick={() =>
              auth.state?.needsSignIn ? auth.run(() => sendMessage('signIn', {})) : browser.runtime.openOptionsPage()
            }
          >
            {auth.state?.needsSignIn ? t('signInAgain') : t('signIn')}
          </button>
        </section>
      )}
      {error && (
        <section class="banner banner-error" role="alert" data-testid="board-error">
          <p>{t('popupReadError', error)}</p>
          <button type="button" onClick={reload}>
            {t('popupTryAgain')}
          </button>
        </section>
      )}
      {!board && !error && (
        <p class="empty" role="status" data-testid="loading">
          {t('popupLoading')}
        </p>
      )}
      {api && (!signedOut || hasData) && (
        <PopupContext.Provider value={api}>
          {!signedOut && <SyncStatus lockedUntil={progress?.lockedUntil} />}
          <LockNotice lockedUntil={progress?.lockedUntil} />
          <ProgressPanel progress={progress} failed={api.board.failed} />
          <Tabs
            tabs={[
              { id: 'pins', label: t('popupPinnedMessages'), count: liveCount },
              { id: 'chats', label: t('popupPinnedChats'), count: pinnedChats },
            ]}
            active={tab}
            onChange={(id) => setTab(id as Tab)}
          />
          <section role="tabpanel" id="panel-pins" aria-labelledby="tab-pins" hidden={tab !== 'pins'} class="panel">
            <PinsView onOrderChanged={reload} />
          </section>
          <section role="tabpanel" id="panel-chats" aria-labelledby="tab-chats" hidden={tab !== 'chats'} class="panel">
            <FoldersView />
          </section>
          {dialog?.render(() => setDialog(undefined))}
        </PopupContext.Provider>
      )}
      <ToastRegion toasts={toasts} dismiss={dismiss} onUndo={runUndo} />
    </main>
  );
}
