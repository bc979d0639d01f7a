import type { FormInstance } from 'antd';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { FieldPath } from '../../shared/api/field-errors';
import { formFailureMessage } from '../../shared/api/form-failure';
import type { ReceptionStatus } from '../../shared/api/api-types';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import { receptionStatusLabel } from './reception-labels';

// The API's 409 codes for receptions, in words; an unknown code falls back to the API's own detail.
const messageByCode: Record<string, MessageKey> = {
  not_yet: 'receptionError.not_yet',
  assignment_not_correctable: 'receptionError.assignment_not_correctable',
  not_assigned: 'receptionError.not_assigned',
  case_not_open: 'receptionError.case_not_open',
};

const statuses: readonly ReceptionStatus[] = ['scheduled', 'held', 'cancelled'];

/** The state a 409 "invalid_state" names: "The reception is held; hold needs it scheduled." */
export function receptionStateNamedIn(detail: string | undefined): ReceptionStatus | null {
  const state = /The reception is (\w+);/.exec(detail ?? '')?.[1];
  return statuses.find((status) => status === state) ?? null;
}

export const isCaseNotOpen = (error: unknown): boolean => isApiError(error) && error.status === 409 && error.code === 'case_not_open';

/**
 * What went wrong with a change of a reception or a batch: a stale version (412) says someone else changed it, a 409 which
 * state or rule stands in the way, a 403 that the caller's part does not allow it; field errors go beside their fields.
 */
export function receptionFailureMessage(
  form: Pick<FormInstance, 'setFields'> | null,
  error: unknown,
  fields: readonly (string | FieldPath)[],
  t: Translate,
): string | null {
  if (isApiError(error)) {
    if (error.status === 412) return t('receptionError.stale');
    if (error.status === 403) return t('receptionError.forbidden');
    if (error.status === 409) {
      const byCode = error.code ? messageByCode[error.code] : undefined;
      if (byCode) return t(byCode);
      const state = error.code === 'invalid_state' ? receptionStateNamedIn(error.problem?.detail) : null;
      if (state) return t('receptionError.invalidState', { status: receptionStatusLabel(t, state) });
      return describeError(error, t);
    }
  }
  return form ? formFailureMessage(form, error, fields, t) : describeError(error, t);
}
