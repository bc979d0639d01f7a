import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { CaseDetail, PublicCaseView, WorklistTab } from '../../shared/api/api-types';

export const casePageSize = 20;

/** The ETag of a versioned view: the header when the API exposes it, else the version it carries in the body. */
export const etagOf = (response: Response, version: number): string => response.headers.get('ETag') ?? `"${version}"`;

export function useCaseCounts() {
  return useQuery({
    queryKey: ['cases', 'counts'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/cases/counts'))).tabs,
  });
}

/** One worklist tab, most urgent first; further pages are appended ("load more"). */
export function useCaseTab(tab: WorklistTab) {
  return useInfiniteQuery({
    queryKey: ['cases', 'list', tab],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/cases', { params: { query: { tab, cursor: pageParam ?? undefined, limit: casePageSize } } })),
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
}

export interface VersionedCase {
  detail: CaseDetail;
  etag: string;
}

async function fetchCase(id: string): Promise<VersionedCase> {
  const { data, response } = await api.GET('/api/v1/cases/{id}', { params: { path: { id } } });
  if (!data) throw new Error(`The API returned case ${id} without a body.`);
  return { detail: data, etag: etagOf(response, data.version) };
}

export const caseQueryKey = (id: string) => ['cases', 'detail', id] as const;

/** The case with the ETag that a following change must send as If-Match. */
export function useCase(id: string) {
  return useQuery({ queryKey: caseQueryKey(id), queryFn: () => fetchCase(id), staleTime: 0 });
}

export function useInvalidateCases() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['cases'] }), [queryClient]);
}

/** Lead units on one page of the board: a city has hundreds. */
export const boardUnitPageSize = 20;

/**
 * The board of a region (the caller's own when none is given) with one page of its lead units; the previous board stays
 * shown while the next loads.
 */
export function useSupervisionBoard(regionId: string | undefined, unitCursor: string | undefined) {
  return useQuery({
    queryKey: ['supervision-board', regionId ?? 'own', unitCursor ?? 'first'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/supervision-board', { params: { query: { regionId, cursor: unitCursor, limit: boardUnitPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export interface TrackingCredentials {
  trackingCode: string;
  secret: string;
}

export interface VersionedPublicCase {
  view: PublicCaseView;
  etag: string;
}

export const publicCaseQueryKey = (credentials: TrackingCredentials) =>
  ['public-case', credentials.trackingCode, credentials.secret] as const;

/** The handling of a tracked petition; null while no case has been opened for it (404). */
export function usePublicCase(credentials: TrackingCredentials) {
  return useQuery({
    queryKey: publicCaseQueryKey(credentials),
    queryFn: async (): Promise<VersionedPublicCase | null> => {
      try {
        const { data, response } = await api.GET('/api/v1/public/petitions/{trackingCode}/case', {
          params: { path: { trackingCode: credentials.trackingCode }, header: { 'X-Tracking-Secret': credentials.secret } },
        });
        if (!data) throw new Error('The API returned the handling without a body.');
        return { view: data, etag: etagOf(response, data.version) };
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export const agentOptionsLimit = 20;

/** Active agents of the caller's jurisdiction whose name matches the search, for picking a case's agent. */
export function useAgentOptions(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ['agents', 'options', q],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/users/agents', { params: { query: { q: q || undefined, limit: agentOptionsLimit } } }))).items,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

/** One unit by id, e.g. the unit a returning handler suggested. */
export function useUnit(id: string | null | undefined) {
  return useQuery({
    queryKey: ['units', 'detail', id ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    retry: false,
    staleTime: 10 * 60_000,
  });
}
