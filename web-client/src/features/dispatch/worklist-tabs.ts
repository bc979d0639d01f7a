import type { Capability } from '../../shared/auth/capabilities';
import type { WorklistTab } from '../../shared/api/api-types';

// A record keyed by the API's tabs, so a tab added to the API fails the type check until listed here in its order.
const tabOrder: Record<WorklistTab, true> = {
  to_assign: true,
  returned: true,
  to_sign: true,
  in_progress: true,
  to_reply: true,
  due_soon: true,
  overdue: true,
  replied: true,
  agent: true,
  supervision_orders: true,
};

/** The capability that opens a tab; the server names them so and refuses a tab the caller does not hold. */
const capabilityOf = (tab: WorklistTab): Capability => `case_tab_${tab}`;

/** The worklist tabs the user's capabilities open, in the API's order. */
export function tabsFor(capabilities: readonly Capability[]): WorklistTab[] {
  return (Object.keys(tabOrder) as WorklistTab[]).filter((tab) => capabilities.includes(capabilityOf(tab)));
}

/** The tab asked for in the address when the user has it, else the user's first. */
export function chooseTab(tabs: readonly WorklistTab[], asked: string | null): WorklistTab {
  const found = tabs.find((tab) => tab === asked);
  return found ?? tabs[0] ?? 'due_soon';
}
