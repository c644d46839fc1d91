import * as z from './zod';

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

const cliqErrorJson = z.object({
  name: z.literal('CliqError'),
  kind: z.enum(CLIQ_ERROR_KINDS),
  operation: z.string(),
  message: z.string(),
  status: z.optional(z.int()),
  code: z.optional(z.string()),
  field: z.optional(z.string()),
});

/** The stored form of a failure (the queue keeps these in IndexedDB). */
export type CliqErrorJSON = z.output<typeof cliqErrorJson>;

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

  /** Throws a TypeError when the value is not a stored CliqError. */
  static fromJSON(value: unknown): CliqError {
    const parsed = cliqErrorJson.safeParse(value);
    if (!parsed.success) throw new TypeError('not a stored CliqError');
    return new CliqError(parsed.data);
  }
}

/** `unpinMessages` → "unpin messages": operation names are already in the user's words. */
export function describeOperation(operation: string): string {
  return operation
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

const UNCHANGED = 'Nothing was changed.';

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
  const base = { operation, status, code };
  if (status === 401) {
    return new CliqError({
      ...base,
      kind: 'auth',
      message: `Cliq did not accept the sign-in, so it could not ${what}. Sign in to Cliq again from the extension. ${UNCHANGED}`,
    });
  }
  if (status === 403) {
    return new CliqError({
      ...base,
      kind: 'forbidden',
      message: `Cliq refused to ${what}: your account, or the access granted to the extension, does not allow it. ${UNCHANGED}`,
    });
  }
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    return new CliqError({
      ...base,
      kind: 'rateLimited',
      message: `Cliq is limiting requests and did not ${what}. It blocks further requests for a few minutes; the extension will try again after that. ${UNCHANGED}`,
    });
  }
  if (code === 'client_not_synced') return staleView(operation, status);
  if (status >= 500) {
    return new CliqError({
      ...base,
      kind: 'transient',
      message: `Cliq had a problem (HTTP ${status}) while trying to ${what}. Try again in a moment.`,
    });
  }
  if (status >= 400) {
    const said = serverMessage?.replace(/[\s.]+$/, '');
    const reason = [said, code && `(${code})`].filter(Boolean).join(' ') || `HTTP ${status}`;
    return new CliqError({
      ...base,
      kind: 'invalid',
      message: `Cliq would not ${what}: ${reason}. ${UNCHANGED}`,
    });
  }
  return new CliqError({
    ...base,
    kind: 'malformed',
    message: `Cliq answered with an unexpected HTTP status ${status} while trying to ${what}. Reload to check the result.`,
  });
}

/** The list the change was based on is older than what Cliq (or the client) has since seen. */
export function staleView(operation: string, status?: number): CliqError {
  return new CliqError({
    kind: 'conflict',
    operation,
    status,
    code: status === undefined ? undefined : 'client_not_synced',
    message: `Could not ${describeOperation(operation)}: the list changed in Cliq after it was loaded. Reload it and try again. ${UNCHANGED}`,
  });
}

export function notSignedIn(operation: string): CliqError {
  return new CliqError({
    kind: 'auth',
    operation,
    message: `You are not signed in to Cliq, so the extension could not ${describeOperation(operation)}. Sign in from the extension and try again.`,
  });
}

export function invalidParams(operation: string, field: string, problem: string): CliqError {
  return new CliqError({
    kind: 'invalid',
    operation,
    field,
    message: `Can't ${describeOperation(operation)}: ${problem}. Nothing was sent to Cliq.`,
  });
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export function unreachable(operation: string, reason: { timeoutMs: number } | { detail: string }): CliqError {
  const what = describeOperation(operation);
  const message =
    'timeoutMs' in reason
      ? `Cliq did not answer within ${duration(reason.timeoutMs)} while trying to ${what}. A change may or may not have been made; check before trying again.`
      : `Could not reach Cliq to ${what} (${reason.detail}). Check the connection and try again.`;
  return new CliqError({ kind: 'transient', operation, message });
}

/** `field` is where the answer went wrong; a write that got this far was probably applied. */
export function malformedAnswer(
  operation: string,
  write: boolean,
  field: string | undefined,
  problem: string,
): CliqError {
  const where = field === undefined ? problem : `${field} ${problem}`;
  const outcome = write ? 'The change was probably made; reload to check.' : UNCHANGED;
  return new CliqError({
    kind: 'malformed',
    operation,
    field,
    message: `Cliq answered with data we don't understand: ${where}. ${outcome}`,
  });
}
