import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatCount, t } from '../../lib/i18n';
import { CLIQ_TABS } from '../../lib/messaging/events';
import type { PageCheck as Check, PageCheckRequest } from '../../lib/page/check';

type Shown =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'noTab' }
  | { kind: 'failed'; message: string }
  | { kind: 'checked'; check: Check; report?: string; copied?: boolean };

/** The Cliq tab the user means: the active one of a window first, else the one used last. */
async function cliqTab(): Promise<number | undefined> {
  const tabs = await browser.tabs.query({ url: CLIQ_TABS });
  const [tab] = tabs.sort(
    (a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0),
  );
  return tab?.id;
}

async function ask<T>(tabId: number, kind: PageCheckRequest['cliqPinsPageCheck']): Promise<T> {
  const request: PageCheckRequest = { cliqPinsPageCheck: kind };
  const answer = await browser.tabs.sendMessage(tabId, request);
  // No answer: the tab's script could not load its check (cliq-on-demand.js gone or blocked), not a script error.
  if (!answer) throw new Error(t('pageCheckNotLoaded'));
  return answer as T;
}

function Found({ testId, found, label, missing }: { testId: string; found: boolean; label: string; missing: string }) {
  return (
    <li data-testid={testId} data-found={String(found)}>
      <span aria-hidden="true">{found ? '✓ ' : '– '}</span>
      {label}: {found ? t('pageCheckFound') : missing}
    </li>
  );
}

/**
 * What Cliq Pins recognises on the open Cliq page, and the sanitised page-structure report a user can paste
 * into a bug report when it recognises too little. The report is made by the content script; shown here too,
 * so the user sees exactly what they would share.
 */
export function PageCheck() {
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const run = async (withReport: boolean) => {
    setShown({ kind: 'busy' });
    try {
      const tabId = await cliqTab();
      if (tabId === undefined) return setShown({ kind: 'noTab' });
      const { check } = await ask<{ check: Check }>(tabId, 'summary');
      if (!withReport) return setShown({ kind: 'checked', check });
      const { report } = await ask<{ report: string }>(tabId, 'report');
      const copied = await navigator.clipboard.writeText(report).then(
        () => true,
        () => false,
      );
      setShown({ kind: 'checked', check, report, copied });
    } catch (error) {
      setShown({ kind: 'failed', message: (error as Error).message });
    }
  };
  const check = shown.kind === 'checked' ? shown.check : undefined;
  return (
    <section aria-labelledby="page-check-heading" data-testid="page-check">
      <h2 id="page-check-heading">{t('pageCheckTitle')}</h2>
      <p class="muted">{t('pageCheckHelp')}</p>
      <div class="row">
        <button type="button" data-testid="page-check-run" disabled={shown.kind === 'busy'} onClick={() => run(false)}>
          {t('pageCheckRun')}
        </button>
        <button type="button" data-testid="page-check-copy" disabled={shown.kind === 'busy'} onClick={() => run(true)}>
          {t('pageCheckCopy')}
        </button>
      </div>
      <div role="status">
        {shown.kind === 'noTab' && <p data-testid="page-check-no-tab">{t('pageCheckNoTab')}</p>}
        {shown.kind === 'failed' && (
          <p class="error" data-testid="page-check-failed">
            {t('pageCheckFailed', shown.message)}
          </p>
        )}
        {check && (
          <ul class="page-check" data-testid="page-check-result">
            <li data-testid="page-check-messages" data-count={check.messages.count} data-by={check.messages.by}>
              <span aria-hidden="true">{check.messages.count > 0 ? '✓ ' : '– '}</span>
              {check.messages.by === 'fallback'
                ? t('pageCheckMessagesFallback', formatCount(check.messages.count))
                : t('pageCheckMessages', formatCount(check.messages.count))}
            </li>
            <li data-testid="page-check-chat" data-from={check.chat.from}>
              <span aria-hidden="true">{check.chat.id ? '✓ ' : '– '}</span>
              {check.chat.id
                ? t(check.chat.from === 'address' ? 'pageCheckChatAddress' : 'pageCheckChatPage', check.chat.id)
                : t('pageCheckNoChat')}
            </li>
            <Found
              testId="page-check-header"
              found={check.header}
              label={t('pageCheckHeader')}
              missing={t('pageCheckHeaderMissing')}
            />
            <Found
              testId="page-check-chat-list"
              found={check.chatList}
              label={t('pageCheckChatList')}
              missing={t('pageCheckChatListMissing')}
            />
          </ul>
        )}
        {shown.kind === 'checked' && shown.report !== undefined && (
          <>
            <p data-testid="page-check-copied">{shown.copied ? t('pageCheckCopied') : t('pageCheckCopyByHand')}</p>
            <textarea
              readOnly
              class="report"
              rows={10}
              data-testid="page-check-report"
              aria-label={t('pageCheckReport')}
              value={shown.report}
            />
          </>
        )}
      </div>
    </section>
  );
}
