import type { components } from '../api/schema';

export type Role = components['schemas']['Role'];

// A record keyed by the API's enum, so a role added to the API fails the type check until listed. Roles only label users
// and fill the role pickers; what a user may do comes from the server (capabilities, allowedActions).
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
