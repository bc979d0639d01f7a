import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/api';
import { unwrap } from '../api/api-client';
import { buildRegionTree } from './build-region-tree';

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/regions'))).items,
    staleTime: 10 * 60_000,
  });
}

export function useRegionTree() {
  const query = useRegions();
  const tree = useMemo(() => (query.data ? buildRegionTree(query.data) : []), [query.data]);
  return { ...query, tree };
}
