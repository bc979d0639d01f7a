/** Mirrors the API's rules so mistakes show before a round trip; the API still decides. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 12 && value.length <= 128 && /\p{L}/u.test(value) && /\d/.test(value);
}

export function isValidUserName(value: string): boolean {
  return /^[a-z][a-z0-9._-]{2,63}$/.test(value);
}
