export { type Intent, type IntentInput, type IntentKind, intentSchema, parseIntent } from './intents';
export { type BudgetLedger, type Clock, createBudgetLedger, type LedgerOptions, type Priority } from './ledger';
export type { BackoffOptions } from './outcome';
export { createPinQueue, type EnqueueResult, type PinQueue, type QueueOptions, sleepFor } from './queue';
export type { CliqCaller } from './send';
