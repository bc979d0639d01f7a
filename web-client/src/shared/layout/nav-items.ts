import type { ReactNode } from 'react';
import { holds, type Capability } from '../auth/capabilities';
import type { MessageKey } from '../i18n/zh-cn';

export interface NavItem {
  /** The route path; a group without its own page uses a unique key instead. */
  key: string;
  label: MessageKey;
  icon?: ReactNode;
  /** Shown when `/me` lists this capability; everyone sees an item without one. A group shows while a child does. */
  capability?: Capability;
  children?: readonly NavItem[];
}

export function visibleNavItems(items: readonly NavItem[], capabilities: readonly Capability[]): NavItem[] {
  const result: NavItem[] = [];
  for (const item of items) {
    if (!holds(capabilities, item.capability)) continue;
    if (item.children) {
      const children = visibleNavItems(item.children, capabilities);
      if (children.length > 0) result.push({ ...item, children });
    } else {
      result.push(item);
    }
  }
  return result;
}

/** The menu key that matches the current path best (longest route prefix). */
export function selectedNavKey(items: readonly NavItem[], pathname: string): string | undefined {
  const keys = items.flatMap((item) => (item.children ? item.children.map((child) => child.key) : [item.key]));
  return keys
    .filter((key) => key === pathname || (key !== '/' && pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
