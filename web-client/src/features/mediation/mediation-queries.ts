import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { MediationRoomKind } from '../../shared/api/api-types';

export const roomsPageSize = 24;

export interface RoomFilters {
  regionId?: string;
  kind?: MediationRoomKind;
  cursor?: string;
}

/** One page of the rooms and committees of the caller's jurisdiction, by region and name. */
export function useMediationRooms(filters: RoomFilters) {
  return useQuery({
    queryKey: ['mediation', 'rooms', filters],
    queryFn: () => unwrap(api.GET('/api/v1/mediation/rooms', { params: { query: { ...filters, limit: roomsPageSize } } })),
  });
}

/** The dispute types (data, not code): their codes with Chinese and English names. */
export function useDisputeTypes() {
  return useQuery({
    queryKey: ['mediation', 'dispute-types'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/mediation/dispute-types')),
  });
}
