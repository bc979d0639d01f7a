import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { applyFieldErrors, parseFieldPath } from './field-errors';

describe('parseFieldPath', () => {
  it.each([
    ['userName', ['userName']],
    ['UserName', ['userName']],
    ['roles[0]', ['roles', 0]],
    ['Roles[2]', ['roles', 2]],
    ['$.roles[1]', ['roles', 1]],
    ['address.street', ['address', 'street']],
    ['Contacts[0].Phone', ['contacts', 0, 'phone']],
    ['matrix[1][2]', ['matrix', 1, 2]],
  ])('%s → %j', (field, expected) => {
    expect(parseFieldPath(field)).toEqual(expected);
  });
});

describe('applyFieldErrors', () => {
  it('puts each error on the deepest matching form field and returns the rest', () => {
    const form = { setFields: vi.fn() };
    const error = new ApiError(400, {
      errors: {
        UserName: ['Already used.'],
        'roles[0]': ['Unknown role.'],
        'roles[1]': ['Duplicate role.'],
        tenant: ['Not a field here.'],
      },
    });

    const unplaced = applyFieldErrors(form, error, ['userName', 'roles', 'password']);

    expect(form.setFields).toHaveBeenCalledWith([
      { name: ['userName'], errors: ['Already used.'] },
      { name: ['roles'], errors: ['Unknown role.', 'Duplicate role.'] },
    ]);
    expect(unplaced).toEqual(['Not a field here.']);
  });

  it('prefers a nested field when the form has one', () => {
    const form = { setFields: vi.fn() };
    applyFieldErrors(form, new ApiError(400, { errors: { 'contacts[0].phone': ['Invalid.'] } }), [
      'contacts',
      ['contacts', 0, 'phone'],
    ]);
    expect(form.setFields).toHaveBeenCalledWith([{ name: ['contacts', 0, 'phone'], errors: ['Invalid.'] }]);
  });

  it('leaves the form alone for errors without fields', () => {
    const form = { setFields: vi.fn() };
    expect(applyFieldErrors(form, new Error('boom'), ['userName'])).toEqual([]);
    expect(form.setFields).not.toHaveBeenCalled();
  });
});
