/* Times as people read them, in the browser's language (Intl), so no wording needs translating here. */
import { formatLocale, type MessageKey } from '../../../lib/i18n';
import type { ExpiryPreset } from '../../../lib/intents/expiry';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The expiry choices and their words, the same wherever the popup offers them. */
export const EXPIRY_CHOICES: readonly [ExpiryPreset, MessageKey][] = [
  ['hour', 'popupExpiryHour'],
  ['endOfDay', 'popupExpiryEndOfDay'],
  ['week', 'popupExpiryWeek'],
  ['forever', 'popupExpiryForever'],
];

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/** "in 3 hours", "5 minutes ago"; the largest unit that fits, rounded towards now. */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const format = new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'auto', style: 'long' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(Math.trunc(diff / 1000), 'second');
}

/**
 * When something already happened, for times Cliq stamps with its own clock (a pin's time): under a minute
 * ago, or ahead of our clock (a fresh re-pin by a server a few seconds ahead), is `justNow`, never "in 5 seconds".
 */
export function timeAgo(at: number, now: number, justNow: string): string {
  return now - at < MINUTE ? justNow : relativeTime(at, now);
}

/** A `<time>` element's machine-readable `dateTime`. */
export function isoTime(at: number): string {
  return new Date(at).toISOString();
}

/** "Mar 2, 08:55", with the year only when it is not this year's. */
export function shortDateTime(at: number, now: number): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(formatLocale(), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
}

/** A wait as "45 s" / "3 min" / "1 h 5 min", for progress and estimates. */
export function duration(ms: number): string {
  const format = (value: number, unit: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(formatLocale(), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  if (ms < MINUTE) return format(Math.max(1, Math.ceil(ms / 1000)), 'second');
  if (ms < HOUR) return format(Math.ceil(ms / MINUTE), 'minute');
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.ceil((ms % HOUR) / MINUTE);
  return minutes > 0 ? `${format(hours, 'hour')} ${format(minutes, 'minute')}` : format(hours, 'hour');
}
