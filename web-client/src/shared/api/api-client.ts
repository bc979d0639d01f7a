import createClient from 'openapi-fetch';
import type { SessionStore } from '../auth/session-store';
import { createAuthMiddleware } from './auth-middleware';
import { problemMiddleware } from './problem-middleware';
import type { paths } from './schema';
import { createTokenRefresher } from './token-refresher';

export interface ApiClientOptions {
  baseUrl: string;
  session: SessionStore;
  fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient(options: ApiClientOptions) {
  const fetchRequest = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: fetchRequest });
  const refresh = createTokenRefresher({ session: options.session, baseUrl: options.baseUrl, fetch: fetchRequest });
  // openapi-fetch runs onResponse handlers last-registered first: the retry after a refresh must
  // happen before the problem middleware turns a 401 into an error.
  client.use(problemMiddleware, createAuthMiddleware({ session: options.session, refresh }));
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Resolves a call whose failures already reject (see problem middleware) to its body. */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data, response } = await call;
  if (data === undefined) throw new Error(`Empty response body from ${response.url || 'the API'}`);
  return data;
}
