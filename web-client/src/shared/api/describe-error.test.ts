import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate';
import { zhCN } from '../i18n/zh-cn';
import { en } from '../i18n/en';
import { ApiError } from './api-error';
import { describeError } from './describe-error';

const t = createTranslator('zh-CN');

describe('describeError', () => {
  it('tells wrong credentials and a locked account apart', () => {
    const wrong = describeError(new ApiError(401, { code: 'invalid_credentials' }), t);
    const locked = describeError(new ApiError(401, { code: 'locked_out' }), t);
    expect(wrong).toBe(zhCN['auth.signIn.invalidCredentials']);
    expect(locked).toBe(zhCN['auth.signIn.lockedOut']);
  });

  it('explains a stale write in the chosen language', () => {
    expect(describeError(new ApiError(412, { title: 'Precondition Failed' }), createTranslator('en'))).toBe(en['error.stale']);
  });

  it('uses the server detail for a conflict it cannot name', () => {
    expect(describeError(new ApiError(409, { detail: 'Unit is closed.' }), t)).toBe('Unit is closed.');
  });

  it('says the server failed for 5xx and the network failed without a response', () => {
    expect(describeError(new ApiError(503, null), t)).toBe(zhCN['error.server']);
    expect(describeError(ApiError.network(new TypeError('x')), t)).toBe(zhCN['error.network']);
  });

  it('points at the fields when a validation problem lists them', () => {
    expect(describeError(new ApiError(400, { errors: { userName: ['Required'] } }), t)).toBe(zhCN['error.badRequest']);
  });
});
