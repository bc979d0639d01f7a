import type { FormInstance } from 'antd';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import type { FieldPath } from '../../shared/api/field-errors';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import type { Translate } from '../../shared/i18n/translate';
import { caseStatusLabel } from './dispatch-labels';

// The API's 409 codes for cases, in words; an unknown code falls back to the API's own detail.
const messageByCode: Record<string, MessageKey> = {
  checklist_incomplete: 'caseError.checklist_incomplete',
  clock_paused: 'caseError.clock_paused',
  clock_running: 'caseError.clock_running',
  extension_pending: 'caseError.extension_pending',
  extension_limit: 'caseError.extension_limit',
  no_extension_pending: 'caseError.no_extension_pending',
  already_rated: 'caseError.already_rated',
  already_ticked: 'caseError.already_ticked',
  already_answered: 'caseError.already_answered',
  already_listed: 'caseError.already_listed',
  return_period_passed: 'caseError.return_period_passed',
  review_requested: 'caseError.review_requested',
  review_window_passed: 'caseError.review_window_passed',
  final: 'caseError.final',
  no_higher_level: 'caseError.no_higher_level',
};

/** The state a 409 "invalid_transition" names: "The case is in_progress; sign is not possible in that state." */
export function stateNamedIn(detail: string | undefined): string | null {
  const match = /The case is (\w+);/.exec(detail ?? '');
  return match?.[1] ?? null;
}

/**
 * What went wrong with a change of a case: a stale version (412) says someone else changed it; a 409 says which
 * state or rule stands in the way; a 403 that the unit or role may not; field errors go beside their fields.
 */
export function caseFailureMessage(
  form: Pick<FormInstance, 'setFields'> | null,
  error: unknown,
  fields: readonly (string | FieldPath)[],
  t: Translate,
): string | null {
  if (isApiError(error)) {
    if (error.status === 412) return t('caseError.stale');
    if (error.status === 428) return t('error.preconditionRequired');
    if (error.status === 403) return t('caseError.forbidden');
    if (error.status === 409) {
      const byCode = error.code ? messageByCode[error.code] : undefined;
      if (byCode) return t(byCode);
      const state = error.code === 'invalid_transition' ? stateNamedIn(error.problem?.detail) : null;
      if (state) return t('caseError.invalidState', { status: caseStatusLabel(t, state) });
      return describeError(error, t);
    }
  }
  return form ? formFailureMessage(form, error, fields, t) : describeError(error, t);
}
