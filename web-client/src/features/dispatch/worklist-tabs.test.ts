import { describe, expect, it } from 'vitest';
import { chooseTab, tabsFor } from './worklist-tabs';

describe('worklist tabs from capabilities', () => {
  it('opens the tabs the capabilities name, in the API order whatever their order', () => {
    expect(tabsFor(['case_tab_replied', 'case_tab_to_assign', 'export_petitions', 'case_tab_returned'])).toEqual([
      'to_assign',
      'returned',
      'replied',
    ]);
  });

  it('opens no tab without a tab capability', () => {
    expect(tabsFor(['view_audit', 'manage_users'])).toEqual([]);
  });

  it('keeps the tab from the address only when the user has it', () => {
    const tabs = tabsFor(['case_tab_to_sign', 'case_tab_to_reply', 'case_tab_overdue']);
    expect(chooseTab(tabs, 'to_reply')).toBe('to_reply');
    expect(chooseTab(tabs, 'to_assign')).toBe('to_sign');
    expect(chooseTab(tabs, null)).toBe('to_sign');
  });
});
