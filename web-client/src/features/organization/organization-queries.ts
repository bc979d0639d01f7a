import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { UnitQuery, UserDetails, UserQuery } from '../../shared/api/api-types';

export const pageSize = 20;

export function useUnitsPage(query: UnitQuery) {
  return useQuery({
    queryKey: ['units', query],
    queryFn: () => unwrap(api.GET('/api/v1/units', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useUsersPage(query: UserQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export interface VersionedUser {
  user: UserDetails;
  etag: string;
}

async function fetchVersionedUser(id: string): Promise<VersionedUser> {
  const { data, response } = await api.GET('/api/v1/users/{id}', { params: { path: { id } } });
  const etag = response.headers.get('ETag');
  if (!data || !etag) throw new Error(`The API returned user ${id} without a body or an ETag.`);
  return { user: data, etag };
}

export const userQueryKey = (id: string) => ['users', 'detail', id] as const;

/** The user with the ETag that a following change must send as If-Match. */
export function useVersionedUser(id: string | null) {
  return useQuery({
    queryKey: userQueryKey(id ?? ''),
    queryFn: () => fetchVersionedUser(id ?? ''),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useFreshVersionedUser() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => queryClient.query({ queryKey: userQueryKey(id), queryFn: () => fetchVersionedUser(id), staleTime: 0 }),
    [queryClient],
  );
}

/** The roles the signed-in administrator may grant to a new user of the unit. */
export function useGrantableRoles(unitId: string | undefined) {
  return useQuery({
    queryKey: ['users', 'grantable-roles', unitId ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/users/grantable-roles', { params: { query: { unitId: unitId ?? '' } } })),
    enabled: unitId !== undefined,
  });
}

export function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['users'] }), [queryClient]);
}
