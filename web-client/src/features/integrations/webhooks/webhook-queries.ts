import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../shared/api/api';
import { unwrap } from '../../../shared/api/api-client';

export const pageSize = 20;

/** The quoted version number the API sends as ETag and expects back in If-Match. */
export const etagOf = (version: number): string => `"${String(version)}"`;

export const formatInstant = (value: string, locale: string): string =>
  new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });

export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: () => unwrap(api.GET('/api/v1/integrations/webhooks/event-types')),
    staleTime: Infinity,
  });
}

export function useWebhookSubscriptionsPage(cursor: string | undefined) {
  return useQuery({
    queryKey: ['webhooks', cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/integrations/webhooks', { params: { query: { cursor, limit: pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

/** A subscription's latest deliveries; polled while open, since the sender works in the background. */
export function useWebhookDeliveries(subscriptionId: string | null) {
  return useQuery({
    queryKey: ['webhooks', subscriptionId, 'deliveries'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/integrations/webhooks/{id}/deliveries', {
          params: { path: { id: subscriptionId ?? '' }, query: { limit: 50 } },
        }),
      ),
    enabled: subscriptionId !== null,
    refetchInterval: 3000,
  });
}

export function useInvalidateWebhooks() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['webhooks'] }), [queryClient]);
}
