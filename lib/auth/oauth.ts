import { z } from 'zod';

/** What the extension's features need: read and change chats (pins, folders) and read messages (pin previews). */
export const SCOPES = [
  'ZohoCliq.Chats.READ',
  'ZohoCliq.Chats.CREATE',
  'ZohoCliq.Chats.UPDATE',
  'ZohoCliq.Chats.DELETE',
  'ZohoCliq.Messages.READ',
] as const;

export function authorizeUrl(opts: {
  accountsServer: string;
  clientId: string;
  redirectUri: string;
  state: string;
  silent: boolean;
}): string {
  const url = new URL('/oauth/v2/auth', opts.accountsServer);
  url.search = new URLSearchParams({
    response_type: 'token',
    client_id: opts.clientId,
    scope: SCOPES.join(','),
    redirect_uri: opts.redirectUri,
    state: opts.state,
    ...(opts.silent ? { prompt: 'none' } : {}),
  }).toString();
  return url.toString();
}

const grantSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  state: z.string(),
  scope: z.string().optional(),
  location: z.string().optional(),
  'accounts-server': z.string().optional(),
});

export interface Grant {
  accessToken: string;
  expiresAt: number;
  scopes: string[];
  location?: string;
  accountsServer?: string;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

/**
 * Read the implicit grant from the redirect's fragment. The `state` must be the one we sent, or the answer
 * belongs to some other sign-in and is refused.
 */
export function parseRedirect(redirectedTo: string, expectedState: string, now: number): Grant {
  const fragment = new URLSearchParams(new URL(redirectedTo).hash.slice(1));
  const error = fragment.get('error') ?? new URL(redirectedTo).searchParams.get('error');
  if (error) throw new SignInError(`Zoho refused the sign-in: ${error}.`);
  const grant = grantSchema.safeParse(Object.fromEntries(fragment));
  if (!grant.success) throw new SignInError('Zoho answered the sign-in without a usable access token.');
  if (grant.data.state !== expectedState) throw new SignInError('The sign-in answer did not match this request.');
  return {
    accessToken: grant.data.access_token,
    expiresAt: now + grant.data.expires_in * 1000,
    scopes: grant.data.scope ? grant.data.scope.split(/[ ,]+/).filter(Boolean) : [...SCOPES],
    location: grant.data.location,
    accountsServer: grant.data['accounts-server'],
  };
}
