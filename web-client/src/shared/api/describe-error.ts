import type { MessageKey } from '../i18n/zh-cn';
import type { Translate } from '../i18n/translate';
import { isApiError } from './api-error';

const messageByCode: Record<string, MessageKey> = {
  invalid_credentials: 'auth.signIn.invalidCredentials',
  locked_out: 'auth.signIn.lockedOut',
  user_name_taken: 'error.userNameTaken',
  cannot_change_own_roles: 'error.cannotChangeOwnRoles',
  role_not_grantable: 'error.roleNotGrantable',
  routing_rule_exists: 'error.routingRuleExists',
  unit_name_taken: 'error.unitNameTaken',
  unit_has_active_users: 'error.unitHasActiveUsers',
  unit_has_sub_units: 'error.unitHasSubUnits',
  unit_has_sub_units_elsewhere: 'error.unitHasSubUnitsElsewhere',
  unit_retired: 'error.unitRetired',
  unit_kind_conflicts_with_roles: 'error.unitKindConflictsWithRoles',
  region_code_taken: 'error.regionCodeTaken',
  region_name_taken: 'error.regionNameTaken',
  region_has_units: 'error.regionHasUnits',
  region_retired: 'error.regionRetired',
  not_a_village: 'error.notAVillage',
  not_a_town: 'error.notATown',
  joint_meeting_system_exists: 'error.jointMeetingSystemExists',
  joint_meeting_system_retired: 'error.jointMeetingSystemRetired',
  responsibility_letter_exists: 'error.responsibilityLetterExists',
  responsibility_letter_has_file: 'error.responsibilityLetterHasFile',
  responsibility_letter_withdrawn: 'error.responsibilityLetterWithdrawn',
  dispute_has_scheduled_sessions: 'error.disputeHasScheduledSessions',
};

const messageByStatus: Record<number, MessageKey> = {
  401: 'error.unauthorized',
  403: 'error.forbidden',
  404: 'error.notFound',
  412: 'error.stale',
  428: 'error.preconditionRequired',
  429: 'error.tooManyRequests',
};

/** A sentence a person can act on, in the current language where the API gave a known code or status. */
export function describeError(error: unknown, t: Translate): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  if (error.isNetworkError) return t('error.network');
  const byCode = error.code ? messageByCode[error.code] : undefined;
  if (byCode) return t(byCode);
  const byStatus = messageByStatus[error.status];
  if (byStatus) return t(byStatus);
  if (error.status >= 500) return t('error.server');
  const problem = error.problem;
  if (error.status === 400 || error.status === 422) {
    if (problem?.errors) return t('error.badRequest');
    return problem?.detail ?? t('error.badRequest');
  }
  if (error.status === 409) return problem?.detail ?? t('error.conflict');
  return problem?.detail ?? problem?.title ?? t('error.unknown', { status: error.status });
}
