import type { FormInstance } from 'antd';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import { applyFieldErrors, type FieldPath } from '../../shared/api/field-errors';
import type { Translate } from '../../shared/i18n/translate';

/**
 * Shows a failed submit: field errors go onto their fields; what remains (unknown fields, or an
 * error without fields) becomes the form's message. Returns that message, or null when the
 * fields say it all.
 */
export function formFailureMessage(
  form: FormInstance,
  error: unknown,
  fields: readonly (string | FieldPath)[],
  t: Translate,
): string | null {
  const unplaced = applyFieldErrors(form, error, fields);
  if (unplaced.length > 0) return unplaced.join(' ');
  const fieldCount = isApiError(error) ? Object.keys(error.fieldErrors).length : 0;
  if (fieldCount > 0) return null;
  if (isApiError(error) && error.code === 'user_name_taken') {
    form.setFields([{ name: 'userName', errors: [describeError(error, t)] }]);
    return null;
  }
  return describeError(error, t);
}
