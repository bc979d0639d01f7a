import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { unwrap } from '../api/api-client';

/** Units of the caller's jurisdiction for a picker: pages are appended as the list is scrolled. */
export function useUnitOptions(regionId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['units', 'options', regionId ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/units', {
          params: { query: { regionId, cursor: pageParam ?? undefined, limit: 100 } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
}
