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

/** The figures the dashboard draws from its trend and mixes: the bars and lines of the trend, the pies, the gauges. */
export const dashboardIndicators = ['registered', 'resolution_rate', 'satisfaction_rate'];

/** The leaders' dashboard of a region (the caller's own when none) for a month (yyyy-MM): the five-colour chart, the trend and the mixes in one read. */
export function useMetricsDashboard(month: string, regionId?: string) {
  return useQuery({
    queryKey: ['metrics', 'dashboard', month, regionId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/metrics/dashboard', { params: { query: { month, regionId, indicators: dashboardIndicators } } })),
  });
}

/** The annual statistical report (Art 41) of the caller's region for a year. */
export function useAnnualReport(year: number) {
  return useQuery({
    queryKey: ['metrics', 'annual-report', year],
    queryFn: () => unwrap(api.GET('/api/v1/metrics/annual-report', { params: { query: { year } } })),
  });
}
