import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { IndicatorGrouping } from '../../shared/api/api-types';

/** The indicators of a region (the caller's own when none) for a period, grouped; of one responsible unit when given. */
export function useIndicators(from: string, to: string, groupBy: IndicatorGrouping, regionId?: string, unitId?: string) {
  return useQuery({
    queryKey: ['metrics', 'indicators', from, to, groupBy, regionId, unitId],
    queryFn: () => unwrap(api.GET('/api/v1/metrics/indicators', { params: { query: { from, to, groupBy, regionId, unitId } } })),
  });
}

/** What each indicator counts, in both languages: the help beside the figures. */
export function useIndicatorDefinitions() {
  return useQuery({
    queryKey: ['metrics', 'definitions'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/metrics/definitions')),
  });
}

/** The five-colour chart of a region (the caller's own when none) for a month (yyyy-MM). */
export function useFiveColourChart(month: string, regionId?: string) {
  return useQuery({
    queryKey: ['metrics', 'five-colour', month, regionId],
    queryFn: () => unwrap(api.GET('/api/v1/metrics/five-colour', { params: { query: { month, regionId } } })),
  });
}

/** The annual statistical report (Art 41) of the caller's region for a year. */
export function useAnnualReport(year: number) {
  return useQuery({
    queryKey: ['metrics', 'annual-report', year],
    queryFn: () => unwrap(api.GET('/api/v1/metrics/annual-report', { params: { query: { year } } })),
  });
}
