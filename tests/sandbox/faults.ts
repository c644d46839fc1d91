/**
 * Fault injection for `/api/*`, reproducible with a seed. Grammar (comma-separated `key=value`):
 *   5xx=R drop=R fail=R    outcome ratios (their sum ≤ 1): server error, destroyed socket, documented failure code
 *   malformed=R schema=R slow=R   body ratios (sum ≤ 1) applied to successful JSON bodies
 *   latency=MS jitter=MS slowms=MS   delays; `slowms` is how long a slow body trickles
 *   limit=400|429          how an over-limit call is answered
 *   seed=N                 PRNG seed (default 1)
 *   only=METHOD TEMPLATE   outcome and body faults hit only this route (`PUT /v3/chats/{CHAT_ID}/pin-messages`)
 * `none` or an empty string clears every fault.
 */
import { createRandom, type Random } from './random';
import { SLOW_TRICKLE_MS } from './rules';

export interface FaultSpec {
  '5xx'?: number;
  drop?: number;
  fail?: number;
  malformed?: number;
  schema?: number;
  slow?: number;
  latency?: number;
  jitter?: number;
  slowms?: number;
  limit?: 400 | 429;
  seed?: number;
  /** `METHOD /template`: outcome and body faults hit only this route; delays still apply to every call. */
  only?: string;
}

const RATIOS = ['5xx', 'drop', 'fail', 'malformed', 'schema', 'slow'] as const;
const DURATIONS = ['latency', 'jitter', 'slowms'] as const;

export function parseFaults(input: string | FaultSpec | null | undefined): FaultSpec {
  if (input === null || input === undefined) return {};
  const raw: Record<string, unknown> = typeof input === 'string' ? parseSpecString(input) : { ...input };
  const spec: FaultSpec = {};
  for (const [key, value] of Object.entries(raw)) {
    const n = Number(value);
    if ((RATIOS as readonly string[]).includes(key)) {
      if (!(n >= 0 && n <= 1)) throw new Error(`fault ${key} must be a ratio from 0 to 1, got ${value}`);
      spec[key as (typeof RATIOS)[number]] = n;
    } else if ((DURATIONS as readonly string[]).includes(key)) {
      if (!(n >= 0 && Number.isFinite(n))) throw new Error(`fault ${key} must be milliseconds ≥ 0, got ${value}`);
      spec[key as (typeof DURATIONS)[number]] = n;
    } else if (key === 'limit') {
      if (n !== 400 && n !== 429) throw new Error(`fault limit must be 400 or 429, got ${value}`);
      spec.limit = n;
    } else if (key === 'only') {
      if (!/^(GET|POST|PUT|DELETE|PATCH) \/\S+$/.test(String(value))) {
        throw new Error(`fault only must be "METHOD /template", got ${value}`);
      }
      spec.only = String(value);
    } else if (key === 'seed') {
      if (!Number.isInteger(n)) throw new Error(`fault seed must be an integer, got ${value}`);
      spec.seed = n;
    } else {
      throw new Error(
        `unknown fault "${key}" (known: ${[...RATIOS, ...DURATIONS, 'limit', 'seed', 'only'].join(', ')})`,
      );
    }
  }
  if ((spec['5xx'] ?? 0) + (spec.drop ?? 0) + (spec.fail ?? 0) > 1) throw new Error('5xx + drop + fail must be ≤ 1');
  if ((spec.malformed ?? 0) + (spec.schema ?? 0) + (spec.slow ?? 0) > 1) {
    throw new Error('malformed + schema + slow must be ≤ 1');
  }
  return spec;
}

function parseSpecString(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'none') return {};
  const entries = trimmed.split(',').map((pair) => {
    const [key, value, extra] = pair.split('=').map((s) => s.trim());
    if (!key || value === undefined || value === '' || extra !== undefined) {
      throw new Error(`fault spec entries look like key=value, got "${pair}"`);
    }
    return [key, value] as const;
  });
  return Object.fromEntries(entries);
}

export function formatFaults(spec: FaultSpec): string {
  const text = Object.entries(spec)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return text === '' ? 'none' : text;
}

type Outcome = 'ok' | 'drop' | '5xx' | 'fail';
type BodyFault = 'none' | 'malformed' | 'schema' | 'slow';

export interface FaultPlan {
  delayMs: number;
  outcome: Outcome;
  /** For a lost write (drop / 5xx): whether it was applied before the failure. */
  writeApplied: boolean;
  body: BodyFault;
  /** PRNG for the details of the chosen fault (status, corruption variant). */
  detail: Random;
}

export class Faults {
  private spec: FaultSpec = {};
  private random: Random = createRandom(1);

  set(input: string | FaultSpec | null): void {
    this.spec = parseFaults(input);
    this.random = createRandom(this.spec.seed ?? 1);
  }

  get(): FaultSpec {
    return { ...this.spec };
  }

  limitStatus(): 400 | 429 {
    return this.spec.limit ?? 429;
  }

  slowMs(): number {
    return this.spec.slowms ?? SLOW_TRICKLE_MS;
  }

  /** Every call draws the same number of values, so a seed replays the same faults for the same calls. */
  plan(writeAppliedRatio: number, route?: string): FaultPlan {
    const s = this.spec;
    const jitter = this.random.next();
    const outcomeRoll = this.random.next();
    const appliedRoll = this.random.next();
    const bodyRoll = this.random.next();
    const detailSeed = this.random.next();
    const drop = s.drop ?? 0;
    const serverError = drop + (s['5xx'] ?? 0);
    const fail = serverError + (s.fail ?? 0);
    const outcome: Outcome =
      outcomeRoll < drop ? 'drop' : outcomeRoll < serverError ? '5xx' : outcomeRoll < fail ? 'fail' : 'ok';
    const malformed = s.malformed ?? 0;
    const schema = malformed + (s.schema ?? 0);
    const slow = schema + (s.slow ?? 0);
    const body: BodyFault =
      bodyRoll < malformed ? 'malformed' : bodyRoll < schema ? 'schema' : bodyRoll < slow ? 'slow' : 'none';
    const hit = s.only === undefined || s.only === route;
    return {
      delayMs: (s.latency ?? 0) + Math.floor(jitter * (s.jitter ?? 0)),
      outcome: hit ? outcome : 'ok',
      writeApplied: appliedRoll < writeAppliedRatio,
      body: hit ? body : 'none',
      detail: createRandom(Math.floor(detailSeed * 2 ** 32)),
    };
  }
}
