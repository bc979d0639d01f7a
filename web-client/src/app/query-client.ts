import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/api-error';

/** Retries only what may pass on a second try: network failures and server errors. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.isNetworkError || error.status >= 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
