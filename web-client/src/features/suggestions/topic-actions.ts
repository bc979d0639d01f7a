import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { CreateSuggestionTopicRequest, UpdateSuggestionTopicRequest } from '../../shared/api/api-types';

export const createTopic = (body: CreateSuggestionTopicRequest, idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/suggestion-topics', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const updateTopic = (id: string, etag: string, body: UpdateSuggestionTopicRequest) =>
  unwrap(api.PUT('/api/v1/suggestion-topics/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const publishTopic = (id: string, etag: string) =>
  unwrap(api.POST('/api/v1/suggestion-topics/{id}/publication', { params: { path: { id }, header: { 'If-Match': etag } } }));

export const closeTopic = (id: string, etag: string) =>
  unwrap(api.POST('/api/v1/suggestion-topics/{id}/closing', { params: { path: { id }, header: { 'If-Match': etag } } }));

export const concludeTopic = (id: string, etag: string, summary: string) =>
  unwrap(api.POST('/api/v1/suggestion-topics/{id}/conclusion', { params: { path: { id }, header: { 'If-Match': etag } }, body: { summary } }));

/** One key per content: a retry of the same submission reuses it, so the API creates it once; new content gets a new key. */
export function createIdempotencyKeys() {
  let last: { body: string; key: string } | null = null;
  return {
    keyFor(body: unknown): string {
      const serialized = JSON.stringify(body);
      if (last?.body !== serialized) last = { body: serialized, key: crypto.randomUUID() };
      return last.key;
    },
    done() {
      last = null;
    },
  };
}
