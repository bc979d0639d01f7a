import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { unwrap } from '../api/api-client';

export const currentUserQueryKey = ['me'] as const;

export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  });
}
