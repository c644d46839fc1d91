/**
 * Bearer tokens the API accepts. The sandbox's own token carries every scope and never expires;
 * `issueToken` and OAuth mint tokens with exactly the requested scopes and a lifetime on the sandbox clock.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxClock } from './clock';

export interface AccessToken {
  value: string;
  /** 'all' for the sandbox's own token. */
  scopes: readonly string[] | 'all';
  /** Epoch ms on the sandbox clock; undefined = never. */
  expiresAt?: number;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, AccessToken>();

  constructor(private readonly clock: SandboxClock) {}

  addAllScopes(value: string): void {
    this.tokens.set(value, { value, scopes: 'all' });
  }

  issue(scopes: readonly string[], expiresInMs?: number): AccessToken {
    const value = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
    const token: AccessToken = {
      value,
      scopes: [...scopes],
      expiresAt: expiresInMs === undefined ? undefined : this.clock.now() + expiresInMs,
    };
    this.tokens.set(value, token);
    return token;
  }

  /** The valid, unexpired token named by an `Authorization` header, if any. */
  fromHeader(header: string | undefined): AccessToken | undefined {
    const match = /^(?:Bearer|Zoho-oauthtoken)\s+(\S+)\s*$/i.exec(header ?? '');
    const token = match?.[1] ? this.tokens.get(match[1]) : undefined;
    if (!token) return undefined;
    if (token.expiresAt !== undefined && this.clock.now() >= token.expiresAt) return undefined;
    return token;
  }
}

/**
 * Scope names compare case-insensitively, and `Service.Group.ALL` covers every operation of the group
 * (Zoho's convention).
 */
export function grants(token: AccessToken, scope: string): boolean {
  if (token.scopes === 'all') return true;
  const wanted = scope.toLowerCase();
  const group = wanted.slice(0, wanted.lastIndexOf('.'));
  return token.scopes.some((s) => {
    const have = s.toLowerCase();
    return have === wanted || have === `${group}.all`;
  });
}
