export const roles = [
  'admin',
  'petition_officer',
  'handler',
  'supervisor',
  'leader',
  'mediator',
  'suggestion_reviewer',
  'analyst',
  'discipline_inspector',
  'agent',
] as const;

export type Role = (typeof roles)[number];

export function hasAnyRole(userRoles: readonly string[], allowed: readonly Role[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  return allowed.some((role) => userRoles.includes(role));
}
