import type { Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Every failed call rejects with an ApiError carrying the RFC 9457 problem, so callers handle one shape. */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    throw await ApiError.fromResponse(response);
  },
  onError({ error }) {
    if (error instanceof ApiError || isAbort(error)) return error instanceof Error ? error : undefined;
    return ApiError.network(error);
  },
};
