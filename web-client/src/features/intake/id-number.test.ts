import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, isValidIdNumber, isValidPhone } from './id-number';

const today = new Date(2026, 10, 24);

describe('GB 11643 identity numbers', () => {
  it('computes the check character', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('33060219900307001')).toBe('6');
  });

  it('accepts valid numbers, with x in either case', () => {
    expect(isValidIdNumber('11010519491231002X', today)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', today)).toBe(true);
    expect(isValidIdNumber('330602199003070016', today)).toBe(true);
  });

  it('rejects a wrong check digit, a wrong shape or an impossible birth date', () => {
    expect(isValidIdNumber('110105194912310021', today)).toBe(false);
    expect(isValidIdNumber('11010519491231002', today)).toBe(false);
    expect(isValidIdNumber('1101051949123100XX', today)).toBe(false);
    const feb30 = '33060219900230001';
    expect(isValidIdNumber(feb30 + idNumberCheckCharacter(feb30), today)).toBe(false);
    const future = '33060220301230001';
    expect(isValidIdNumber(future + idNumberCheckCharacter(future), today)).toBe(false);
    const old = '33060218991230001';
    expect(isValidIdNumber(old + idNumberCheckCharacter(old), today)).toBe(false);
  });
});

describe('phone numbers', () => {
  it('accepts mobiles and landlines with area code', () => {
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('0575-88123456')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
  });
});
