/** The pin dialog's expiry choices, turned into what the `pinMessage` intent takes: -1 (never) or epoch ms. */
export const EXPIRY_PRESETS = ['hour', 'endOfDay', 'week', 'forever', 'date'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ExpiryChoice = { ok: true; expiry: number } | { ok: false; reason: 'noDate' | 'past' };

/** `date` is a `datetime-local` value (local time, `YYYY-MM-DDTHH:mm`). */
export function expiryFor(preset: ExpiryPreset, now: number, date = ''): ExpiryChoice {
  switch (preset) {
    case 'hour':
      return { ok: true, expiry: now + HOUR };
    case 'endOfDay': {
      const end = new Date(now);
      end.setHours(23, 59, 59, 0);
      // In the last minute of the day, "end of day" would be gone before Cliq hears of it: take tomorrow's.
      if (end.getTime() - now < 60_000) end.setDate(end.getDate() + 1);
      return { ok: true, expiry: end.getTime() };
    }
    case 'week':
      return { ok: true, expiry: now + 7 * DAY };
    case 'forever':
      return { ok: true, expiry: -1 };
    case 'date': {
      const at = parseLocalDateTime(date);
      if (at === null) return { ok: false, reason: 'noDate' };
      return at > now ? { ok: true, expiry: at } : { ok: false, reason: 'past' };
    }
  }
}

function parseLocalDateTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const at = new Date(y as number, (mo as number) - 1, d, h, mi);
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}

/** A `datetime-local` value for `at` in local time: the dialog's default date is tomorrow at 09:00. */
export function localDateTimeValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

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
