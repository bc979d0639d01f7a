import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type {
  ConvertDiaryToPetitionRequest,
  ConvertDiaryToSuggestionRequest,
  DiaryEntryDetail,
  DiaryEntryKind,
  DiaryEntryState,
  DiaryMatterDetail,
  LogDiaryEntryRequest,
} from '../../shared/api/api-types';
import { fileForm, saveDownload } from '../../shared/files/file-transfer';
import { etagOf } from './topic-queries';

export const diaryPageSize = 20;

export interface DiaryListQuery {
  kind?: DiaryEntryKind | undefined;
  state?: DiaryEntryState | undefined;
  regionId?: string | undefined;
  cursor?: string | null | undefined;
}

/** One page of the diary, latest visit first. */
export function useDiaryEntries({ kind, state, regionId, cursor }: DiaryListQuery) {
  return useQuery({
    queryKey: ['diary', 'entries', kind ?? 'all', state ?? 'all', regionId ?? 'all', cursor ?? 'first'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/diary/entries', {
          params: { query: { kind, state, regionId, cursor: cursor ?? undefined, limit: diaryPageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The entry with the ETag its changes send as If-Match. */
export function useDiaryEntry(id: string) {
  return useQuery({
    queryKey: ['diary', 'entry', id],
    queryFn: async (): Promise<{ entry: DiaryEntryDetail; etag: string }> => {
      const { data, response } = await api.GET('/api/v1/diary/entries/{id}', { params: { path: { id } } });
      if (!data) throw new Error(`The API returned diary entry ${id} without a body.`);
      return { entry: data, etag: etagOf(response, data.entry.version) };
    },
    staleTime: 0,
  });
}

export function useDiaryMatter(id: string) {
  return useQuery({
    queryKey: ['diary', 'matter', id],
    queryFn: async (): Promise<{ matter: DiaryMatterDetail; etag: string }> => {
      const { data, response } = await api.GET('/api/v1/diary/matters/{id}', { params: { path: { id } } });
      if (!data) throw new Error(`The API returned diary matter ${id} without a body.`);
      return { matter: data, etag: etagOf(response, data.matter.version) };
    },
    staleTime: 0,
  });
}

export function useDiaryMatters(regionId: string | undefined, cursor: string | null | undefined) {
  return useQuery({
    queryKey: ['diary', 'matters', regionId ?? 'all', cursor ?? 'first'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/diary/matters', { params: { query: { regionId, cursor: cursor ?? undefined, limit: diaryPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useDiaryMatterProposals(regionId: string | undefined) {
  return useQuery({
    queryKey: ['diary', 'proposals', regionId ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/diary/matter-proposals', { params: { query: { regionId } } })),
  });
}

export function useInvalidateDiary() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['diary'] }), [queryClient]);
}

export const logDiaryEntry = (body: LogDiaryEntryRequest, idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/diary/entries', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const groupDiaryEntries = (title: string, entryIds: string[], idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/diary/matters', { body: { title, entryIds }, headers: { 'Idempotency-Key': idempotencyKey } }));

export const addDiaryPhoto = (id: string, etag: string, file: File) =>
  unwrap(
    api.POST('/api/v1/diary/entries/{id}/photo', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body: { file: file.name },
      bodySerializer: () => fileForm(file),
    }),
  );

export const downloadDiaryPhoto = (id: string, fileName: string) =>
  saveDownload(api.GET('/api/v1/diary/entries/{id}/photo', { params: { path: { id } }, parseAs: 'blob' }), fileName);

/** Where a conversion applies: an entry or a matter, by id, with the ETag read. */
export interface DiarySourceRef {
  of: 'entries' | 'matters';
  id: string;
  etag: string;
}

export const convertToPetition = ({ of, id, etag }: DiarySourceRef, body: ConvertDiaryToPetitionRequest) =>
  of === 'entries'
    ? unwrap(api.POST('/api/v1/diary/entries/{id}/petition', { params: { path: { id }, header: { 'If-Match': etag } }, body }))
    : unwrap(api.POST('/api/v1/diary/matters/{id}/petition', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const convertToSuggestion = ({ of, id, etag }: DiarySourceRef, body: ConvertDiaryToSuggestionRequest) =>
  of === 'entries'
    ? unwrap(api.POST('/api/v1/diary/entries/{id}/suggestion', { params: { path: { id }, header: { 'If-Match': etag } }, body }))
    : unwrap(api.POST('/api/v1/diary/matters/{id}/suggestion', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
