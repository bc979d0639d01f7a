import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { PetitionDetail, PetitionQuery } from '../../shared/api/api-types';

export const pageSize = 20;

export function usePetitionsPage(query: PetitionQuery, enabled = true) {
  return useQuery({
    queryKey: ['petitions', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/petitions', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface VersionedPetition {
  petition: PetitionDetail;
  etag: string;
}

async function fetchPetition(id: string): Promise<VersionedPetition> {
  const { data, response } = await api.GET('/api/v1/petitions/{id}', { params: { path: { id } } });
  const etag = response.headers.get('ETag');
  if (!data || !etag) throw new Error(`The API returned petition ${id} without a body or an ETag.`);
  return { petition: data, etag };
}

export const petitionQueryKey = (id: string) => ['petitions', 'detail', id] as const;

/** The petition with the ETag that a following change must send as If-Match. */
export function usePetition(id: string) {
  return useQuery({ queryKey: petitionQueryKey(id), queryFn: () => fetchPetition(id), staleTime: 0 });
}

export function useInvalidatePetitions() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['petitions'] }), [queryClient]);
}
