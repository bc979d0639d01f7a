import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';

export const pageSize = 20;

/** The scopes an administrator may grant, in the order the API lists them. */
export const apiScopes = ['petitions:read', 'petitions:write', 'cases:read', 'cases:write', 'webhooks:manage'] as const;

/** The quoted version number the API sends as ETag and expects back in If-Match. */
export const etagOf = (version: number): string => `"${String(version)}"`;

export const formatInstant = (value: string, locale: string): string =>
  new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

export function useApiClientsPage(cursor: string | undefined) {
  return useQuery({
    queryKey: ['api-clients', cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/integrations/clients', { params: { query: { cursor, limit: pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateApiClients() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['api-clients'] }), [queryClient]);
}
