import { pinSummary } from '../../../lib/board/pin-summary';
import type { ChatPins } from '../../../lib/board/read-models';
import { t, tn } from '../../../lib/i18n';

/*
 * The pins on screen as a file. Text written by other people is escaped for Markdown, so a message cannot
 * turn into a heading, a link or HTML in whatever renders the export. Times are UTC, so a file reads the same
 * wherever it is opened.
 */

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function toJson(chats: readonly ChatPins[], exportedAt: number): string {
  const data = {
    format: 'cliq-pins-export',
    version: 1,
    exportedAt: iso(exportedAt),
    chats: chats.map((chat) => ({
      chatId: chat.chatId,
      chatName: chat.chatName ?? null,
      pins: chat.pins.map((pin) => ({
        messageId: pin.messageId,
        text: pin.text,
        file: pin.attachment?.name ?? null,
        senderName: pin.senderName ?? null,
        sentAt: iso(pin.sentAt),
        pinnedAt: iso(pin.pinnedAt),
        pinnedBy: pin.pinnedBy ?? null,
        expiresAt: pin.expiry === -1 ? null : iso(pin.expiry),
        primary: pin.isPrimary,
      })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** `2026-03-02 08:55 UTC` */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Backslash-escapes what Markdown would read as markup, and what would start a block at a line's start. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, (_m, space: string, mark: string) =>
      mark.length === 1 ? `${space}\\${mark}` : `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
    );
}

export function toMarkdown(chats: readonly ChatPins[], exportedAt: number): string {
  const count = chats.reduce((sum, chat) => sum + chat.pins.length, 0);
  const lines = [
    `# ${t('popupExportHeading')}`,
    '',
    tn('popupExportSummary', count, utcMinute(exportedAt), tn('popupChatCount', chats.length)),
  ];
  for (const chat of chats) {
    lines.push('', `## ${escapeMarkdown(chat.chatName ?? chat.chatId)}`, '');
    for (const pin of chat.pins) {
      const who = [
        pin.isPrimary ? `**${t('popupPrimary')}**` : '',
        pin.senderName ? `**${escapeMarkdown(pin.senderName)}**` : '',
        pin.sentAt === undefined ? '' : utcMinute(pin.sentAt),
      ].filter(Boolean);
      // A trailing backslash is Markdown's hard line break; indented lines stay inside the list item.
      const body = escapeMarkdown(pinSummary(pin))
        .split(/\r?\n/)
        .map((line, i, all) => (i < all.length - 1 ? `${line}\\` : line));
      lines.push(`- ${[...who, body[0] ?? ''].filter(Boolean).join(' · ')}`);
      for (const line of body.slice(1)) lines.push(`  ${line}`);
      const about = [
        pin.pinnedBy ? t('popupExportPinnedBy', escapeMarkdown(pin.pinnedBy)) : '',
        pin.pinnedAt === undefined ? '' : t('popupExportPinnedAt', utcMinute(pin.pinnedAt)),
        pin.expiry === -1 ? t('popupExportNeverExpires') : t('popupExportExpires', utcMinute(pin.expiry)),
      ].filter(Boolean);
      lines.push(`  - ${about.join(' · ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function exportFileName(kind: 'md' | 'json', exportedAt: number): string {
  return `cliq-pins-${new Date(exportedAt).toISOString().slice(0, 10)}.${kind}`;
}
