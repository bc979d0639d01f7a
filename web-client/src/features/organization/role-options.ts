import { roles } from '../../shared/auth/roles';
import type { Translate } from '../../shared/i18n/translate';
import { roleLabel } from '../../shared/i18n/labels';

export const roleOptions = (t: Translate) => roles.map((role) => ({ value: role, label: roleLabel(t, role) }));
