import { describe, expect, it } from 'vitest';
import { CliqError, describeOperation, httpFailure, unreachable } from '../../../lib/cliq/errors';
import * as z from '../../../lib/cliq/zod';
import { locales, readLocale } from '../../../scripts/locale-rules';
import { useMessages } from '../messages';

/*
 * How the client reads a failed answer, as the pure function it is; the same answers from the sandbox's real
 * routes (an unknown or expired token, a missing scope, the 21st call, a dropped connection) are in
 * tests/integration/cliq/failures.contract.ts.
 */
const failureFor = (status: number, body?: unknown) => httpFailure('listFolders', status, body);

describe('classifying Cliq answers', () => {
  it('401 is auth: sign in again', () => {
    const error = failureFor(401, { message: 'Request was rejected because of invalid AuthToken.' });
    expect(error).toMatchObject({ kind: 'auth', status: 401, operation: 'listFolders' });
    expect(error.message).toMatch(/Sign in to Cliq again/);
  });

  it('403 is forbidden', () => {
    expect(failureFor(403, { message: 'no' })).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  it('429 is rateLimited', () => {
    const error = failureFor(429, { message: 'Too many requests within a certain time frame.' });
    expect(error).toMatchObject({ kind: 'rateLimited', status: 429 });
    expect(error.message).toMatch(/limiting requests/);
  });

  it('400 request_limit_exceeded is rateLimited too', () => {
    expect(failureFor(400, { code: 'request_limit_exceeded' })).toMatchObject({
      kind: 'rateLimited',
      status: 400,
      code: 'request_limit_exceeded',
    });
  });

  it('400 client_not_synced is a conflict: re-read and re-apply', () => {
    const error = failureFor(400, { code: 'client_not_synced' });
    expect(error).toMatchObject({ kind: 'conflict', status: 400, code: 'client_not_synced' });
    expect(error.message).toMatch(/changed in Cliq after it was loaded/);
  });

  it('another documented 400 is invalid, with the server code and message', () => {
    const error = failureFor(400, {
      message: 'Uh-Oh! You are not authorized to do this operation.',
      code: 'operation_not_allowed',
    });
    expect(error).toMatchObject({ kind: 'invalid', status: 400, code: 'operation_not_allowed' });
    expect(error.message).toBe(
      'Cliq would not read your folders: Uh-Oh! You are not authorized to do this operation (operation_not_allowed). Nothing was changed.',
    );
  });

  it('reads the nested error form of v3 search', () => {
    const body = { error: { code: 'invalid.inputs.submitted', message: 'An invalid value was passed.' } };
    expect(httpFailure('searchChats', 400, body)).toMatchObject({ kind: 'invalid', code: 'invalid.inputs.submitted' });
  });

  it.each([404, 405, 406])('%i is invalid', (status) => {
    expect(failureFor(status, { message: 'x' })).toMatchObject({ kind: 'invalid', status });
  });

  // An HTML error page is no JSON: the client hands no body on.
  it.each([500, 502, 503])('%i is transient, even without a JSON body', (status) => {
    expect(failureFor(status)).toMatchObject({ kind: 'transient', status });
  });

  it('a network failure is transient', () => {
    const error = unreachable('listFolders', { detail: 'fetch failed' });
    expect(error).toMatchObject({ kind: 'transient' });
    expect(error.message).toMatch(/Could not reach Cliq to read your folders \(fetch failed\)/);
  });
});

describe('CliqError as stored data', () => {
  // Sync results carry a failure as JSON across the messaging boundary; nothing reads one back into a class.
  it('keeps its kind, status, code, field and message through JSON and structured cloning', () => {
    const error = failureFor(400, { code: 'operation_failed', message: 'Incorrect values submitted.' });
    const stored = structuredClone(JSON.parse(JSON.stringify(error)));
    expect(stored).toEqual(JSON.parse(JSON.stringify(error.toJSON())));
    expect(stored).toMatchObject({ name: 'CliqError', kind: 'invalid', status: 400, code: 'operation_failed' });
    expect(stored.message).toBe(error.message);
    const malformed = new CliqError({
      kind: 'malformed',
      operation: 'listFolders',
      message: 'm',
      field: 'data[0].title',
    });
    expect(JSON.parse(JSON.stringify(malformed))).toMatchObject({ kind: 'malformed', field: 'data[0].title' });
  });
});

describe('describeOperation', () => {
  it("names the product's operations in the user's words, and the rest of the catalogue by their names", () => {
    expect(describeOperation('unpinMessages')).toBe('unpin the messages');
    expect(describeOperation('reorderChatInFolder')).toBe('move the chat within its folder');
    expect(describeOperation('listChatsV2')).toBe('list chats v2');
  });
});

describe('in the UI language', () => {
  // A half-done expiry change quotes the failure without it (lib/queue/outcome.ts), since something did change.
  it("ends every refusal that changed nothing with the locale's own 'Nothing was changed.'", () => {
    const english = readLocale('en');
    const keys = Object.keys(english).filter(
      (key) => key.startsWith('cliqErr') && english[key]?.message.endsWith(english.cliqNothingChanged?.message ?? '?'),
    );
    expect(keys.length).toBeGreaterThan(4);
    for (const locale of locales()) {
      const messages = readLocale(locale);
      const unchanged = messages.cliqNothingChanged?.message ?? '?';
      for (const key of keys) expect(messages[key]?.message.endsWith(unchanged), `${locale} ${key}`).toBe(true);
    }
  });

  it('says what failed and what to do in the locale the browser picked, the operation included', () => {
    useMessages('de', 'de-DE');
    expect(failureFor(401).message).toBe(
      'Cliq hat die Anmeldung nicht akzeptiert, daher ist „Ordner lesen“ fehlgeschlagen. Melde dich in der Erweiterung erneut bei Cliq an. Es wurde nichts geändert.',
    );
    useMessages('ar', 'ar');
    expect(unreachable('unpinMessages', { timeoutMs: 20_000 }).message).toBe(
      'لم يُجب Cliq خلال 20 s أثناء محاولة إلغاء تثبيت الرسائل. ربما حدث التغيير وربما لا؛ تحقّق قبل المحاولة مرة أخرى.',
    );
  });

  it("words zod's own refusals (no guard of ours) as what the value should be, the caller saying where", () => {
    const schema = z.object({
      title: z.string().check(z.maxLength(3)),
      ids: z.array(z.string()),
      state: z.enum(['a', 'b']),
    });
    const messages = () =>
      schema.safeParse({ title: 'long', ids: {}, state: 'c' }).error?.issues.map((issue) => issue.message);
    expect(messages()).toEqual(['should have at most 3 characters', 'should be a list', 'should be one of "a", "b"']);
    expect(schema.safeParse({ ids: [], state: 'a' }).error?.issues[0]?.message).toBe('is missing');
    useMessages('de', 'de-DE');
    expect(messages()).toEqual([
      'sollte höchstens 3 Zeichen haben',
      'sollte eine Liste sein',
      'sollte einer dieser Werte sein: "a", "b"',
    ]);
  });
});
