import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';

/** The version as the background reports it: what support asks first, and proof the worker answers. */
export function BackgroundHealth() {
  const [answer, setAnswer] = useState<{ version: string } | { error: string }>();
  useEffect(() => {
    sendMessage('ping', {}).then(setAnswer, (e: Error) => setAnswer({ error: e.message }));
  }, []);
  if (!answer) return null;
  return (
    <footer class="muted" data-testid="background-health" data-ok={String('version' in answer)}>
      {'version' in answer ? t('optionsVersion', answer.version) : t('optionsBackgroundDown', answer.error)}
    </footer>
  );
}
