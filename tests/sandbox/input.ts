/**
 * Reading request input the way Cliq documents it: times as ISO 8601 or epoch ms, flags that count as
 * true when present without a value, comma-separated id lists. Invalid input throws the route's code.
 */
import { badRequest } from './errors';

/** ISO 8601 string, epoch-ms number or numeric string; `undefined` when it is neither. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^-?\d+$/.test(value.trim())) return Number(value.trim());
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(value.trim())) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `?primary` and `?primary=true` are true; absent or `false` is false. */
export function queryFlag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value !== null && value.toLowerCase() !== 'false';
}

export function csv(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export type Body = Record<string, unknown>;

/** The JSON body as an object; an absent body reads as `{}`. */
export function bodyObject(body: unknown, code: string): Body {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(code, 'The request body must be a JSON object.');
  }
  return body as Body;
}

export function optionalString(body: Body, key: string, code: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(code, `${key} must be a string.`);
  return value;
}

export function optionalStringArray(body: Body, key: string, code: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(code, `${key} must be an array of strings.`);
  }
  return value as string[];
}

export function optionalBoolean(body: Body, key: string, code: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(code, `${key} must be true or false.`);
  return value;
}

/** A positive integer query parameter within [1, max], or the default when absent. */
export function limitParam(query: URLSearchParams, max: number, fallback: number, code: string): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw badRequest(code, `limit must be an integer from 1 to ${max}.`);
  return n;
}
