import type * as z from 'zod/mini';
import { formatCount, formatLocale, type MessageKey, t } from '../i18n';

type Issue = z.core.$ZodIssue;

/** `['data', 3, 'expiry_time']` → `data[3].expiry_time`, the way a person would point at it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? t('cliqIssueWholeResponse') : out;
}

const TYPE_NAMES: Record<string, MessageKey> = {
  string: 'cliqTypeString',
  number: 'cliqTypeNumber',
  int: 'cliqTypeInt',
  boolean: 'cliqTypeBoolean',
  array: 'cliqTypeArray',
  object: 'cliqTypeObject',
  record: 'cliqTypeObject',
  bigint: 'cliqTypeNumber',
};

function valueName(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** "a, b or c" (or the UI language's way of offering alternatives). */
const alternatives = (items: string[]) => new Intl.ListFormat(formatLocale(), { type: 'disjunction' }).format(items);

/** What the value should have been, when the issue says so simply. */
function expectation(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type') {
    const name = TYPE_NAMES[issue.expected];
    return name ? t(name) : issue.expected;
  }
  if (issue.code === 'invalid_value') return alternatives(issue.values.map(valueName));
  return undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** One phrase naming the field and its problem, e.g. "data[3].id is missing" or "state should be a string or -1". */
export function describeProblem(issue: Issue, root: unknown, field = formatPath(issue.path)): string {
  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) return t('cliqIssueMissing', field);
  if (issue.code === 'invalid_union') {
    // Only alternatives that failed on the value itself say what it should be.
    const wanted = issue.errors
      .map((branch) => (branch[0]?.path.length === 0 ? expectation(branch[0]) : undefined))
      .filter((w) => w !== undefined);
    if (wanted.length === issue.errors.length && wanted.length > 0) {
      return t('cliqIssueShouldBe', field, alternatives(wanted));
    }
  }
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    return t('cliqIssueOneOf', field, issue.values.map(valueName).join(', '));
  }
  const single = expectation(issue);
  if (single !== undefined) return t('cliqIssueShouldBe', field, single);
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return t('cliqIssueMinItems', field, formatCount(Number(issue.minimum)));
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return t('cliqIssueMaxItems', field, formatCount(Number(issue.maximum)));
  }
  return t('cliqIssueInvalid', field);
}

/**
 * A refused value's first issue in one line, "messageIds: at least 1 message id is required"; `path` from it,
 * written as every other error writes a path ("intents[0].chatId").
 */
export function firstIssueLine(error: z.core.$ZodError, path = error.issues[0]?.path ?? []): string {
  const message = error.issues[0]?.message ?? t('zodInvalid');
  return path.length > 0 ? `${formatPath(path)}: ${message}` : message;
}

/** A count bound zod reports, by what it bounds: a string's characters, a list's items, or a number itself. */
const BOUND_KEYS = {
  string: ['zodMinChars', 'zodMaxChars'],
  array: ['zodMinItems', 'zodMaxItems'],
  set: ['zodMinItems', 'zodMaxItems'],
} as const satisfies Record<string, [MessageKey, MessageKey]>;

/**
 * zod's message where no guard of ours worded one (installed by `./zod`): what the value should be, in the UI's
 * language, without naming it ("is missing", "should be a list"), since the caller says where it is.
 */
export function zodMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return t('zodMissing');
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    return t('zodOneOf', issue.values.map(valueName).join(', '));
  }
  const wanted = expectation(issue as Issue);
  if (wanted !== undefined) return t('zodShouldBe', wanted);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const [min, max] = BOUND_KEYS[issue.origin as keyof typeof BOUND_KEYS] ?? ['zodMin', 'zodMax'];
    return issue.code === 'too_small'
      ? t(min, formatCount(Number(issue.minimum)))
      : t(max, formatCount(Number(issue.maximum)));
  }
  return t('zodInvalid');
}

/** One sentence for a rejected parameter, preferring the guard's own words (zod's are only a predicate). */
export function describeParamIssue(issue: Issue, params: unknown): { field: string; problem: string } {
  const field = issue.path.length > 0 ? formatPath(issue.path) : t('cliqIssueParameters');
  const own = issue.message !== zodMessage({ ...issue, input: valueAt(params, issue.path) } as z.core.$ZodRawIssue);
  return { field, problem: own ? issue.message : describeProblem(issue, params, field) };
}
