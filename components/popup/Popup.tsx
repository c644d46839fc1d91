import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { useAuthState } from '../useAuthState';
import { useBoard } from './useBoard';

export function Popup() {
  const auth = useAuthState();
  const { board, error } = useBoard();
  const signedOut = auth.state && !auth.state.signedIn;

  return (
    <main>
      <h1>{t('extName')}</h1>
      {signedOut && (
        <section role="status" data-testid="signed-out">
          <p>{auth.state?.needsSignIn ? t('needsSignInAgain') : t('signedOut')}</p>
          <button type="button" class="primary" onClick={() => browser.runtime.openOptionsPage()}>
            {t('signIn')}
          </button>
        </section>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {board && (
        <>
          <section aria-labelledby="pins-heading">
            <h2 id="pins-heading">{t('popupPinnedMessages')}</h2>
            {board.pins.map((chat) => (
              <div key={chat.chatId} data-testid="chat-pins" data-chat-id={chat.chatId}>
                <h3>{chat.chatName ?? chat.chatId}</h3>
                <ul>
                  {chat.pins.map((pin) => (
                    <li key={pin.messageId} data-testid="pin" data-message-id={pin.messageId}>
                      {pin.text}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section aria-labelledby="folders-heading">
            <h2 id="folders-heading">{t('popupPinnedChats')}</h2>
            <ul>
              {board.folders.map((folder) => (
                <li key={folder.folderId} data-testid="folder" data-folder-id={folder.folderId}>
                  {folder.isMyPins ? t('popupMyPins') : `${folder.symbol ?? ''} ${folder.title ?? ''}`.trim()} (
                  {folder.chats.length})
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  );
}
