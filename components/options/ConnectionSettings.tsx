import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkHost, dataCentreLabel, HostError, type HostKind } from '../../lib/auth/connection';
import { SANDBOX_BUILD } from '../../lib/build-mode';
import { DATA_CENTRE_IDS, type DataCentre } from '../../lib/cliq/datacentres';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import type { AuthState } from '../useAuthState';

interface Props {
  state: AuthState;
  busy: boolean;
  run: (action: () => Promise<AuthState>) => Promise<boolean>;
}

/** Data centre, client ID and optional hosts; shows the redirect URL this browser needs in Zoho's console. */
export function ConnectionSettings({ state, busy, run }: Props) {
  const [form, setForm] = useState(state.connection);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const [hostError, setHostError] = useState<{ kind: HostKind; message: string }>();
  const hostInputs = { api: useRef<HTMLInputElement>(null), accounts: useRef<HTMLInputElement>(null) };
  const redirectUrl = browser.identity.getRedirectURL();
  // A failed action re-reads the state as a new object with the saved values: only a real change of the
  // saved connection may replace what the user typed.
  const savedKey = JSON.stringify(state.connection);
  useEffect(() => setForm(state.connection), [savedKey]);
  useEffect(() => {
    if (hostError) hostInputs[hostError.kind].current?.focus();
  }, [hostError]);

  const field = (name: 'dataCentre' | 'clientId' | 'apiHost' | 'accountsHost') => ({
    id: `connection-${name}`,
    name,
    value: form[name],
    onInput: (e: Event) => {
      setSaved(false);
      setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value });
    },
  });

  const hostField = (name: 'apiHost' | 'accountsHost', kind: HostKind) => {
    const invalid = hostError?.kind === kind;
    return {
      ...field(name),
      ref: hostInputs[kind],
      'aria-invalid': invalid ? ('true' as const) : undefined,
      'aria-describedby': invalid ? 'host-error' : undefined,
    };
  };

  /** The first custom host the background would refuse, checked here so the error can sit at its field. */
  function refusedHost(): HostError | undefined {
    try {
      if (form.apiHost.trim()) checkHost(form.apiHost.trim(), 'api');
      if (form.accountsHost.trim()) checkHost(form.accountsHost.trim(), 'accounts');
    } catch (error) {
      if (error instanceof HostError) return error;
      throw error;
    }
    return undefined;
  }

  async function save(e: Event) {
    e.preventDefault();
    const refused = refusedHost();
    setHostError(refused && { kind: refused.kind, message: refused.message });
    if (refused) return;
    setSaved(await run(() => sendMessage('saveConnection', form)));
  }

  async function copy() {
    await navigator.clipboard.writeText(redirectUrl);
    setCopied(true);
  }

  return (
    <form onSubmit={save} aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('optionsConnection')}</h2>
      <div class="field">
        <label for="connection-dataCentre">{t('optionsDataCentre')}</label>
        <select {...field('dataCentre')}>
          {DATA_CENTRE_IDS.map((dc: DataCentre) => (
            <option key={dc} value={dc}>
              {dataCentreLabel(dc)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="connection-clientId">{t('optionsClientId')}</label>
        <input
          {...field('clientId')}
          dir="ltr"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="client-id-help"
        />
        <p id="client-id-help" class="muted">
          {t('optionsClientIdHelp')}
        </p>
      </div>
      <div class="field">
        <label for="redirect-url">{t('optionsRedirectUrl')}</label>
        <div class="row">
          <input id="redirect-url" dir="ltr" readOnly value={redirectUrl} data-testid="redirect-url" />
          <button type="button" onClick={copy}>
            {copied ? t('optionsCopied') : t('optionsCopy')}
          </button>
        </div>
      </div>
      <details open={Boolean(form.apiHost || form.accountsHost || form.sandboxMinuteMs || hostError)}>
        <summary>{t('optionsAdvanced')}</summary>
        <p class="muted">{t('optionsHostHelp')}</p>
        <div class="field">
          <label for="connection-apiHost">{t('optionsApiHost')}</label>
          <input {...hostField('apiHost', 'api')} dir="ltr" placeholder="https://cliq.zoho.com" spellcheck={false} />
        </div>
        <div class="field">
          <label for="connection-accountsHost">{t('optionsAccountsHost')}</label>
          <input
            {...hostField('accountsHost', 'accounts')}
            dir="ltr"
            placeholder="https://accounts.zoho.com"
            spellcheck={false}
          />
        </div>
        {hostError && (
          <p id="host-error" class="error" role="alert" data-testid="host-error">
            {hostError.message}
          </p>
        )}
        {SANDBOX_BUILD && (
          <div class="field">
            <label for="connection-sandboxMinuteMs">{t('optionsSandboxMinute')}</label>
            <input
              id="connection-sandboxMinuteMs"
              type="number"
              min={100}
              max={60000}
              value={form.sandboxMinuteMs ?? ''}
              onInput={(e) => {
                const value = (e.currentTarget as HTMLInputElement).valueAsNumber;
                setSaved(false);
                setForm({ ...form, sandboxMinuteMs: Number.isFinite(value) ? value : undefined });
              }}
            />
          </div>
        )}
      </details>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('optionsSave')}
        </button>
        {saved && (
          <span class="ok" role="status" data-testid="connection-saved">
            {t('optionsSaved')}
          </span>
        )}
      </div>
    </form>
  );
}
