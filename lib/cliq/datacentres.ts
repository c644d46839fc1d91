/**
 * Zoho data centres. Cliq and the accounts server live on the same top-level domain per data centre.
 * Canada is `zohocloud.ca` only: Zoho's accounts docs list `accounts.zohocloud.ca`, and the one report about
 * `cliq.zoho.ca` says it does not resolve (docs/permissions.md has the decision and how to revisit it).
 * Their labels live with the connection settings (`lib/auth/connection.ts`): the content script needs domains only.
 */
export const DATA_CENTRES = {
  com: { domain: 'zoho.com' },
  eu: { domain: 'zoho.eu' },
  in: { domain: 'zoho.in' },
  'com.au': { domain: 'zoho.com.au' },
  jp: { domain: 'zoho.jp' },
  sa: { domain: 'zoho.sa' },
  'com.cn': { domain: 'zoho.com.cn' },
  ca: { domain: 'zohocloud.ca' },
  uk: { domain: 'zoho.uk' },
} as const;

export type DataCentre = keyof typeof DATA_CENTRES;

export const DATA_CENTRE_IDS = Object.keys(DATA_CENTRES) as DataCentre[];

export function cliqOrigin(dc: DataCentre): string {
  return `https://cliq.${DATA_CENTRES[dc].domain}`;
}

export function accountsOrigin(dc: DataCentre): string {
  return `https://accounts.${DATA_CENTRES[dc].domain}`;
}

/** Match patterns for every Cliq web app and accounts host: the only hosts a production build may ask for. */
export const CLIQ_HOST_PATTERNS = DATA_CENTRE_IDS.map((dc) => `${cliqOrigin(dc)}/*`);
export const ACCOUNTS_HOST_PATTERNS = DATA_CENTRE_IDS.map((dc) => `${accountsOrigin(dc)}/*`);

/** The loopback sandbox; match patterns ignore the port, so one entry covers any sandbox port. */
export const SANDBOX_HOST_PATTERN = 'http://127.0.0.1/*';

/** Build modes that may reach the sandbox. `production` (the default for build and zip) never does. */
export const SANDBOX_MODES: readonly string[] = ['development', 'test', 'demo'];
