/* Times as people read them, in the browser's language (Intl), so no wording needs translating here. */
import { formatLocale, type MessageKey } from '../../../lib/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type ExpiryPreset = 'hour' | 'endOfDay' | 'week' | 'forever';

/** The expiry choices and their words, the same wherever the popup offers them. */
export const EXPIRY_CHOICES: readonly [ExpiryPreset, MessageKey][] = [
  ['hour', 'popupExpiryHour'],
  ['endOfDay', 'popupExpiryEndOfDay'],
  ['week', 'popupExpiryWeek'],
  ['forever', 'popupExpiryForever'],
];

/** -1 is Cliq's "never". End of day is the user's local midnight, or tomorrow's when that is under an hour away. */
export function presetExpiry(preset: ExpiryPreset, now: number): number {
  switch (preset) {
    case 'hour':
      return now + HOUR;
    case 'week':
      return now + 7 * DAY;
    case 'forever':
      return -1;
    case 'endOfDay': {
      const end = new Date(now);
      end.setHours(23, 59, 0, 0);
      if (end.getTime() - now < HOUR) end.setDate(end.getDate() + 1);
      return end.getTime();
    }
  }
}

/** A `datetime-local` value (local time, no zone) as epoch ms; NaN when empty or invalid. */
export function parseLocalDateTime(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return new Date(y as number, (mo as number) - 1, d, h, mi).getTime();
}

export function toLocalDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

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
