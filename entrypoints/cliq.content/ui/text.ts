import { formatLocale, t } from '../../../lib/i18n';
import { isExtensionGone } from '../../../lib/page/background';
import { formatExpiry } from '../../../lib/page/expiry';

export function expiryText(expiry: number, now = Date.now()): string {
  const when = formatExpiry(expiry, now, formatLocale());
  return when === null ? t('pageExpiresNever') : t('pageExpiresAt', when);
}

export function errorText(error: unknown): string {
  if (isExtensionGone(error)) return t('pageExtensionGone');
  return error instanceof Error ? error.message : String(error);
}
