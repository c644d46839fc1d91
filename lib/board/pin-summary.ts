import type { PinRecord } from '../store/records';

/**
 * A pin on one line, for labels, search and the pinned bar: a file by its name, with its comment after it.
 * Pure (a type import only), so the content script can use it without pulling in the database code.
 */
export function pinSummary(pin: Pick<PinRecord, 'text' | 'attachment'>): string {
  if (!pin.attachment) return pin.text;
  return pin.text ? `${pin.attachment.name} — ${pin.text}` : pin.attachment.name;
}
