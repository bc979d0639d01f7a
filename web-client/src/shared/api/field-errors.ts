import type { FormInstance } from 'antd';
import { isApiError } from './api-error';

export type FieldPath = (string | number)[];

export interface FieldError {
  name: FieldPath;
  errors: string[];
}

const camelCase = (segment: string): string => segment.charAt(0).toLowerCase() + segment.slice(1);

/** `Roles[0]`, `$.roles[0]` and `address.street` become `['roles', 0]` and `['address', 'street']`. */
export function parseFieldPath(field: string): FieldPath {
  const path: FieldPath = [];
  const trimmed = field.replace(/^\$\.?/, '');
  for (const part of trimmed.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(camelCase(part));
      continue;
    }
    const [, name = '', indexes = ''] = match;
    if (name) path.push(camelCase(name));
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

export function problemFieldErrors(error: unknown): FieldError[] {
  if (!isApiError(error)) return [];
  return Object.entries(error.fieldErrors).map(([field, errors]) => ({ name: parseFieldPath(field), errors }));
}

const samePath = (a: FieldPath, b: FieldPath): boolean =>
  a.length === b.length && a.every((segment, index) => segment === b[index]);

/**
 * Puts each field error on the deepest field of the form that the error's path starts with
 * (`roles[0]` lands on a `roles` multi-select). Returns the messages no form field could show.
 */
export function applyFieldErrors(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  formFields: readonly (string | FieldPath)[],
): string[] {
  const known = formFields.map((field) => (typeof field === 'string' ? [field] : field));
  const byField = new Map<string, FieldError>();
  const unplaced: string[] = [];
  for (const fieldError of problemFieldErrors(error)) {
    const target = known
      .filter((candidate) => samePath(candidate, fieldError.name.slice(0, candidate.length)))
      .sort((a, b) => b.length - a.length)[0];
    if (!target) {
      unplaced.push(...fieldError.errors);
      continue;
    }
    const key = JSON.stringify(target);
    const existing = byField.get(key);
    if (existing) existing.errors.push(...fieldError.errors);
    else byField.set(key, { name: target, errors: [...fieldError.errors] });
  }
  if (byField.size > 0) form.setFields([...byField.values()]);
  return unplaced;
}
