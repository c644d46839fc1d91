import { describe, expect, it } from 'vitest';
import { planBulkExpiry, planBulkExpiryUndo } from '../../../components/popup/model/bulk-expiry';
import type { ShownPin } from '../../../lib/board/read-models';
import { intentSchema } from '../../../lib/intents/intents';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const A = 'CT_1_1';
const B = 'CT_2_1';
const pin = (chatId: string, messageId: string, expiry: number): ShownPin => ({
  chatId,
  messageId,
  text: `text ${messageId}`,
  expiry,
  isPrimary: false,
  pending: false,
});

describe('bulk expiry', () => {
  const live = pin(A, '1700000000000_1', NOW + HOUR);
  const forever = pin(A, '1700000000000_2', -1);
  const expired = pin(B, '1700000000000_3', NOW - HOUR);

  it('changes each live pin, pins an expired one again, and leaves one that already has the expiry', () => {
    const intents = planBulkExpiry([live, forever, expired], -1, NOW);
    expect(intents).toEqual([
      { kind: 'changePinExpiry', chatId: A, messageId: live.messageId, expiry: -1 },
      {
        kind: 'pinMessage',
        chatId: B,
        messageId: expired.messageId,
        expiry: -1,
        preview: { text: expired.text, senderName: undefined },
      },
    ]);
    // Every planned intent is one the queue accepts.
    for (const intent of intents) expect(intentSchema.safeParse(intent).success).toBe(true);
  });

  it('undo puts old expiries back, unpins what was expired or has lapsed since, and skips pins gone meanwhile', () => {
    const soon = pin(A, '1700000000000_4', NOW + 2_000);
    const before = [live, forever, expired, soon, pin(B, '1700000000000_5', NOW + HOUR)];
    const week = NOW + 7 * 24 * HOUR;
    const current = new Map([
      [A, [live, forever, soon].map((p) => ({ ...p, expiry: week }))],
      // 1700000000000_5 was unpinned by someone since: nothing to put back.
      [B, [{ ...expired, expiry: week }]],
    ]);
    expect(planBulkExpiryUndo(before, current, NOW)).toEqual([
      { kind: 'changePinExpiry', chatId: A, messageId: live.messageId, expiry: live.expiry },
      { kind: 'changePinExpiry', chatId: A, messageId: forever.messageId, expiry: -1 },
      { kind: 'unpinMessages', chatId: B, messageIds: [expired.messageId] },
      { kind: 'unpinMessages', chatId: A, messageIds: [soon.messageId] },
    ]);
  });
});
