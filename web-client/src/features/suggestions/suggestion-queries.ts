import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type {
  AnswerSuggestionRequest,
  AssignSuggestionRequest,
  AnswerUnitAssignmentRequest,
  AwardSuggestionRequest,
  BulkAssignSuggestionsRequest,
  ImplementSuggestionRequest,
  RatePublicSuggestionRequest,
  RegisterSuggestionRequest,
  ScreenSuggestionRequest,
  SubmitPublicSuggestionRequest,
  SuggestionChannel,
  SuggestionDetail,
  SuggestionStatus,
  UnitAssignmentDetail,
} from '../../shared/api/api-types';
import { etagOf } from './topic-queries';

export const suggestionPageSize = 20;

export interface SuggestionListQuery {
  status?: SuggestionStatus | undefined;
  channel?: SuggestionChannel | undefined;
  regionId?: string | undefined;
  topicId?: string | undefined;
  cursor?: string | null | undefined;
  limit?: number | undefined;
}

/** One page of the worklist, newest first. */
export function useSuggestions({ status, channel, regionId, topicId, cursor, limit }: SuggestionListQuery, enabled = true) {
  return useQuery({
    queryKey: ['suggestions', 'list', status ?? 'all', channel ?? 'all', regionId ?? 'all', topicId ?? 'all', cursor ?? 'first', limit ?? suggestionPageSize],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/suggestions', {
          params: { query: { status, channel, regionId, topicId, cursor: cursor ?? undefined, limit: limit ?? suggestionPageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface VersionedSuggestion {
  suggestion: SuggestionDetail;
  etag: string;
}

/** The suggestion with the ETag that screening it must send as If-Match. */
export function useSuggestion(id: string) {
  return useQuery({
    queryKey: ['suggestions', 'detail', id],
    queryFn: async (): Promise<VersionedSuggestion> => {
      const { data, response } = await api.GET('/api/v1/suggestions/{id}', { params: { path: { id } } });
      if (!data) throw new Error(`The API returned suggestion ${id} without a body.`);
      return { suggestion: data, etag: etagOf(response, data.version) };
    },
    staleTime: 0,
  });
}

export function useInvalidateSuggestions() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['suggestions'] }), [queryClient]);
}

export const screenSuggestion = (id: string, etag: string, body: ScreenSuggestionRequest) =>
  unwrap(api.POST('/api/v1/suggestions/{id}/screening', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const assignSuggestion = (id: string, etag: string, body: AssignSuggestionRequest) =>
  unwrap(api.POST('/api/v1/suggestions/{id}/assignment', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

/** Assigns the suggestions picked on the worklist, each at the version it showed; all or none. */
export const bulkAssignSuggestions = (body: BulkAssignSuggestionsRequest) => unwrap(api.POST('/api/v1/suggestions/bulk-assignment', { body }));

/** One page of the suggestions assigned to the caller's unit, the earliest due first; `answered` undefined for all. */
export function useUnitAssignments(answered: boolean | undefined, cursor: string | null | undefined) {
  return useQuery({
    queryKey: ['suggestions', 'unit-assignments', answered ?? 'all', cursor ?? 'first'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/suggestion-assignments', { params: { query: { answered, cursor: cursor ?? undefined, limit: suggestionPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export interface VersionedUnitAssignment {
  assignment: UnitAssignmentDetail;
  etag: string;
}

/** A suggestion assigned to the caller's unit, with the ETag its answer sends as If-Match. */
export function useUnitAssignment(suggestionId: string) {
  return useQuery({
    queryKey: ['suggestions', 'unit-assignment', suggestionId],
    queryFn: async (): Promise<VersionedUnitAssignment> => {
      const { data, response } = await api.GET('/api/v1/suggestion-assignments/{suggestionId}', { params: { path: { suggestionId } } });
      if (!data) throw new Error(`The API returned the assignment of suggestion ${suggestionId} without a body.`);
      return { assignment: data, etag: etagOf(response, data.version) };
    },
    staleTime: 0,
  });
}

export const answerUnitAssignment = (suggestionId: string, etag: string, body: AnswerUnitAssignmentRequest) =>
  unwrap(api.POST('/api/v1/suggestion-assignments/{suggestionId}/answer', { params: { path: { suggestionId }, header: { 'If-Match': etag } }, body }));

export const registerSuggestion = (body: RegisterSuggestionRequest, idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/suggestions', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const answerSuggestion = (id: string, etag: string, body: AnswerSuggestionRequest) =>
  unwrap(api.POST('/api/v1/suggestions/{id}/answers', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const implementSuggestion = (id: string, etag: string, body: ImplementSuggestionRequest) =>
  unwrap(api.POST('/api/v1/suggestions/{id}/implementation', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const awardSuggestion = (id: string, etag: string, body: AwardSuggestionRequest) =>
  unwrap(api.POST('/api/v1/suggestions/{id}/award', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const revealSubmitter = (id: string) => unwrap(api.POST('/api/v1/suggestions/{id}/submitter/reveal', { params: { path: { id } } }));

export const submitPublicSuggestion = (body: SubmitPublicSuggestionRequest) => unwrap(api.POST('/api/v1/public/suggestions', { body }));

export interface SuggestionCredentials {
  trackingCode: string;
  secret: string;
}

/** Where the submitter's suggestion stands; a wrong code or secret answers 404 alike. */
export function useTrackedSuggestion(credentials: SuggestionCredentials | null) {
  return useQuery({
    queryKey: ['public-suggestion', credentials?.trackingCode ?? '', credentials?.secret ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/public/suggestions/{trackingCode}', {
          params: { path: { trackingCode: credentials?.trackingCode ?? '' }, header: { 'X-Tracking-Secret': credentials?.secret ?? '' } },
        }),
      ),
    enabled: credentials !== null,
    retry: false,
  });
}

export const ratePublicSuggestion = (credentials: SuggestionCredentials, body: RatePublicSuggestionRequest) =>
  unwrap(
    api.POST('/api/v1/public/suggestions/{trackingCode}/rating', {
      params: { path: { trackingCode: credentials.trackingCode }, header: { 'X-Tracking-Secret': credentials.secret } },
      body,
    }),
  );

/** One page of the adopted suggestions, or of the awarded ones, newest first. */
export function usePublicAdoptedSuggestions(awarded: boolean, cursor: string | null | undefined) {
  return useQuery({
    queryKey: ['public-adopted-suggestions', awarded, cursor ?? 'first'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/adopted-suggestions', { params: { query: { awarded, cursor: cursor ?? undefined, limit: suggestionPageSize } } })),
    placeholderData: keepPreviousData,
  });
}
