import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type {
  CorrectReceptionBatchRequest,
  RecordReceptionBatchRequest,
  ScheduleReceptionRequest,
  UpdateReceptionRequest,
} from '../../shared/api/api-types';
import { isCaseNotOpen } from './reception-problem';
import { batchEtag } from './reception-queries';

/** One key per content: a retry of the same submission reuses it, so the API creates it once; new content gets a new key. */
export function createIdempotencyKeys() {
  let last: { body: string; key: string } | null = null;
  return {
    keyFor(body: unknown): string {
      const serialized = JSON.stringify(body);
      if (last?.body !== serialized) last = { body: serialized, key: crypto.randomUUID() };
      return last.key;
    },
    /** After a success the same content is a new submission (e.g. a second identical batch). */
    done() {
      last = null;
    },
  };
}

export const scheduleReception = (body: ScheduleReceptionRequest, idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/receptions', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const updateReception = (id: string, etag: string, body: UpdateReceptionRequest) =>
  unwrap(api.PUT('/api/v1/receptions/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));

export const holdReception = (id: string, etag: string) =>
  unwrap(api.POST('/api/v1/receptions/{id}/holding', { params: { path: { id }, header: { 'If-Match': etag } } }));

export const cancelReception = (id: string, etag: string, reason: string) =>
  unwrap(api.POST('/api/v1/receptions/{id}/cancellation', { params: { path: { id }, header: { 'If-Match': etag } }, body: { reason } }));

export const recordBatch = (receptionId: string, body: RecordReceptionBatchRequest, idempotencyKey: string) =>
  unwrap(
    api.POST('/api/v1/receptions/{id}/batches', {
      params: { path: { id: receptionId } },
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );

export const correctBatch = (receptionId: string, batchId: string, version: number, body: CorrectReceptionBatchRequest) =>
  unwrap(
    api.POST('/api/v1/receptions/{id}/batches/{batchId}/correction', {
      params: { path: { id: receptionId, batchId }, header: { 'If-Match': batchEtag(version) } },
      body,
    }),
  );

export const revealPetitioner = (receptionId: string, batchId: string, petitionerId: string) =>
  unwrap(
    api.POST('/api/v1/receptions/{id}/batches/{batchId}/petitioners/{petitionerId}/reveal', {
      params: { path: { id: receptionId, batchId, petitionerId } },
    }),
  );

export interface RetryOptions {
  attempts: number;
  delayMs: number;
  /** Told before each wait, with the attempt that failed (1-based). */
  onWait?: (attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Dispatch opens the case of an assigned batch's petition from an event, about a second after the batch: until then taking
 * charge answers 409 case_not_open. Tries again a few times; any other failure, or the last one, is thrown.
 */
export async function retryWhileCaseNotOpen<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isCaseNotOpen(error) || attempt >= options.attempts) throw error;
      options.onWait?.(attempt);
      await sleep(options.delayMs);
    }
  }
}

export const takeChargeOfBatchCase = (receptionId: string, batchId: string, version: number, note: string) =>
  unwrap(
    api.POST('/api/v1/receptions/{id}/batches/{batchId}/charge', {
      params: { path: { id: receptionId, batchId }, header: { 'If-Match': batchEtag(version) } },
      body: { note },
    }),
  );
