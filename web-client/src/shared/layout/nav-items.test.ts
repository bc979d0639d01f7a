import { describe, expect, it } from 'vitest';
import { selectedNavKey, visibleNavItems, type NavItem } from './nav-items';

const items: NavItem[] = [
  { key: '/', label: 'nav.home' },
  {
    key: 'organization',
    label: 'nav.organization',
    roles: ['admin'],
    children: [
      { key: '/organization/regions', label: 'nav.regions' },
      { key: '/organization/users', label: 'nav.users' },
    ],
  },
];

describe('navigation', () => {
  it('shows organisation administration to admins only', () => {
    expect(visibleNavItems(items, ['handler']).map((item) => item.key)).toEqual(['/']);
    expect(visibleNavItems(items, ['handler', 'admin']).map((item) => item.key)).toEqual(['/', 'organization']);
  });

  it('selects the menu entry of the current page', () => {
    expect(selectedNavKey(items, '/')).toBe('/');
    expect(selectedNavKey(items, '/organization/users')).toBe('/organization/users');
    expect(selectedNavKey(items, '/organization/users/42')).toBe('/organization/users');
    expect(selectedNavKey(items, '/elsewhere')).toBeUndefined();
  });
});
