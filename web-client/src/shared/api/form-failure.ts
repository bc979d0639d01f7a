import type { FormInstance } from 'antd';
import type { Translate } from '../i18n/translate';
import { isApiError } from './api-error';
import { describeError } from './describe-error';
import { applyFieldErrors, type FieldPath } from './field-errors';

/**
 * Shows a failed submit: field errors go onto their fields; what remains (errors for fields the
 * form does not have, or an error without fields) becomes the form's message. Returns that
 * message, or null when the fields say it all.
 */
export function formFailureMessage(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  fields: readonly (string | FieldPath)[],
  t: Translate,
): string | null {
  const unplaced = applyFieldErrors(form, error, fields);
  if (unplaced.length > 0) return unplaced.join(' ');
  const hasFieldErrors = isApiError(error) && Object.keys(error.fieldErrors).length > 0;
  return hasFieldErrors ? null : describeError(error, t);
}
