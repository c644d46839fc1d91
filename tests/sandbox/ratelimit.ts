/**
 * Per-user, per-budget rate limiting on the sandbox clock (rules.ts has the table). A call over the limit
 * in the rolling window is refused and locks the budget; calls during the lock are refused and not counted.
 */
import type { SandboxClock } from './clock';
import type { RateRule } from './rules';

interface Budget {
  /** Times of the calls counted in the current rolling window. */
  calls: number[];
  lockedUntil: number;
}

export type RateDecision = { allowed: true } | { allowed: false; lockedUntil: number };

export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly minuteMs: number,
  ) {}

  take(userId: string, budgetKey: string, rule: RateRule): RateDecision {
    const now = this.clock.now();
    const key = `${userId} ${budgetKey}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = { calls: [], lockedUntil: 0 };
      this.budgets.set(key, budget);
    }
    if (now < budget.lockedUntil) return { allowed: false, lockedUntil: budget.lockedUntil };
    budget.calls = budget.calls.filter((t) => now - t < this.minuteMs);
    if (budget.calls.length >= rule.limit) {
      budget.calls = [];
      budget.lockedUntil = now + rule.lockMinutes * this.minuteMs;
      return { allowed: false, lockedUntil: budget.lockedUntil };
    }
    budget.calls.push(now);
    return { allowed: true };
  }

  reset(): void {
    this.budgets.clear();
  }
}
