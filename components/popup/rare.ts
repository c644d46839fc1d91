/*
 * What the popup opens only when a person asks for it: restoring a file, exporting, a pin's details, a bulk expiry,
 * the folder editors, and planning an undo. One chunk, imported the first time one is wanted (Lazy.tsx), so the
 * popup's start carries none of it, nor the zod schemas that only a restore file needs.
 */
export { BulkExpiryDialog } from './BulkExpiryDialog';
export { DeleteFolderDialog, FolderDialog, MoveChatsDialog, restoreFolders } from './FolderDialogs';
export { ImportDialog } from './ImportDialog';
export { exportFileName, toJson, toMarkdown } from './model/export';
export { planPinMoveBack, planPinRestore, planRecreatedFollowUp } from './model/undo';
export { PinDetails } from './PinDetails';
