import { type MessageKey, t } from '../../lib/i18n';

/** What each permission Cliq Pins asks for lets it do, in plain words; Zoho's own names stay available beside. */
const WORDS: Record<string, MessageKey> = {
  'ZohoCliq.Chats.READ': 'scopeChatsRead',
  'ZohoCliq.Chats.CREATE': 'scopeChatsCreate',
  'ZohoCliq.Chats.UPDATE': 'scopeChatsUpdate',
  'ZohoCliq.Chats.DELETE': 'scopeChatsDelete',
  email: 'scopeEmail',
};

/** A scope Zoho granted that has no wording here is shown by its own name rather than left out. */
export function scopeInWords(scope: string): string {
  const key = WORDS[scope];
  return key ? t(key) : scope;
}
