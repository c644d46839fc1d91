/*
 * A pin's expiry as a person picks it, turned into what the `pinMessage` and `setExpiry` intents carry: -1
 * (Cliq's "never") or epoch ms. One set of rules for the page's pin dialog and the popup's.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ExpiryPreset = 'hour' | 'endOfDay' | 'week' | 'forever';

/** End of day is 23:59:59 local time; in the day's last minute Cliq would hear of it too late: tomorrow's. */
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
      end.setHours(23, 59, 59, 0);
      if (end.getTime() - now < 60_000) end.setDate(end.getDate() + 1);
      return end.getTime();
    }
  }
}

/** A `datetime-local` value (local time, `YYYY-MM-DDTHH:mm`, no zone) as epoch ms; NaN when empty or invalid. */
export function parseLocalDateTime(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return new Date(y as number, (mo as number) - 1, d, h, mi).getTime();
}

/** The `datetime-local` value for `at`, in local time. */
export function toLocalDateTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
