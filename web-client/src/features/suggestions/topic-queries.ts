import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { SuggestionTopicDetail, SuggestionTopicStatus } from '../../shared/api/api-types';

export const topicPageSize = 20;

/** The ETag of a versioned view: the header when the API exposes it, else the version it carries in the body. */
export const etagOf = (response: Response, version: number): string => response.headers.get('ETag') ?? `"${version}"`;

export interface TopicListQuery {
  regionId?: string | undefined;
  status?: SuggestionTopicStatus | undefined;
  cursor?: string | null | undefined;
}

/** One page of the jurisdiction's topics, newest first. */
export function useTopics({ regionId, status, cursor }: TopicListQuery) {
  return useQuery({
    queryKey: ['suggestion-topics', 'list', regionId ?? 'all', status ?? 'all', cursor ?? 'first'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/suggestion-topics', { params: { query: { regionId, status, cursor: cursor ?? undefined, limit: topicPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export interface VersionedTopic {
  topic: SuggestionTopicDetail;
  etag: string;
}

async function fetchTopic(id: string): Promise<VersionedTopic> {
  const { data, response } = await api.GET('/api/v1/suggestion-topics/{id}', { params: { path: { id } } });
  if (!data) throw new Error(`The API returned topic ${id} without a body.`);
  return { topic: data, etag: etagOf(response, data.version) };
}

/** The topic with the ETag that a following change must send as If-Match. */
export function useTopic(id: string | undefined) {
  return useQuery({
    queryKey: ['suggestion-topics', 'detail', id],
    queryFn: () => fetchTopic(id ?? ''),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

export function useInvalidateTopics() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['suggestion-topics'] }), [queryClient]);
}

/** A page of the public topics, newest opening first; no sign-in. */
export function usePublicTopics(regionId: string | undefined, cursor: string | null) {
  return useQuery({
    queryKey: ['public-suggestion-topics', regionId ?? 'all', cursor ?? 'first'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/suggestion-topics', { params: { query: { regionId, cursor: cursor ?? undefined, limit: topicPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicTopic(id: string) {
  return useQuery({
    queryKey: ['public-suggestion-topic', id],
    queryFn: () => unwrap(api.GET('/api/v1/public/suggestion-topics/{id}', { params: { path: { id } } })),
  });
}

export function usePublicRegions() {
  return useQuery({
    queryKey: ['public-regions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/public/regions'))).items,
    staleTime: 30 * 60_000,
  });
}
