import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { AddDisputeRepresentativeRequest, AssignDisputeRequest, DisputeSide, JudicialRuling, Performance, RecordAgreementRequest, RegisterDisputeRequest } from '../../shared/api/api-types';

const etagOf = (version: number) => `"${version}"`;

export const registerDispute = (body: RegisterDisputeRequest, idempotencyKey: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes', { body, headers: { 'Idempotency-Key': idempotencyKey } }));

export const recordConsent = (id: string, version: number, side: DisputeSide, consents: boolean, guidance: string | null) =>
  unwrap(
    api.POST('/api/v1/mediation/disputes/{id}/consent', {
      params: { path: { id }, header: { 'If-Match': etagOf(version) } },
      body: { side, consents, guidance },
    }),
  );

export const withdrawDispute = (id: string, version: number, reason: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/withdrawal', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { reason } }));

export const assignDispute = (id: string, version: number, body: AssignDisputeRequest) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/assignment', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body }));

export const addRepresentative = (id: string, version: number, body: AddDisputeRepresentativeRequest) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/representatives', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body }));

export const removeRepresentative = (id: string, version: number, representativeId: string) =>
  unwrap(
    api.DELETE('/api/v1/mediation/disputes/{id}/representatives/{representativeId}', {
      params: { path: { id, representativeId }, header: { 'If-Match': etagOf(version) } },
    }),
  );

/** Books a session; without `mediatorIds`, with the dispute's lead and assisting mediators; without `invitedPartyIds`, inviting every party. */
export const scheduleSession = (
  id: string,
  startsAt: string,
  endsAt: string,
  idempotencyKey: string,
  mediatorIds: string[] | null = null,
  invitedPartyIds: string[] | null = null,
) =>
  unwrap(
    api.POST('/api/v1/mediation/disputes/{id}/sessions', {
      params: { path: { id } },
      body: { startsAt, endsAt, mediatorIds, invitedPartyIds },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  );

const sessionPath = (id: string, sessionId: string, version: number) => ({ path: { id, sessionId }, header: { 'If-Match': etagOf(version) } });

export const holdSession = (id: string, sessionId: string, version: number, applicantAttended: boolean, respondentAttended: boolean, record: string) =>
  unwrap(
    api.POST('/api/v1/mediation/disputes/{id}/sessions/{sessionId}/holding', {
      params: sessionPath(id, sessionId, version),
      body: { applicantAttended, respondentAttended, record },
    }),
  );

export const rescheduleSession = (id: string, sessionId: string, version: number, startsAt: string, endsAt: string, reason: string) =>
  unwrap(
    api.POST('/api/v1/mediation/disputes/{id}/sessions/{sessionId}/rescheduling', {
      params: sessionPath(id, sessionId, version),
      body: { startsAt, endsAt, reason },
    }),
  );

export const cancelSession = (id: string, sessionId: string, version: number, reason: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/sessions/{sessionId}/cancellation', { params: sessionPath(id, sessionId, version), body: { reason } }));

export const recordAgreement = (id: string, version: number, body: RecordAgreementRequest) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/agreement', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body }));

export const recordFailure = (id: string, version: number, reason: string, guidance: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/failure', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { reason, guidance } }));

export const applyForConfirmation = (id: string, version: number, appliedOn: string, court: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/judicial-confirmation', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { appliedOn, court } }));

export const recordConfirmationRuling = (id: string, version: number, ruling: JudicialRuling, decidedOn: string, note: string | null) =>
  unwrap(
    api.POST('/api/v1/mediation/disputes/{id}/judicial-confirmation/ruling', {
      params: { path: { id }, header: { 'If-Match': etagOf(version) } },
      body: { ruling, decidedOn, note },
    }),
  );

export const recordFollowUp = (id: string, version: number, visitedOn: string, performance: Performance, note: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/follow-ups', { params: { path: { id }, header: { 'If-Match': etagOf(version) } }, body: { visitedOn, performance, note } }));

const disputeChange = (id: string, version: number) => ({ path: { id }, header: { 'If-Match': etagOf(version) } });

export const pauseClock = (id: string, version: number, reason: string) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/clock/pause', { params: disputeChange(id, version), body: { reason } }));

export const resumeClock = (id: string, version: number) =>
  unwrap(api.POST('/api/v1/mediation/disputes/{id}/clock/resume', { params: disputeChange(id, version), body: { note: null } }));

export const extendClock = (id: string, version: number, days: number, reason: string) =>
  unwrap(
    api.POST('/api/v1/mediation/disputes/{id}/clock/extension', {
      params: disputeChange(id, version),
      body: { days, applicantAgrees: true, respondentAgrees: true, reason },
    }),
  );
