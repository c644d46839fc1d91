import { describe, expect, it } from 'vitest';
import { toJson } from '../../../components/popup/model/export';
import { parseExportFile, planImport, planImportUndo } from '../../../components/popup/model/import';
import type { ChatPins, ShownPin } from '../../../lib/board/read-models';
import { intentSchema } from '../../../lib/intents/intents';

const NOW = Date.UTC(2026, 2, 2, 9, 30);
const HOUR = 3_600_000;
const A = 'CT_1000000001_700012345';
const B = 'CT_1000000002_700012345';
const C = 'CT_1000000003_700012345';
const id = (n: number) => `${1_772_440_500_000 + n}_${n}`;
const pin = (chatId: string, n: number, over: Partial<ShownPin> = {}): ShownPin => ({
  chatId,
  messageId: id(n),
  text: `note ${n}`,
  senderName: 'Ann Lee',
  sentAt: NOW - 2 * HOUR,
  pinnedAt: NOW - HOUR,
  pinnedBy: 'Bob Stone',
  expiry: -1,
  isPrimary: false,
  pending: false,
  ...over,
});

/** An export exactly as the popup writes one today (format marker and version 1 included). */
const exported: ChatPins[] = [
  { chatId: A, chatName: 'Ops', pins: [pin(A, 1, { isPrimary: true }), pin(A, 2, { expiry: NOW + 5 * HOUR })] },
  { chatId: B, chatName: 'Sales', pins: [pin(B, 3, { isPrimary: true }), pin(B, 4, { expiry: NOW - HOUR })] },
  { chatId: C, chatName: 'Left long ago', pins: [pin(C, 5, { isPrimary: true })] },
];
const file = toJson(exported, NOW - 24 * HOUR);

describe('reading an export file', () => {
  it('accepts what the export writes', () => {
    const parsed = parseExportFile(file);
    expect(parsed.ok && parsed.file.chats.map((chat) => chat.pins.length)).toEqual([2, 2, 1]);
  });

  it('refuses, in one sentence that says nothing changed, a file that is not ours or is damaged', () => {
    const refusal = (text: string) => {
      const parsed = parseExportFile(text);
      if (parsed.ok) throw new Error('accepted');
      expect(parsed.error).toMatch(/Nothing was changed\.$/);
      return parsed.error;
    };
    expect(refusal(file.slice(0, file.length / 2))).toMatch(/not JSON/);
    expect(refusal('{"name":"cliq-pins","version":"0.1.0"}')).toMatch(/not a Cliq Pins export/);
    expect(refusal('[1,2,3]')).toMatch(/not a Cliq Pins export/);
    expect(refusal(file.replace('"version": 1', '"version": 2'))).toMatch(/newer version/);
    expect(refusal(file.replace(id(2), '../../folders'))).toMatch(/damaged at chats\.0\.pins\.1\.messageId/);
    expect(refusal(file.replace(A, 'CT_1.1'))).toMatch(/damaged at chats\.0\.chatId/);
    const data = JSON.parse(file);
    data.chats[0].pins = Array.from({ length: 26 }, (_, i) => ({ ...data.chats[0].pins[0], messageId: id(100 + i) }));
    expect(refusal(JSON.stringify(data))).toMatch(/damaged at chats\.0\.pins/);
    delete data.chats;
    expect(refusal(JSON.stringify(data))).toMatch(/damaged at chats/);
  });
});

describe('what a restore would do', () => {
  const parsed = parseExportFile(file);
  if (!parsed.ok) throw new Error(parsed.error);
  const chats = [
    { chatId: A, name: 'Ops' },
    { chatId: B, name: 'Sales' },
  ];

  it('pins again what is gone, leaves what is pinned, and names what cannot come back', () => {
    // Chat A lost its second pin; chat B is full; chat C is not among the account's chats.
    const full = Array.from({ length: 25 }, (_, i) => pin(B, 200 + i));
    const board = {
      pins: [
        { chatId: A, pins: [pin(A, 1)] },
        { chatId: B, pins: full },
      ],
      chats,
    };
    const plan = planImport(parsed.file, board, NOW);
    expect(plan.chats.map((chat) => [chat.chatName, chat.rows.map((row) => row.outcome)])).toEqual([
      ['Ops', ['pinned', 'restore']],
      ['Sales', ['full', 'expired']],
      ['Left long ago', ['noAccess']],
    ]);
    expect(plan.intents).toEqual([
      expect.objectContaining({ kind: 'pinMessage', chatId: A, messageId: id(2), expiry: NOW + 5 * HOUR }),
    ]);
    for (const intent of plan.intents) expect(intentSchema.safeParse(intent).success).toBe(true);
    expect(plan.restored).toEqual(new Map([[A, [id(2)]]]));
  });

  it('restores a whole chat in its old order, primary first, and undo unpins only what it pinned', () => {
    const plan = planImport(parsed.file, { pins: [], chats }, NOW);
    expect(plan.intents.filter((i) => i.kind === 'pinMessage').map((i) => 'messageId' in i && i.messageId)).toEqual([
      id(2),
      id(1),
      id(3),
    ]);
    expect(plan.intents.find((i) => i.kind === 'pinMessage' && i.messageId === id(1))).toMatchObject({ primary: true });
    const current = new Map([
      [A, [pin(A, 1), pin(A, 2)]],
      [B, []],
    ]);
    expect(planImportUndo(plan.restored, current)).toEqual([
      { kind: 'unpinMessages', chatId: A, messageIds: [id(1), id(2)] },
    ]);
  });
});
