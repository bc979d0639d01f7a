import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { JointMeetingSystem, JointMeetingSystemQuery, ResponsibilityLetterQuery } from '../../shared/api/api-types';
import { withETag } from './organization-queries';

export function useJointMeetingSystems(query: JointMeetingSystemQuery) {
  return useQuery({
    queryKey: ['joint-meetings', 'systems', query],
    queryFn: () => unwrap(api.GET('/api/v1/joint-meeting-systems', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useJointMeetings(systemId: string | null, cursor: string | null) {
  return useQuery({
    queryKey: ['joint-meetings', 'meetings', systemId ?? '', cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/joint-meeting-systems/{id}/meetings', {
          params: { path: { id: systemId ?? '' }, query: { cursor: cursor ?? undefined, limit: 10 } },
        }),
      ),
    enabled: systemId !== null,
    placeholderData: keepPreviousData,
  });
}

export interface VersionedJointMeetingSystem {
  system: JointMeetingSystem;
  etag: string;
}

async function fetchVersionedJointMeetingSystem(id: string): Promise<VersionedJointMeetingSystem> {
  const { value, etag } = await withETag(
    api.GET('/api/v1/joint-meeting-systems/{id}', { params: { path: { id } } }),
    `joint-meeting system ${id}`,
  );
  return { system: value, etag };
}

/** The system with the ETag that a following change (edit or retire) must send as If-Match. */
export function useVersionedJointMeetingSystem(id: string | null) {
  return useQuery({
    queryKey: ['joint-meetings', 'detail', id ?? ''],
    queryFn: () => fetchVersionedJointMeetingSystem(id ?? ''),
    enabled: id !== null,
    staleTime: 0,
  });
}

/** The If-Match of a letter: the list carries each letter's version, the same number the API's ETag quotes. */
export const letterEtag = (version: number): string => `"${String(version)}"`;

/** Systems, their meetings and the coverage read afresh after a change. */
export function useInvalidateWorkSystems() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['joint-meetings'] }),
        queryClient.invalidateQueries({ queryKey: ['responsibility-letters'] }),
        queryClient.invalidateQueries({ queryKey: ['organization-coverage'] }),
      ]),
    [queryClient],
  );
}

export function useResponsibilityLetters(query: ResponsibilityLetterQuery) {
  return useQuery({
    queryKey: ['responsibility-letters', query],
    queryFn: () => unwrap(api.GET('/api/v1/responsibility-letters', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Coverage of the city or a district; nothing is asked while no such region is chosen. */
export function useOrganizationCoverage(regionId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['organization-coverage', regionId ?? '', year],
    queryFn: () => unwrap(api.GET('/api/v1/organization-coverage', { params: { query: { regionId, year } } })),
    enabled: regionId !== undefined,
  });
}
