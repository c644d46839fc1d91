export { PIN_PAGE_SIZE, type ReadResult, readFolderList, readPinList } from '../lists/read';
export { type SweepResult, sweepPins } from './sweep';
export { createPinSync, type PinSync, type RefreshResult, type SyncOptions } from './sync';
