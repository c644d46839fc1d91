export { PIN_PAGE_SIZE, type ReadResult, readFolderList, readPinList } from './lists';
export { type SweepResult, sweepPins, sweepTimeLeftMs } from './sweep';
export { createPinSync, type PinSync, type RefreshResult, type SyncOptions } from './sync';
