import { describe, expect, it } from 'vitest';
import { toLocalDateTime } from '../../../lib/intents/expiry';
import { EXPIRY_PRESETS, expiryFor, formatExpiry, tomorrowMorning } from '../../../lib/page/expiry';

const NOW = new Date(2026, 2, 2, 14, 30, 0).getTime();
const HOUR = 3_600_000;

describe('expiry presets of the pin dialog', () => {
  it('offers 1 hour, end of day, 1 week, forever and a date', () => {
    expect(EXPIRY_PRESETS).toEqual(['hour', 'endOfDay', 'week', 'forever', 'date']);
  });

  it('turns each into -1 or epoch ms in local time', () => {
    expect(expiryFor('hour', NOW)).toEqual({ ok: true, expiry: NOW + HOUR });
    expect(expiryFor('endOfDay', NOW)).toEqual({ ok: true, expiry: new Date(2026, 2, 2, 23, 59, 59).getTime() });
    expect(expiryFor('week', NOW)).toEqual({ ok: true, expiry: NOW + 7 * 24 * HOUR });
    expect(expiryFor('forever', NOW)).toEqual({ ok: true, expiry: -1 });
    expect(expiryFor('date', NOW, '2026-03-05T09:15')).toEqual({
      ok: true,
      expiry: new Date(2026, 2, 5, 9, 15).getTime(),
    });
  });

  it('takes tomorrow for "end of day" in the last minute of today', () => {
    const late = new Date(2026, 2, 2, 23, 59, 30).getTime();
    expect(expiryFor('endOfDay', late)).toEqual({ ok: true, expiry: new Date(2026, 2, 3, 23, 59, 59).getTime() });
  });

  it('refuses a missing or past date instead of sending what Cliq would refuse', () => {
    expect(expiryFor('date', NOW, '')).toEqual({ ok: false, reason: 'noDate' });
    expect(expiryFor('date', NOW, 'tomorrow')).toEqual({ ok: false, reason: 'noDate' });
    expect(expiryFor('date', NOW, '2026-03-02T14:00')).toEqual({ ok: false, reason: 'past' });
  });

  it('defaults the date field to tomorrow at 09:00, in the field’s own format', () => {
    expect(toLocalDateTime(tomorrowMorning(NOW))).toBe('2026-03-03T09:00');
  });
});

describe('formatExpiry', () => {
  it('says nothing for "never", a relative time within a day, and a date beyond', () => {
    expect(formatExpiry(-1, NOW, 'en')).toBeNull();
    expect(formatExpiry(NOW + 20 * 60_000, NOW, 'en')).toBe('in 20 minutes');
    expect(formatExpiry(NOW + 3 * HOUR, NOW, 'en')).toBe('in 3 hours');
    expect(formatExpiry(new Date(2026, 2, 9, 8, 0).getTime(), NOW, 'en')).toMatch(/Mar 9, 2026/);
  });
});
