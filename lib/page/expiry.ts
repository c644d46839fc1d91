import { type ExpiryPreset as Preset, parseLocalDateTime, presetExpiry } from '../intents/expiry';

/** The pin dialog's expiry choices: the shared presets, and a date of the user's own. */
export const EXPIRY_PRESETS = ['hour', 'endOfDay', 'week', 'forever', 'date'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ExpiryChoice = { ok: true; expiry: number } | { ok: false; reason: 'noDate' | 'past' };

/** `date` is a `datetime-local` value (local time, `YYYY-MM-DDTHH:mm`). */
export function expiryFor(preset: ExpiryPreset, now: number, date = ''): ExpiryChoice {
  if (preset !== 'date') return { ok: true, expiry: presetExpiry(preset satisfies Preset, now) };
  const at = parseLocalDateTime(date);
  if (Number.isNaN(at)) return { ok: false, reason: 'noDate' };
  return at > now ? { ok: true, expiry: at } : { ok: false, reason: 'past' };
}

/** The dialog's default date: tomorrow at 09:00. */
export function tomorrowMorning(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}

/** How a pin's expiry reads: null for "never"; a relative time within a day, else a date and time. */
export function formatExpiry(expiry: number, now: number, locale?: string): string | null {
  if (expiry === -1) return null;
  const left = expiry - now;
  if (left > 0 && left < DAY) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return left < HOUR
      ? relative.format(Math.max(1, Math.round(left / 60_000)), 'minute')
      : relative.format(Math.round(left / HOUR), 'hour');
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(expiry);
}
