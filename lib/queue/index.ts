export type { CliqCaller } from '../budget/call';
export { type BudgetLedger, type Clock, createBudgetLedger, type LedgerOptions, type Priority } from '../budget/ledger';
export { type Intent, type IntentInput, type IntentKind, intentSchema, parseIntent } from '../intents/intents';
export type { BackoffOptions } from './outcome';
export { createPinQueue, type EnqueueResult, type PinQueue, type QueueOptions, sleepFor } from './queue';
