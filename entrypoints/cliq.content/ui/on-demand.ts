import { checkPage, pageStructureReport } from '../../../lib/page/check';
import { BarPanel } from './BarPanel';
import { FolderPopover } from './FolderMenu';
import { mount } from './mount';
import { PinDialogPopover } from './PinDialog';

/**
 * What the content script needs only on request: the UI that opens on a click, and the options page's page check.
 * Built as a script of its own and loaded the first time one of them is wanted (lazy.ts); it brings its own Preact,
 * which the content script does without.
 */
export const onDemandParts = { mount, BarPanel, FolderPopover, PinDialogPopover, checkPage, pageStructureReport };

export type OnDemand = typeof onDemandParts;
