/**
 * Broken response bodies for the `malformed` and `schema` faults: what a client must survive when a proxy
 * truncates a body or the server ships a changed shape.
 */
import type { Random } from './random';

/** Not JSON any more: truncated, or with trailing garbage. */
export function malformedJson(text: string, random: Random): string {
  if (random.chance(0.5) && text.length > 1) return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  return `${text}}{"`;
}

const IDENTIFIERS = new Set(['id', 'chat_id', 'category_id', 'message_id', 'user_id']);
const COLLECTIONS = ['data', 'chats', 'members'];

/** Valid JSON that breaks the documented schema: a wrong-typed collection, missing ids, or retyped fields. */
export function schemaViolation(value: unknown, random: Random): unknown {
  const copy = structuredClone(value);
  const variant = random.int(0, 2);
  if (variant === 0 && isRecord(copy)) {
    const key = COLLECTIONS.find((k) => k in copy);
    if (key) {
      copy[key] = Array.isArray(copy[key]) ? { items: copy[key] } : 'unavailable';
      return copy;
    }
  }
  if (variant <= 1) return walk(copy, (record) => deleteIdentifiers(record));
  return walk(copy, (record) => retype(record));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, visit: (record: Record<string, unknown>) => void): unknown {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (isRecord(value)) {
    visit(value);
    for (const child of Object.values(value)) walk(child, visit);
  }
  return value;
}

function deleteIdentifiers(record: Record<string, unknown>): void {
  for (const key of Object.keys(record)) if (IDENTIFIERS.has(key)) delete record[key];
}

/** Numeric-looking ids become lossy numbers, booleans become strings, numbers become strings. */
function retype(record: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(record)) {
    if (typeof v === 'boolean') record[key] = String(v);
    else if (typeof v === 'number') record[key] = String(v);
    else if (typeof v === 'string' && IDENTIFIERS.has(key)) record[key] = Number(v.replace(/\D/g, '')) || 0;
  }
}
