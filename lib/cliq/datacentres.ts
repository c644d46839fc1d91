/**
 * Zoho data centres. Cliq and the accounts server live on the same top-level domain per data centre.
 * Canada is `zohocloud.ca` only: Zoho's accounts docs list `accounts.zohocloud.ca`, and the one report about
 * `cliq.zoho.ca` says it does not resolve (docs/permissions.md has the decision and how to revisit it).
 * `region` is a CLDR region code (Europe is 150): the options page names it in the UI's language
 * (`dataCentreLabel` in `lib/auth/connection.ts`), so no English names ride along into the content script.
 */
export const DATA_CENTRES = {
  com: { region: 'US', domain: 'zoho.com' },
  eu: { region: '150', domain: 'zoho.eu' },
  in: { region: 'IN', domain: 'zoho.in' },
  'com.au': { region: 'AU', domain: 'zoho.com.au' },
  jp: { region: 'JP', domain: 'zoho.jp' },
  sa: { region: 'SA', domain: 'zoho.sa' },
  'com.cn': { region: 'CN', domain: 'zoho.com.cn' },
  ca: { region: 'CA', domain: 'zohocloud.ca' },
  uk: { region: 'GB', domain: 'zoho.uk' },
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
