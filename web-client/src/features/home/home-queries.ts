import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';

// Each module counts its own waiting work; the home page asks only the modules whose capability the user holds (a
// disabled query sends nothing). The keys sit under each module's own, so the modules' changes refresh them.

export function useCaseCounts(enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'counts'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/cases/counts'))).tabs,
    enabled,
  });
}

export function usePetitionCounts(enabled: boolean) {
  return useQuery({ queryKey: ['petitions', 'counts'], queryFn: () => unwrap(api.GET('/api/v1/petitions/counts')), enabled });
}

export function useSuggestionCounts(enabled: boolean) {
  return useQuery({ queryKey: ['suggestions', 'counts'], queryFn: () => unwrap(api.GET('/api/v1/suggestions/counts')), enabled });
}

export function useUnitAssignmentCounts(enabled: boolean) {
  return useQuery({
    queryKey: ['suggestions', 'unit-assignment-counts'],
    queryFn: () => unwrap(api.GET('/api/v1/suggestion-assignments/counts')),
    enabled,
  });
}

export function useMediationCounts(enabled: boolean) {
  return useQuery({ queryKey: ['mediation', 'counts'], queryFn: () => unwrap(api.GET('/api/v1/mediation/counts')), enabled });
}
