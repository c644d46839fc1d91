import { browser } from 'wxt/browser';

/**
 * Chrome stops an idle worker after about 30 s; an alarm brings it back when the queue or the sync has work
 * again (a free rate slot, a backoff ending, a stale list). The sweep alarm is a floor in case nothing else
 * wakes the worker for a long time.
 */
const WAKE_ALARM = 'cliq-pins-wake';
const SWEEP_ALARM = 'cliq-pins-sweep';
const SWEEP_EVERY_MINUTES = 15;

export async function scheduleWake(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(WAKE_ALARM);
    return;
  }
  // Alarms fire no sooner than asked; a little slack keeps one from landing just before the slot opens.
  await browser.alarms.create(WAKE_ALARM, { when: Math.max(Date.now() + 1_000, at + 250) });
}

/** Alarms do not survive every browser restart or update: re-create the floor on every worker start. */
export async function ensureSweepAlarm(): Promise<void> {
  if (!(await browser.alarms.get(SWEEP_ALARM))) {
    await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_EVERY_MINUTES });
  }
}
