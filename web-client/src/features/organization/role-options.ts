import { roles, type Role } from '../../shared/auth/roles';
import type { Translate } from '../../shared/i18n/translate';
import { roleLabel } from '../../shared/i18n/labels';

/**
 * Every role, in the API's order; those the administrator may not grant or revoke are disabled, so a role the user
 * holds stays shown without a way to remove it.
 */
export const roleOptions = (t: Translate, grantable: readonly Role[]) =>
  roles.map((role) => ({ value: role, label: roleLabel(t, role), disabled: !grantable.includes(role) }));
