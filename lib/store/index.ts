export { chatsByActivity, type FolderList, getFolderList, getPinList, upsertChats } from './cache';
export { DB_VERSION, DEFAULT_DB_NAME, openPinsDb, type PinsDb } from './db';
export { type QueueProgress, readProgress } from './journal';
export type { ChatRecord, FolderRecord, IntentFailure, IntentRecord, IntentState, PinRecord } from './records';
export { readSettings, type Settings, type SettingsInput, settingsSchema, updateSettings } from './settings';
