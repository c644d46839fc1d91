import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import type { ReminderSettings as Settings } from '../../lib/store/settings';

const NOTIFICATIONS: Browser.permissions.Permissions = { permissions: ['notifications'] };

type Status = { text: string; tone: 'ok' | 'error' };

/**
 * Reminders before pins expire: off until the user turns them on, which is when the browser asks for the
 * notifications permission (it allows asking only from a click). Turning them off gives the permission back.
 */
export function ReminderSettings({ signedIn }: { signedIn: boolean }) {
  const [data, setData] = useState<ResponseOf<'getReminders'>>();
  const [status, setStatus] = useState<Status>();
  // The permission can be taken back in the browser's extension settings at any time: saved "on" without it is off.
  const [held, setHeld] = useNotificationPermission();
  useEffect(() => {
    if (!signedIn) return;
    sendMessage('getReminders', {}).then(setData, (e: Error) => setStatus({ text: e.message, tone: 'error' }));
  }, [signedIn]);

  const settings = data?.settings;
  const revoked = settings?.enabled === true && held === false;
  const save = async (next: Settings) => {
    try {
      const answer = await sendMessage('setReminders', next);
      setData((current) => current && { ...current, settings: answer.settings });
      setStatus({ text: t('optionsRemindersSaved'), tone: 'ok' });
    } catch (error) {
      setStatus({ text: (error as Error).message, tone: 'error' });
    }
  };
  const toggle = async (on: boolean) => {
    if (!settings) return;
    if (on) {
      // Nothing may be awaited before this: the browser allows the request only in the click's own turn.
      // Firefox refuses to request a permission the manifest grants at install (test builds): then it is held.
      const granted = await browser.permissions
        .request(NOTIFICATIONS)
        .catch(() => browser.permissions.contains(NOTIFICATIONS));
      if (!granted) {
        setStatus({ text: t('optionsRemindersDenied'), tone: 'error' });
        return;
      }
    } else {
      await browser.permissions.remove(NOTIFICATIONS).catch(() => false);
    }
    setHeld(on);
    await save({ ...settings, enabled: on });
  };
  const pickChat = (chatId: string, picked: boolean) =>
    settings &&
    save({
      ...settings,
      chatIds: picked ? [...settings.chatIds, chatId] : settings.chatIds.filter((id) => id !== chatId),
    });

  return (
    <section aria-labelledby="reminders-heading" data-testid="reminder-settings">
      <h2 id="reminders-heading">{t('optionsRemindersHeading')}</h2>
      {!signedIn ? (
        <p class="muted">{t('optionsRemindersSignIn')}</p>
      ) : (
        settings && (
          <>
            <label class="check">
              <input
                type="checkbox"
                checked={settings.enabled && !revoked}
                aria-describedby={revoked ? 'reminders-revoked' : undefined}
                data-testid="reminders-enabled"
                onChange={(event) => void toggle(event.currentTarget.checked)}
              />
              {t('optionsRemindersEnable')}
            </label>
            <p class="muted">{t('optionsRemindersHelp')}</p>
            {/* A live region from the start: a note that appears in one is announced (a new region is not). */}
            <div aria-live="polite" class="live" data-testid="reminders-revoked-region">
              {revoked && (
                <p id="reminders-revoked" class="error" data-testid="reminders-revoked">
                  {t('optionsRemindersRevoked')}
                </p>
              )}
            </div>
            {settings.enabled && !revoked && (
              <>
                <fieldset>
                  <legend>{t('optionsRemindersLead')}</legend>
                  {(['hour', 'day'] as const).map((lead) => (
                    <label key={lead} class="check">
                      <input
                        type="radio"
                        name="reminder-lead"
                        checked={settings.lead === lead}
                        data-testid={`reminders-lead-${lead}`}
                        onChange={() => void save({ ...settings, lead })}
                      />
                      {t(lead === 'hour' ? 'optionsRemindersLeadHour' : 'optionsRemindersLeadDay')}
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>{t('optionsRemindersScope')}</legend>
                  {(['mine', 'chats'] as const).map((scope) => (
                    <label key={scope} class="check">
                      <input
                        type="radio"
                        name="reminder-scope"
                        checked={settings.scope === scope}
                        data-testid={`reminders-scope-${scope}`}
                        onChange={() => void save({ ...settings, scope })}
                      />
                      {t(scope === 'mine' ? 'optionsRemindersMine' : 'optionsRemindersChats')}
                    </label>
                  ))}
                  {settings.scope === 'chats' && (
                    <ChatPicker chats={data.chats} picked={settings.chatIds} onPick={pickChat} />
                  )}
                </fieldset>
              </>
            )}
          </>
        )
      )}
      <p role="status" class={`live ${status?.tone === 'error' ? 'error' : 'muted'}`} data-testid="reminders-status">
        {status?.text}
      </p>
    </section>
  );
}

/** Whether the browser holds the notifications permission now (undefined until known), kept current. */
function useNotificationPermission() {
  const [held, setHeld] = useState<boolean>();
  useEffect(() => {
    const check = () => void browser.permissions.contains(NOTIFICATIONS).then(setHeld, () => setHeld(false));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return [held, setHeld] as const;
}

interface PickerProps {
  chats: ResponseOf<'getReminders'>['chats'];
  picked: readonly string[];
  onPick(chatId: string, picked: boolean): void;
}

function ChatPicker({ chats, picked, onPick }: PickerProps) {
  if (chats.length === 0) return <p class="muted">{t('optionsRemindersNoChats')}</p>;
  return (
    <ul class="reminder-chats" aria-label={t('optionsRemindersPickChats')}>
      {chats.map((chat) => (
        <li key={chat.chatId}>
          <label class="check">
            <input
              type="checkbox"
              checked={picked.includes(chat.chatId)}
              data-testid="reminders-chat"
              data-chat-id={chat.chatId}
              onChange={(event) => onPick(chat.chatId, event.currentTarget.checked)}
            />
            {chat.name ?? chat.chatId}
          </label>
        </li>
      ))}
    </ul>
  );
}
