import type { components } from '../api/schema';

export type Role = components['schemas']['Role'];

// A record keyed by the API's enum, so a role added to the API fails the type check until listed.
const allRoles: Record<Role, true> = {
  admin: true,
  petition_officer: true,
  handler: true,
  supervisor: true,
  leader: true,
  mediator: true,
  suggestion_reviewer: true,
  analyst: true,
  discipline_inspector: true,
  agent: true,
};

export const roles = Object.keys(allRoles) as Role[];

export function hasAnyRole(userRoles: readonly string[], allowed: readonly Role[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  return allowed.some((role) => userRoles.includes(role));
}
