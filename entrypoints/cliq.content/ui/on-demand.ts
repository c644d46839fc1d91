import { checkPage, pageStructureReport } from '../../../lib/page/check';
import { FolderMenu } from './FolderMenu';
import { PinDialog } from './PinDialog';
import { PinRows } from './PinRows';
import { Popover } from './Popover';

/**
 * What the content script needs only on request: the UI that opens on a click, and the options page's page check.
 * Built as a script of its own and loaded the first time one of them is wanted (lazy.ts).
 */
export const onDemandParts = { FolderMenu, PinDialog, PinRows, Popover, checkPage, pageStructureReport };

export type OnDemand = typeof onDemandParts;
