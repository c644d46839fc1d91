import { t } from '../../lib/i18n';
import { usePopup } from './context';
import { openRare } from './Lazy';

/** Picks a JSON export and opens its preview (or its refusal); reading the file changes nothing. */
export function ImportButton() {
  const popup = usePopup();
  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      popup.notify(t('importReadFailed', (error as Error).message), 'error');
      return;
    }
    openRare(popup, t('importTitle'), (rare, close) => <rare.ImportDialog text={text} onClose={close} />);
  };
  return (
    <label class="import-button" data-testid="import">
      {t('popupImport')}
      <input
        type="file"
        accept="application/json,.json"
        class="visually-hidden"
        data-testid="import-file"
        onChange={(event) => void pick(event.currentTarget)}
      />
    </label>
  );
}
