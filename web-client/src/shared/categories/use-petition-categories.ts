import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { unwrap } from '../api/api-client';

/** The petition subject categories; intake, dispatch and the settings all read this one cached list. */
export function usePetitionCategories() {
  return useQuery({
    queryKey: ['petition-categories'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/petition-categories'))).items,
    staleTime: 30 * 60_000,
  });
}
