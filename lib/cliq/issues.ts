import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/** `['data', 3, 'expiry_time']` → `data[3].expiry_time`, the way a person would point at it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(the whole response)' : out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  bigint: 'a number',
};

function valueName(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** What the value should have been, when the issue says so simply. */
function expectation(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type') return TYPE_NAMES[issue.expected] ?? issue.expected;
  if (issue.code === 'invalid_value') return issue.values.map(valueName).join(' or ');
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

/** A short predicate for the field, e.g. "is missing" or "should be a string or -1". */
export function describeProblem(issue: Issue, root: unknown): string {
  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) return 'is missing';
  if (issue.code === 'invalid_union') {
    // Only alternatives that failed on the value itself say what it should be.
    const wanted = issue.errors
      .map((branch) => (branch[0]?.path.length === 0 ? expectation(branch[0]) : undefined))
      .filter((w) => w !== undefined);
    if (wanted.length === issue.errors.length && wanted.length > 0) return `should be ${wanted.join(' or ')}`;
  }
  const single = expectation(issue);
  if (single !== undefined) {
    return issue.code === 'invalid_value' && issue.values.length > 1
      ? `should be one of ${issue.values.map(valueName).join(', ')}`
      : `should be ${single}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return `should have at least ${issue.minimum} items`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `should have at most ${issue.maximum} items`;
  return `is not valid (${issue.message})`;
}

/** Zod's own wording starts like this; the table's guards word their messages for people instead. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Expected)/;

/** One sentence for a rejected parameter, preferring the guard's own words. */
export function describeParamIssue(issue: Issue, params: unknown): { field: string; problem: string } {
  const field = issue.path.length > 0 ? formatPath(issue.path) : 'parameters';
  const problem = ZOD_DEFAULT_MESSAGE.test(issue.message)
    ? `${field} ${describeProblem(issue, params)}`
    : issue.message;
  return { field, problem };
}
