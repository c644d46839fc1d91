import { SANDBOX_BUILD } from '../build-mode';
import { accountsOrigin, cliqOrigin, DATA_CENTRE_IDS, DATA_CENTRES, type DataCentre } from '../cliq/datacentres';
import * as z from '../cliq/zod';
import { formatLocale, t } from '../i18n';

/**
 * Where to sign in and which Cliq to talk to. Kept in `storage.local` by the background; nothing secret in it.
 * `apiHost` / `accountsHost` override the data centre's hosts: Canada's two spellings, and the local sandbox
 * in sandbox builds. `.check(…)` is marked pure so pages that never parse a connection do not keep its parts
 * (lib/cliq/endpoints/params.ts says why).
 */
export const connectionSchema = z.object({
  dataCentre: z._default(z.literal(DATA_CENTRE_IDS as [DataCentre, ...DataCentre[]]), 'com'),
  clientId: z._default(/* @__PURE__ */ z.string().check(z.trim(), z.maxLength(200)), ''),
  apiHost: z._default(/* @__PURE__ */ z.string().check(z.trim()), ''),
  accountsHost: z._default(/* @__PURE__ */ z.string().check(z.trim()), ''),
  /**
   * Sandbox builds only: the length of the rate-limit "minute" the sandbox was started with
   * (`npm run sandbox -- --minute-ms`), so the queue paces itself on the same scaled clock.
   */
  sandboxMinuteMs: z.optional(/* @__PURE__ */ z.int().check(z.gte(100), z.lte(60_000))),
});
export type Connection = z.output<typeof connectionSchema>;

export type HostKind = 'api' | 'accounts';

const KNOWN_ORIGINS: Record<HostKind, Set<string>> = {
  api: new Set(DATA_CENTRE_IDS.map(cliqOrigin)),
  accounts: new Set(DATA_CENTRE_IDS.map(accountsOrigin)),
};

const EXAMPLE: Record<HostKind, string> = { api: 'https://cliq.zoho.eu', accounts: 'https://accounts.zoho.eu' };

/** Each refusal names the field the user has to change (the options page's label) and the value as typed. */
const REFUSALS = {
  api: { notWebAddress: 'hostNotWebAddressApi', otherKind: 'hostIsAccountsHost', notAllowed: 'hostNotCliq' },
  accounts: { notWebAddress: 'hostNotWebAddressAccounts', otherKind: 'hostIsCliqHost', notAllowed: 'hostNotAccounts' },
} as const;

/** A host the options form must not save; `kind` says which field holds it. */
export class HostError extends Error {
  constructor(
    readonly kind: HostKind,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/**
 * A custom host must be one the manifest lets us reach, of the kind the field asks for (a Cliq host for the
 * API, an accounts host for sign-in), or the loopback sandbox in builds made for it. Returns the normalised
 * origin, or throws one sentence that names the field and the value as typed (an origin such as "null" from
 * "localhost:8787" would tell the user nothing).
 */
export function checkHost(raw: string, kind: HostKind, sandboxAllowed = SANDBOX_BUILD): string {
  const refusal = REFUSALS[kind];
  const example = sandboxAllowed ? t('hostSandboxExample', EXAMPLE[kind]) : EXAMPLE[kind];
  // "localhost:8787" parses, as a URL of scheme "localhost:": only http(s) is a web address here.
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) throw new HostError(kind, t(refusal.notWebAddress, raw, example));
  if (KNOWN_ORIGINS[kind].has(url.origin)) return url.origin;
  if (sandboxAllowed && url.protocol === 'http:' && url.hostname === '127.0.0.1') return url.origin;
  const other: HostKind = kind === 'api' ? 'accounts' : 'api';
  if (KNOWN_ORIGINS[other].has(url.origin)) throw new HostError(kind, t(refusal.otherKind, raw, EXAMPLE[kind]));
  throw new HostError(kind, t(refusal.notAllowed, raw, example));
}

export function apiOrigin(connection: Connection): string {
  return connection.apiHost ? checkHost(connection.apiHost, 'api') : cliqOrigin(connection.dataCentre);
}

export function accountsServer(connection: Connection): string {
  return connection.accountsHost
    ? checkHost(connection.accountsHost, 'accounts')
    : accountsOrigin(connection.dataCentre);
}

/** Zoho's `location` in the authorization response, mapped to the data centre whose hosts serve that account. */
const LOCATION_TO_DATA_CENTRE: Record<string, DataCentre> = {
  us: 'com',
  eu: 'eu',
  in: 'in',
  au: 'com.au',
  jp: 'jp',
  sa: 'sa',
  cn: 'com.cn',
  ca: 'ca',
  uk: 'uk',
};

export function dataCentreOfLocation(location: string | undefined): DataCentre | undefined {
  return location ? LOCATION_TO_DATA_CENTRE[location.toLowerCase()] : undefined;
}

export { rateMinuteMs } from './rate-minute';

/**
 * "Vereinigte Staaten (zoho.com)": the region named in the UI's language (Intl.DisplayNames), then its domain.
 * Europe is a message of its own: Chromium's trimmed ICU data names countries but not region 150 ("150 (zoho.eu)").
 */
export function dataCentreLabel(dc: DataCentre): string {
  const { region, domain } = DATA_CENTRES[dc];
  const name =
    region === EUROPE
      ? t('optionsDataCentreEurope')
      : new Intl.DisplayNames([formatLocale()], { type: 'region' }).of(region);
  return t('optionsDataCentreName', name ?? region, domain);
}

const EUROPE = '150';
