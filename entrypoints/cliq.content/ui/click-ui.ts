import { FolderMenu } from './FolderMenu';
import { PinDialog } from './PinDialog';
import { PinRows } from './PinRows';
import { Popover } from './Popover';

/** The in-page UI that opens only on a click: built as its own script, loaded on demand (lazy.ts). */
export const clickUi = { FolderMenu, PinDialog, PinRows, Popover };

export type ClickUi = typeof clickUi;
