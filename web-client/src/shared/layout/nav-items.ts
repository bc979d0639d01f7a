import type { ReactNode } from 'react';
import type { Role } from '../auth/roles';
import type { MessageKey } from '../i18n/zh-cn';

export interface NavItem {
  /** The route path; a group without its own page uses a unique key instead. */
  key: string;
  label: MessageKey;
  icon?: ReactNode;
  /** Shown when the user holds any of these roles; everyone sees an item without roles. */
  roles?: readonly Role[];
  children?: readonly NavItem[];
}

export function visibleNavItems(items: readonly NavItem[], userRoles: readonly string[]): NavItem[] {
  const allowed = (item: NavItem) => !item.roles || item.roles.some((role) => userRoles.includes(role));
  const result: NavItem[] = [];
  for (const item of items) {
    if (!allowed(item)) continue;
    if (item.children) {
      const children = visibleNavItems(item.children, userRoles);
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
