import { describe, expect, it } from 'vitest';
import { isStrongPassword, isValidUserName } from './account-rules';

describe('account rules', () => {
  it('accepts passwords of 12+ characters with letters and digits', () => {
    expect(isStrongPassword('abcdefghij12')).toBe(true);
    expect(isStrongPassword('府山街道承办人员密码2026')).toBe(true);
    expect(isStrongPassword('abcdefghijk')).toBe(false);
    expect(isStrongPassword('abcdefghijkl')).toBe(false);
    expect(isStrongPassword('123456789012')).toBe(false);
    expect(isStrongPassword(`a1${'x'.repeat(127)}`)).toBe(false);
  });

  it('accepts lower-case user names that start with a letter', () => {
    expect(isValidUserName('town.handler2')).toBe(true);
    expect(isValidUserName('Town.handler')).toBe(false);
    expect(isValidUserName('1town')).toBe(false);
    expect(isValidUserName('ab')).toBe(false);
  });
});
