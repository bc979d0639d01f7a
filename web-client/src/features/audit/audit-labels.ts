import type { AuditChainProblem } from '../../shared/api/api-types';
import type { Locale, Translate } from '../../shared/i18n/translate';
import { isMessageKey } from '../../shared/i18n/translate';

/** The actions the filter offers by name; the API records others too, which are shown by their code. */
export const auditActions = [
  'personal_data.revealed',
  'user.created',
  'user.updated',
  'user.roles_granted',
  'user.roles_revoked',
  'user.password_reset',
  'user.disabled',
  'user.enabled',
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.locked_out',
  'sign_in.disabled',
  'sign_in.unknown_user',
  'sign_out',
  'refresh_token.reused',
  'petition.registered',
  'petition.classified',
  'petitions.exported',
  'petition.read_as_case_agent',
  'petition.attachment_read_as_case_agent',
] as const;

export const auditObjectTypes = ['user', 'petitioner', 'petition', 'case', 'routing_rule', 'rule_set', 'work_calendar_year'] as const;

// Record keyed by the API's enum: a problem added to the API fails the type check until it has a message.
const problemKeys: Record<AuditChainProblem, true> = {
  entry_changed: true,
  link_broken: true,
  entry_missing: true,
  head_mismatch: true,
  head_forged: true,
};

export const chainProblems = Object.keys(problemKeys) as AuditChainProblem[];

function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** The action in words, or its code for an action without a label. */
export const actionLabel = (t: Translate, action: string): string => labelOf(t, 'audit.action', action);

export const objectTypeLabel = (t: Translate, objectType: string): string => labelOf(t, 'audit.objectType', objectType);

export const problemLabel = (t: Translate, problem: AuditChainProblem): string => labelOf(t, 'audit.problem', problem);

export const formatInstant = (value: string, locale: Locale): string =>
  new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
