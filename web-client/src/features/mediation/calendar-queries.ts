import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';

/** The calendar of a room, or of one of its mediators, for the week from a Monday. */
export function useSessionCalendar(roomId: string | undefined, mediatorId: string | undefined, from: string) {
  return useQuery({
    queryKey: ['mediation', 'calendar', roomId, mediatorId ?? null, from],
    enabled: Boolean(roomId),
    queryFn: () =>
      mediatorId
        ? unwrap(
            api.GET('/api/v1/mediation/rooms/{id}/mediators/{mediatorId}/sessions', {
              params: { path: { id: roomId ?? '', mediatorId }, query: { from, days: 7 } },
            }),
          )
        : unwrap(api.GET('/api/v1/mediation/rooms/{id}/sessions', { params: { path: { id: roomId ?? '' }, query: { from, days: 7 } } })),
  });
}

/** The rooms a calendar can show: the first hundred of the caller's jurisdiction, by region and name. */
export function useCalendarRooms() {
  return useQuery({
    queryKey: ['mediation', 'rooms', 'calendar-picker'],
    queryFn: () => unwrap(api.GET('/api/v1/mediation/rooms', { params: { query: { limit: 100 } } })),
  });
}

export function useMediationRoom(roomId: string | undefined) {
  return useQuery({
    queryKey: ['mediation', 'room', roomId],
    enabled: Boolean(roomId),
    queryFn: () => unwrap(api.GET('/api/v1/mediation/rooms/{id}', { params: { path: { id: roomId ?? '' } } })),
  });
}

/** The accepted disputes of a room, which sessions can be booked for. */
export function useBookableDisputes(roomId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['mediation', 'disputes', 'bookable', roomId],
    enabled: Boolean(roomId) && enabled,
    queryFn: () => unwrap(api.GET('/api/v1/mediation/disputes', { params: { query: { roomId, status: 'accepted', limit: 100 } } })),
  });
}
