import type { ConsentState, DisputeSide, DisputeSource, DisputeStatus, PartyKind, Performance, RepresentativeRole } from '../../shared/api/api-types';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';

// Keyed by the API's enums: a value added to the API fails the type check until it has words here.
const statusKeys: Record<DisputeStatus, MessageKey> = {
  registered: 'disputeStatus.registered',
  accepted: 'disputeStatus.accepted',
  not_mediated: 'disputeStatus.not_mediated',
  withdrawn: 'disputeStatus.withdrawn',
  agreed: 'disputeStatus.agreed',
  failed: 'disputeStatus.failed',
};
const sourceKeys: Record<DisputeSource, MessageKey> = {
  walk_in: 'disputeSource.walk_in',
  referred_petition: 'disputeSource.referred_petition',
  court_pre_litigation: 'disputeSource.court_pre_litigation',
  police: 'disputeSource.police',
  grid_report: 'disputeSource.grid_report',
  online_application: 'disputeSource.online_application',
};
const sideKeys: Record<DisputeSide, MessageKey> = { applicant: 'disputeSide.applicant', respondent: 'disputeSide.respondent' };
const partyKindKeys: Record<PartyKind, MessageKey> = { person: 'partyKind.person', organisation: 'partyKind.organisation' };
const representativeRoleKeys: Record<RepresentativeRole, MessageKey> = {
  close_relative: 'representativeRole.close_relative',
  lawyer: 'representativeRole.lawyer',
  legal_service_worker: 'representativeRole.legal_service_worker',
  employee: 'representativeRole.employee',
  elected_representative: 'representativeRole.elected_representative',
  other: 'representativeRole.other',
};
const consentKeys: Record<ConsentState, MessageKey> = { pending: 'consent.pending', given: 'consent.given', refused: 'consent.refused' };

const performanceKeys: Record<Performance, MessageKey> = {
  performed: 'performance.performed',
  partly_performed: 'performance.partly_performed',
  not_performed: 'performance.not_performed',
};

export const disputeStatuses = Object.keys(statusKeys) as DisputeStatus[];
export const disputeSources = Object.keys(sourceKeys) as DisputeSource[];
/** The sources a mediator registers by hand: a referred petition and an online application open their disputes themselves. */
export const registrableSources = disputeSources.filter((source) => source !== 'referred_petition' && source !== 'online_application');
export const disputeSides = Object.keys(sideKeys) as DisputeSide[];
export const partyKinds = Object.keys(partyKindKeys) as PartyKind[];
export const representativeRoles = Object.keys(representativeRoleKeys) as RepresentativeRole[];

export const disputeStatusLabel = (t: Translate, status: DisputeStatus): string => t(statusKeys[status]);
export const disputeSourceLabel = (t: Translate, source: DisputeSource): string => t(sourceKeys[source]);
export const disputeSideLabel = (t: Translate, side: DisputeSide): string => t(sideKeys[side]);
export const partyKindLabel = (t: Translate, kind: PartyKind): string => t(partyKindKeys[kind]);
export const representativeRoleLabel = (t: Translate, role: RepresentativeRole): string => t(representativeRoleKeys[role]);
export const performances = Object.keys(performanceKeys) as Performance[];
export const performanceLabel = (t: Translate, performance: Performance): string => t(performanceKeys[performance]);
export const performanceColors: Record<Performance, string> = { performed: 'green', partly_performed: 'orange', not_performed: 'red' };
export const consentLabel = (t: Translate, consent: ConsentState): string => t(consentKeys[consent]);

export const disputeStatusColors: Record<DisputeStatus, string> = {
  registered: '#1f5fbf',
  accepted: '#237804',
  not_mediated: '#595959',
  withdrawn: '#8c5b00',
  agreed: '#135200',
  failed: '#a8071a',
};
