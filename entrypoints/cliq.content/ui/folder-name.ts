import { folderGlyph } from '../../../components/folder-symbol';
import type { ShownFolder } from '../../../lib/board/read-models';
import { t } from '../../../lib/i18n';

/** "🔥 Urgent", or My Pins in the user's language. */
export const folderName = (folder: Pick<ShownFolder, 'isMyPins' | 'symbol' | 'title'>) =>
  folder.isMyPins ? t('pageMyPins') : `${folderGlyph(folder.symbol)} ${folder.title ?? ''}`.trim();
