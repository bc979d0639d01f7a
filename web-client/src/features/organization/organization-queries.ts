import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { Unit, UnitQuery, UserDetails, UserQuery } from '../../shared/api/api-types';

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

/** A read whose ETag a following change must send as If-Match (problem answers already reject, see the client). */
export async function withETag<T>(read: Promise<{ data?: T; response: Response }>, what: string): Promise<{ value: T; etag: string }> {
  const { data, response } = await read;
  const etag = response.headers.get('ETag');
  if (data === undefined || !etag) throw new Error(`The API returned ${what} without a body or an ETag.`);
  return { value: data, etag };
}

async function fetchVersionedUser(id: string): Promise<VersionedUser> {
  const { value, etag } = await withETag(api.GET('/api/v1/users/{id}', { params: { path: { id } } }), `user ${id}`);
  return { user: value, etag };
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

export interface VersionedUnit {
  unit: Unit;
  etag: string;
}

async function fetchVersionedUnit(id: string): Promise<VersionedUnit> {
  const { value, etag } = await withETag(api.GET('/api/v1/units/{id}', { params: { path: { id } } }), `unit ${id}`);
  return { unit: value, etag };
}

const unitQueryKey = (id: string) => ['units', 'detail', id] as const;

/** The unit with the ETag that a following change must send as If-Match. */
export function useVersionedUnit(id: string | null) {
  return useQuery({
    queryKey: unitQueryKey(id ?? ''),
    queryFn: () => fetchVersionedUnit(id ?? ''),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useFreshVersionedUnit() {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => queryClient.query({ queryKey: unitQueryKey(id), queryFn: () => fetchVersionedUnit(id), staleTime: 0 }),
    [queryClient],
  );
}

/** Unit lists, pickers included, and the directory-backed pages read units afresh after a change. */
export function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['units'] }), [queryClient]);
}

/** Region trees and pickers read regions afresh after a change; unit lists show region names too. */
export function useInvalidateRegions() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['regions'] }),
        queryClient.invalidateQueries({ queryKey: ['units'] }),
      ]),
    [queryClient],
  );
}
