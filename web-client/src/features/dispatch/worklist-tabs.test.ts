import { describe, expect, it } from 'vitest';
import { chooseTab, tabsForRoles } from './worklist-tabs';

describe('worklist tabs by role', () => {
  it('gives the petition bureau its assignment tabs before the shared ones', () => {
    expect(tabsForRoles(['petition_officer'])).toEqual(['to_assign', 'returned', 'due_soon', 'overdue', 'replied']);
  });

  it('gives handlers the unit tabs', () => {
    expect(tabsForRoles(['handler'])).toEqual(['to_sign', 'in_progress', 'to_reply', 'due_soon', 'overdue', 'replied']);
  });

  it('gives agents their agency tab and combines roles', () => {
    expect(tabsForRoles(['agent'])).toEqual(['due_soon', 'overdue', 'replied', 'agent']);
    expect(tabsForRoles(['handler', 'petition_officer'])).toHaveLength(8);
  });

  it('shows only the shared tabs to other roles', () => {
    expect(tabsForRoles(['analyst'])).toEqual(['due_soon', 'overdue', 'replied']);
  });

  it('keeps the tab from the address only when the user has it', () => {
    const tabs = tabsForRoles(['handler']);
    expect(chooseTab(tabs, 'to_reply')).toBe('to_reply');
    expect(chooseTab(tabs, 'to_assign')).toBe('to_sign');
    expect(chooseTab(tabs, null)).toBe('to_sign');
  });
});
