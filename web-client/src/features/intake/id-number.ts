const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17.charAt(index)) * (weights[index] ?? 0);
  return checkCharacters.charAt(sum % 11);
}

/**
 * An 18-character resident identity number: 6-digit region, a real birth date between 1900 and
 * today, a 3-digit sequence and the check character (an `x` is accepted as `X`).
 */
export function isValidIdNumber(value: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (year < 1900 || birth.getTime() > todayUtc) return false;
  return idNumberCheckCharacter(value) === value.charAt(17).toUpperCase();
}

/** A mainland mobile number or a landline with its area code, as the API accepts them. */
export function isValidPhone(value: string): boolean {
  const normalised = value.replaceAll(' ', '');
  return /^1[3-9]\d{9}$/.test(normalised) || /^0\d{2,3}-?\d{7,8}$/.test(normalised);
}
