import { t } from '../i18n';
import { cliqOrigin, type DataCentre } from './datacentres';
import type { QueryValue } from './endpoints/define';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The origin API paths hang off: the data centre's Cliq host, or an override (Canada has two hosts, and tests
 * use the loopback sandbox). Plain http is accepted for loopback only, so a token never crosses the network in clear.
 */
export function cliqApiBase(dc: DataCentre, override?: string): string {
  if (override === undefined || override.trim() === '') return cliqOrigin(dc);
  let url: URL;
  try {
    url = new URL(override.trim());
  } catch {
    throw new TypeError(`"${override}" is not a URL; give the Cliq address, e.g. https://cliq.zoho.eu`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) throw new TypeError(`"${override}" must start with https:// (plain http only for 127.0.0.1)`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `@` and `:` may stand unescaped in a path segment, and email addresses read better on the wire that way. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@').replace(/%3A/gi, ':');
}

/**
 * Percent-encoding with a space as `%20` (like Cliq's own payloads), not the form-style `+`; commas stay bare
 * because Cliq's list parameters are documented as `chat_ids=a,b`.
 */
function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) return '';
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value)).replace(/%2C/gi, ',')}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** The template as a pattern over a parsed URL's path: each `{PARAM}` one non-empty segment, nothing else. */
function templatePattern(base: string, template: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = `${base}/api${template}`.split(/\{[A-Z_]+\}/).map(literal);
  return new RegExp(`^${parts.join('[^/]+')}$`);
}

/**
 * Fills the template, then reads the result back the way `fetch` will: if URL parsing moved the path (a dot
 * segment such as `.`, `..` or `%2e` collapses into its parent), the request would reach another endpoint,
 * so it is refused before it exists.
 */
export function buildUrl(
  apiBase: string,
  template: string,
  pathParams: Record<string, string> | undefined,
  query: Record<string, QueryValue> | undefined,
): string {
  const path = template.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
    const value = pathParams?.[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeSegment(value);
  });
  const base = apiBase.replace(/\/+$/, '');
  const url = `${base}/api${path}${encodeQuery(query)}`;
  const parsed = new URL(url);
  if (!templatePattern(new URL(base).pathname.replace(/\/+$/, ''), template).test(parsed.pathname)) {
    throw new UrlMismatchError(template, parsed.pathname);
  }
  return url;
}

export class UrlMismatchError extends Error {
  override name = 'UrlMismatchError';
  constructor(
    readonly template: string,
    readonly path: string,
  ) {
    super(t('cliqGuardAddressMoved', path, template));
  }
}
