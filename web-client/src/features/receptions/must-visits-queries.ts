import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';

/** The towns of a district proposed for must-visits in a month (yyyy-MM), with reasons, figures and planned visits. */
export function useMustVisitProposals(month: string, districtId: string | undefined) {
  return useQuery({
    queryKey: ['must-visits', 'proposals', month, districtId],
    enabled: Boolean(districtId),
    queryFn: () => unwrap(api.GET('/api/v1/receptions/must-visits', { params: { query: { month, districtId: districtId ?? '' } } })),
  });
}

/** The first page of the policy register of a region's subtree, latest effective first. */
export function useMustVisitPolicies(regionId: string | undefined) {
  return useQuery({
    queryKey: ['must-visits', 'policies', regionId],
    enabled: Boolean(regionId),
    queryFn: () => unwrap(api.GET('/api/v1/receptions/policies', { params: { query: { regionId, limit: 100 } } })),
  });
}

/** The first page of the incident register of a region's subtree, latest first. */
export function useMustVisitIncidents(regionId: string | undefined) {
  return useQuery({
    queryKey: ['must-visits', 'incidents', regionId],
    enabled: Boolean(regionId),
    queryFn: () => unwrap(api.GET('/api/v1/receptions/incidents', { params: { query: { regionId, limit: 100 } } })),
  });
}

export function useInvalidateMustVisits() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['must-visits'] }), [queryClient]);
}
