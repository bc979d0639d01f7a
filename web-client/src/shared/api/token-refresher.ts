import createClient from 'openapi-fetch';
import type { SessionStore, SessionTokens } from '../auth/session-store';
import { tokensFromResponse } from '../auth/session-store';
import type { paths } from './schema';

export type RefreshTokens = () => Promise<SessionTokens | null>;

/**
 * Exchanges the refresh token for new tokens. Concurrent callers share one request, because the
 * refresh token rotates and a second use of the old one would be refused.
 */
export function createTokenRefresher(options: {
  session: SessionStore;
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
}): RefreshTokens {
  const { session } = options;
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  let inFlight: Promise<SessionTokens | null> | null = null;

  const run = async (): Promise<SessionTokens | null> => {
    const current = session.getTokens();
    if (!current) return null;
    let result;
    try {
      result = await client.POST('/api/v1/auth/refresh', { body: { refreshToken: current.refreshToken } });
    } catch {
      return null;
    }
    if (!result.data) {
      session.clear('expired');
      return null;
    }
    const tokens = tokensFromResponse(result.data);
    session.set(tokens);
    return tokens;
  };

  return () => {
    inFlight ??= run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
