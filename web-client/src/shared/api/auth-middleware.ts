import type { Middleware } from 'openapi-fetch';
import type { SessionStore } from '../auth/session-store';
import type { RefreshTokens } from './token-refresher';

const anonymousPaths = ['/api/v1/auth/token', '/api/v1/auth/refresh'];

function isAnonymous(url: string): boolean {
  const path = new URL(url).pathname;
  return anonymousPaths.some((anonymous) => path.endsWith(anonymous));
}

function authorize(request: Request, accessToken: string): Request {
  request.headers.set('Authorization', `Bearer ${accessToken}`);
  return request;
}

/**
 * Attaches the bearer token. On a 401 it gets new tokens once (or reuses tokens another request
 * already renewed) and repeats the request once; when that is impossible the session ends.
 */
export function createAuthMiddleware(options: { session: SessionStore; refresh: RefreshTokens }): Middleware {
  const { session, refresh } = options;
  const sent = new Map<string, { retry: Request; accessToken: string }>();

  return {
    onRequest({ request, id }) {
      if (isAnonymous(request.url)) return undefined;
      const tokens = session.getTokens();
      if (!tokens) return undefined;
      const authorized = authorize(request, tokens.accessToken);
      sent.set(id, { retry: authorized.clone(), accessToken: tokens.accessToken });
      return authorized;
    },

    async onResponse({ response, id, options: fetchOptions }) {
      const attempt = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !attempt) return undefined;

      const current = session.getTokens();
      const renewed =
        current && current.accessToken !== attempt.accessToken ? current : await refresh();
      if (!renewed) {
        session.clear('expired');
        return undefined;
      }
      const retried = await fetchOptions.fetch(authorize(attempt.retry, renewed.accessToken));
      if (retried.status === 401) session.clear('expired');
      return retried;
    },

    onError({ id }) {
      sent.delete(id);
      return undefined;
    },
  };
}
