import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { DisputeSource, DisputeStatus } from '../../shared/api/api-types';

export const disputesPageSize = 20;

export interface DisputeFilters {
  status?: DisputeStatus;
  source?: DisputeSource;
  disputeType?: string;
  regionId?: string;
  roomId?: string;
  awaitingPerformance?: boolean;
  confirmationDueSoon?: boolean;
  cursor?: string;
}

/** One page of the dispute worklist of the caller's jurisdiction, latest first. */
export function useDisputes(filters: DisputeFilters) {
  return useQuery({
    queryKey: ['mediation', 'disputes', filters],
    queryFn: () => unwrap(api.GET('/api/v1/mediation/disputes', { params: { query: { ...filters, limit: disputesPageSize } } })),
  });
}

export function useDispute(id: string | undefined) {
  return useQuery({
    queryKey: ['mediation', 'dispute', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/mediation/disputes/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useInvalidateDisputes() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['mediation'] }), [queryClient]);
}
