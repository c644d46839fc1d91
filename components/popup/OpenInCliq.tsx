import { t } from '../../lib/i18n';

/**
 * A link to a chat in Cliq's web app. Each is named after its chat ("Open in Cliq: Ops"), so a list of links
 * read out of context still says where each goes; the name starts with the visible words.
 */
export function OpenInCliq({ href, chatName, class: className }: { href: string; chatName: string; class: string }) {
  return (
    <a
      class={className}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('popupOpenChatInCliq', chatName)}
      data-testid="open-in-cliq"
    >
      {t('popupOpenInCliq')}
    </a>
  );
}
