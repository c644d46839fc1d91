import { type MessageKey, t } from '../i18n';

const CLIQ_ERROR_KINDS = ['auth', 'forbidden', 'rateLimited', 'conflict', 'invalid', 'transient', 'malformed'] as const;

/**
 * - auth: no token, or Cliq rejected it (401): sign in again.
 * - forbidden: 403, the account or the granted scopes do not allow it.
 * - rateLimited: 429 or 400 `request_limit_exceeded`; Cliq now locks the budget for minutes.
 * - conflict: the list changed since the caller's view (`client_not_synced`, or refused locally): re-read, re-apply.
 * - invalid: the request itself is wrong (a guard, or another 4xx); retrying the same request cannot help.
 * - transient: 5xx, network failure, time-out, dropped connection; a write may or may not have landed.
 * - malformed: the answer is not JSON or not the documented shape; `field` names the first bad field.
 */
export type CliqErrorKind = (typeof CLIQ_ERROR_KINDS)[number];

export interface CliqErrorInit {
  kind: CliqErrorKind;
  operation: string;
  message: string;
  status?: number;
  code?: string;
  field?: string;
}

/** The stored form of a failure (sync results carry it; the queue keeps the kind, status and message). */
export type CliqErrorJSON = CliqErrorInit & { name: 'CliqError' };

export class CliqError extends Error {
  override readonly name = 'CliqError';
  readonly kind: CliqErrorKind;
  readonly operation: string;
  readonly status?: number;
  readonly code?: string;
  readonly field?: string;

  constructor(init: CliqErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.operation = init.operation;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.field !== undefined) this.field = init.field;
  }

  toJSON(): CliqErrorJSON {
    const { name, kind, operation, message, status, code, field } = this;
    return { name, kind, operation, message, status, code, field };
  }
}

/**
 * `unpinMessages` → "unpin the messages", in the UI's language; an operation the product does not call (the
 * catalogue the contract tests check) reads as its name split into words.
 */
export function describeOperation(operation: string): string {
  const key = `cliqOp${operation[0]?.toUpperCase()}${operation.slice(1)}` as MessageKey;
  return (
    t(key) ||
    operation
      .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
  );
}

/** Cliq's error bodies: `{message, code}`, or `{error: {code, message}}` on v3 search. */
function readErrorBody(body: unknown): { code?: string; message?: string } {
  if (body === null || typeof body !== 'object') return {};
  const outer = body as Record<string, unknown>;
  const inner = outer.error !== null && typeof outer.error === 'object' ? (outer.error as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { code: text(outer.code) ?? text(inner.code), message: text(outer.message) ?? text(inner.message) };
}

const RATE_LIMIT_CODES = new Set(['request_limit_exceeded', 'rate_limit_exceeded']);

/** A non-2xx answer, from its status and (possibly absent) JSON body. */
export function httpFailure(operation: string, status: number, body: unknown): CliqError {
  const { code, message: serverMessage } = readErrorBody(body);
  const what = describeOperation(operation);
  const failure = (kind: CliqErrorKind, message: string) => new CliqError({ kind, operation, status, code, message });
  if (status === 401) return failure('auth', t('cliqErrAuth', what));
  if (status === 403) return failure('forbidden', t('cliqErrForbidden', what));
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    return failure('rateLimited', t('cliqErrRateLimited', what));
  }
  if (code === 'client_not_synced') return staleView(operation, status);
  if (status >= 500) return failure('transient', t('cliqErrServer', what, String(status)));
  if (status >= 400) {
    // Cliq's own words, as it sent them: there is nothing to translate them from.
    const said = serverMessage?.replace(/[\s.]+$/, '');
    const reason = [said, code && `(${code})`].filter(Boolean).join(' ') || `HTTP ${status}`;
    return failure('invalid', t('cliqErrRefused', what, reason));
  }
  return failure('malformed', t('cliqErrStatus', what, String(status)));
}

/** The list the change was based on is older than what Cliq (or the client) has since seen. */
export function staleView(operation: string, status?: number): CliqError {
  return new CliqError({
    kind: 'conflict',
    operation,
    status,
    code: status === undefined ? undefined : 'client_not_synced',
    message: t('cliqErrStale', describeOperation(operation)),
  });
}

export function notSignedIn(operation: string): CliqError {
  return new CliqError({ kind: 'auth', operation, message: t('cliqErrNotSignedIn', describeOperation(operation)) });
}

export function invalidParams(operation: string, field: string, problem: string): CliqError {
  return new CliqError({
    kind: 'invalid',
    operation,
    field,
    message: t('cliqErrInvalidParams', describeOperation(operation), problem),
  });
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export function unreachable(operation: string, reason: { timeoutMs: number } | { detail: string }): CliqError {
  const what = describeOperation(operation);
  const message =
    'timeoutMs' in reason
      ? t('cliqErrTimeout', what, duration(reason.timeoutMs))
      : t('cliqErrUnreachable', what, reason.detail);
  return new CliqError({ kind: 'transient', operation, message });
}

/** `problem` names the field where the answer went wrong; a write that got this far was probably applied. */
export function malformedAnswer(
  operation: string,
  write: boolean,
  field: string | undefined,
  problem: string,
): CliqError {
  return new CliqError({
    kind: 'malformed',
    operation,
    field,
    message: t(write ? 'cliqErrMalformedWrite' : 'cliqErrMalformedRead', problem),
  });
}
