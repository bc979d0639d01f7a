import type { Role } from '../../shared/auth/roles';
import type { WorklistTab } from '../../shared/api/api-types';

/** Who works each tab: the petition bureau assigns, the lead unit signs and replies, everyone watches the clock. */
const tabRoles: Record<WorklistTab, readonly Role[] | 'all'> = {
  to_assign: ['petition_officer'],
  returned: ['petition_officer'],
  to_sign: ['handler'],
  in_progress: ['handler'],
  to_reply: ['handler'],
  due_soon: 'all',
  overdue: 'all',
  replied: 'all',
  agent: ['agent'],
};

/** The worklist tabs for a user's roles, in the API's order. */
export function tabsForRoles(userRoles: readonly string[]): WorklistTab[] {
  return (Object.keys(tabRoles) as WorklistTab[]).filter((tab) => {
    const allowed = tabRoles[tab];
    return allowed === 'all' || allowed.some((role) => userRoles.includes(role));
  });
}

/** The tab asked for in the address when the user has it, else the user's first. */
export function chooseTab(tabs: readonly WorklistTab[], asked: string | null): WorklistTab {
  const found = tabs.find((tab) => tab === asked);
  return found ?? tabs[0] ?? 'due_soon';
}
