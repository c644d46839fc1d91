import { describe, expect, it } from 'vitest';
import { escapeMarkdown, exportFileName, toJson, toMarkdown, utcMinute } from '../../../components/popup/model/export';
import type { ChatPins, ShownPin } from '../../../lib/board/read-models';

const AT = Date.UTC(2026, 2, 2, 9, 30);
const pin = (over: Partial<ShownPin>): ShownPin => ({
  messageId: '1772440500000_1',
  chatId: 'CT_1',
  text: 'Deploy at 5pm',
  senderName: 'Ann Lee',
  sentAt: Date.UTC(2026, 2, 2, 8, 55),
  pinnedAt: Date.UTC(2026, 2, 2, 9, 0),
  pinnedBy: 'Bob Stone',
  expiry: -1,
  isPrimary: false,
  pending: false,
  ...over,
});
const chats: ChatPins[] = [
  {
    chatId: 'CT_1',
    chatName: 'Ops *war room*',
    pins: [
      pin({ isPrimary: true }),
      pin({
        messageId: '2_2',
        text: '# not a heading\n- not a list\n<img src=x onerror=alert(1)>',
        expiry: AT + 3_600_000,
      }),
    ],
  },
  { chatId: 'CT_2', pins: [pin({ chatId: 'CT_2', messageId: '3_3', senderName: undefined, pinnedBy: undefined })] },
];

describe('exporting the pins on screen', () => {
  it('writes Markdown with one section per chat and the primary marked', () => {
    expect(toMarkdown(chats, AT)).toBe(
      [
        '# Cliq Pins export',
        '',
        'Exported 2026-03-02 09:30 UTC: 3 pins in 2 chats.',
        '',
        '## Ops \\*war room\\*',
        '',
        '- **Primary** · **Ann Lee** · 2026-03-02 08:55 UTC · Deploy at 5pm',
        '  - pinned by Bob Stone · pinned 2026-03-02 09:00 UTC · never expires',
        '- **Ann Lee** · 2026-03-02 08:55 UTC · \\# not a heading\\',
        '  \\- not a list\\',
        '  \\<img src=x onerror=alert(1)\\>',
        '  - pinned by Bob Stone · pinned 2026-03-02 09:00 UTC · expires 2026-03-02 10:30 UTC',
        '',
        '## CT\\_2',
        '',
        '- 2026-03-02 08:55 UTC · Deploy at 5pm',
        '  - pinned 2026-03-02 09:00 UTC · never expires',
        '',
      ].join('\n'),
    );
  });

  it('escapes what Markdown would turn into markup or blocks, and leaves ordinary text alone', () => {
    expect(escapeMarkdown('[link](http://x) `code` a_b |t|')).toBe('\\[link\\](http://x) \\`code\\` a\\_b \\|t\\|');
    expect(escapeMarkdown('1. first\n  + item\n=')).toBe('1\\. first\n  \\+ item\n\\=');
    expect(escapeMarkdown('Release 2.0 - ready. Costs 5+5=10!')).toBe('Release 2.0 - ready. Costs 5+5=10!');
  });

  it('writes JSON with ISO times, null for what is unknown, and the text exactly as written', () => {
    const data = JSON.parse(toJson(chats, AT));
    expect(data).toMatchObject({ format: 'cliq-pins-export', version: 1, exportedAt: '2026-03-02T09:30:00.000Z' });
    expect(data.chats[0].pins[1]).toEqual({
      messageId: '2_2',
      text: '# not a heading\n- not a list\n<img src=x onerror=alert(1)>',
      file: null,
      senderName: 'Ann Lee',
      sentAt: '2026-03-02T08:55:00.000Z',
      pinnedAt: '2026-03-02T09:00:00.000Z',
      pinnedBy: 'Bob Stone',
      expiresAt: '2026-03-02T10:30:00.000Z',
      primary: false,
    });
    expect(data.chats[1]).toMatchObject({ chatId: 'CT_2', chatName: null });
    expect(data.chats[1].pins[0]).toMatchObject({ senderName: null, pinnedBy: null, expiresAt: null });
  });

  it('names a pinned file in both formats', () => {
    const withFile: ChatPins[] = [{ chatId: 'CT_3', pins: [pin({ text: '', attachment: { name: 'plan_v2.pdf' } })] }];
    expect(JSON.parse(toJson(withFile, AT)).chats[0].pins[0]).toMatchObject({ text: '', file: 'plan_v2.pdf' });
    expect(toMarkdown(withFile, AT)).toContain('plan\\_v2.pdf');
  });

  it('names files by date and reads times in UTC', () => {
    expect(exportFileName('md', AT)).toBe('cliq-pins-2026-03-02.md');
    expect(utcMinute(AT)).toBe('2026-03-02 09:30 UTC');
  });
});
