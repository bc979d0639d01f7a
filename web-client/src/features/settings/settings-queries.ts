import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { RoutingRuleQuery } from '../../shared/api/api-types';

export const pageSize = 20;

/** The quoted version number the API sends as ETag and expects back in If-Match. */
export const etagOf = (version: number): string => `"${String(version)}"`;

export function useRoutingRulesPage(query: RoutingRuleQuery) {
  return useQuery({
    queryKey: ['routing-rules', query],
    queryFn: () => unwrap(api.GET('/api/v1/routing-rules', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateRoutingRules() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['routing-rules'] }), [queryClient]);
}

export function useRuleSets() {
  return useQuery({
    queryKey: ['rule-sets', 'list'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/settings/rule-sets'))).items,
  });
}

export function useRuleSet(name: string | null) {
  return useQuery({
    queryKey: ['rule-sets', 'detail', name],
    queryFn: () => unwrap(api.GET('/api/v1/settings/rule-sets/{name}', { params: { path: { name: name ?? '' } } })),
    enabled: name !== null,
    staleTime: 0,
  });
}

export function useInvalidateRuleSets() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['rule-sets'] }), [queryClient]);
}

export function useWorkCalendarYears() {
  return useQuery({
    queryKey: ['work-calendar', 'years'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/settings/work-calendar'))).items,
  });
}

/** One year; null when the year is not stored yet (the API answers 404 and a save with If-Match "0" creates it). */
export function useWorkCalendarYear(year: number | null, stored: boolean) {
  return useQuery({
    queryKey: ['work-calendar', 'year', year],
    queryFn: async () =>
      stored ? await unwrap(api.GET('/api/v1/settings/work-calendar/{year}', { params: { path: { year: year ?? 0 } } })) : null,
    enabled: year !== null,
    staleTime: 0,
  });
}

export function useInvalidateWorkCalendar() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['work-calendar'] }), [queryClient]);
}
