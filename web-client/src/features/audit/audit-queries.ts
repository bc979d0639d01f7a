import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { AuditEntryQuery } from '../../shared/api/api-types';

export const pageSize = 20;

export function useAuditEntriesPage(query: AuditEntryQuery) {
  return useQuery({
    queryKey: ['audit-entries', query],
    queryFn: () => unwrap(api.GET('/api/v1/audit-entries', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Verification walks the whole chain, so it runs when asked, not with the page. */
export function useAuditVerification() {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/audit/verification')),
  });
}
