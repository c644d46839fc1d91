/**
 * Errors the sandbox answers with. Route handlers and model operations throw `ApiError`; the API pipeline
 * turns it into Cliq's wire shape, `{"message": "...", "code": "..."}` (or the nested shape that
 * `GET /v3/chats/search` documents).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly nested = false,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    if (this.nested) return { error: { code: this.code, message: this.message } };
    return this.code === undefined ? { message: this.message } : { message: this.message, code: this.code };
  }
}

/** Status sentences in our own words; clients must not depend on message text, only on status and code. */
export const STATUS_MESSAGES = {
  400: 'The request is malformed or a required parameter is missing.',
  401: 'The OAuth token is missing, unknown or expired.',
  403: 'The OAuth token lacks the scope this operation needs.',
  404: 'Nothing exists at this URL.',
  405: 'This URL does not support the HTTP method used.',
  429: 'Too many requests in the current window; this operation is locked for a while.',
  500: 'The sandbox simulated a server failure.',
  503: 'The sandbox simulated a temporarily unavailable service.',
} as const;

/** A documented 400 answer with its error code. */
export function badRequest(code: string, message: string = STATUS_MESSAGES[400]): ApiError {
  return new ApiError(400, code, message);
}

export function notFound(what: string): ApiError {
  return new ApiError(404, undefined, `${STATUS_MESSAGES[404]} (${what})`);
}
