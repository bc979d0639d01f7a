import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/api';
import { unwrap } from '../api/api-client';
import { buildRegionTree } from './build-region-tree';

/** The caller's regions; retired villages only for an administrator's view that asks for them, never for pickers. */
export function useRegions(includeRetired = false) {
  return useQuery({
    queryKey: ['regions', { includeRetired }],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/regions', { params: { query: { includeRetired: includeRetired || undefined } } }))).items,
    staleTime: 10 * 60_000,
  });
}

export function useRegionTree(includeRetired = false) {
  const query = useRegions(includeRetired);
  const tree = useMemo(() => (query.data ? buildRegionTree(query.data) : []), [query.data]);
  return { ...query, tree };
}
