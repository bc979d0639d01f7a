import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ReceptionDetail, ReceptionKind, ReceptionListItem } from '../../shared/api/api-types';

/** The API's largest page; a city's month holds a few hundred receptions, so the calendar reads a handful of pages. */
export const calendarPageSize = 100;
/** A bound on pages read for one month, so that a runaway cursor cannot loop; a month never comes near it. */
export const calendarMaxPages = 20;

/** The ETag of a versioned view: the header when the API exposes it, else the version it carries in the body. */
export const etagOf = (response: Response, version: number): string => response.headers.get('ETag') ?? `"${version}"`;

/** The If-Match of a batch: batches have no endpoint of their own, so their version comes in the reception's body. */
export const batchEtag = (version: number): string => `"${version}"`;

export interface CalendarQuery {
  month: string;
  regionId?: string | undefined;
  kind?: ReceptionKind | undefined;
}

export interface CalendarMonth {
  items: ReceptionListItem[];
  /** More pages remained after the bound: the calendar says it shows only part of the month. */
  truncated: boolean;
}

/** A whole month of the calendar, read page by page: a calendar shows every day at once, not a page of it. */
export function useReceptionMonth(query: CalendarQuery) {
  return useQuery({
    queryKey: ['receptions', 'month', query],
    queryFn: async (): Promise<CalendarMonth> => {
      const items: ReceptionListItem[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < calendarMaxPages; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/receptions', { params: { query: { ...query, cursor, limit: calendarPageSize } } }),
        );
        items.push(...result.items);
        if (!result.nextCursor) return { items, truncated: false };
        cursor = result.nextCursor;
      }
      return { items, truncated: true };
    },
    placeholderData: keepPreviousData,
  });
}

export interface VersionedReception {
  reception: ReceptionDetail;
  etag: string;
}

async function fetchReception(id: string): Promise<VersionedReception> {
  const { data, response } = await api.GET('/api/v1/receptions/{id}', { params: { path: { id } } });
  if (!data) throw new Error(`The API returned reception ${id} without a body.`);
  return { reception: data, etag: etagOf(response, data.version) };
}

export const receptionQueryKey = (id: string) => ['receptions', 'detail', id] as const;

/** The reception with the ETag that a following change must send as If-Match. */
export function useReception(id: string) {
  return useQuery({ queryKey: receptionQueryKey(id), queryFn: () => fetchReception(id), staleTime: 0 });
}

export function useInvalidateReceptions() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['receptions'] }), [queryClient]);
}

export function useReceptionFigures(from: string, to: string, regionId: string | undefined) {
  return useQuery({
    queryKey: ['receptions', 'figures', from, to, regionId ?? 'own'],
    queryFn: () => unwrap(api.GET('/api/v1/receptions/figures', { params: { query: { from, to, regionId } } })),
    placeholderData: keepPreviousData,
  });
}

export const petitionOptionsLimit = 10;

/** Petitions of the caller's jurisdiction whose number (or request) contains the search, to link to a batch or an appointment. */
export function usePetitionOptions(search: string) {
  const text = search.trim();
  return useQuery({
    queryKey: ['petitions', 'options', text],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/petitions', { params: { query: { text, limit: petitionOptionsLimit } } }))).items,
    enabled: text.length >= 2,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

/** The published reception days of a month, for the public page (no sign-in). */
export function usePublicReceptionDays(month: string, regionId: string | undefined) {
  return useQuery({
    queryKey: ['public-reception-days', month, regionId ?? 'all'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/public/reception-days', { params: { query: { month, regionId } } }))).items,
    placeholderData: keepPreviousData,
  });
}

export function usePublicRegions() {
  return useQuery({
    queryKey: ['public-regions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/public/regions'))).items,
    staleTime: 30 * 60_000,
  });
}
