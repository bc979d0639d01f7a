import { describe, expect, it } from 'vitest';
import { selectedNavKey, visibleNavItems, type NavItem } from './nav-items';

const items: NavItem[] = [
  { key: '/', label: 'nav.home' },
  {
    key: 'organization',
    label: 'nav.organization',
    children: [
      { key: '/organization/regions', label: 'nav.regions', capability: 'manage_organization' },
      { key: '/organization/users', label: 'nav.users', capability: 'manage_users' },
    ],
  },
  { key: '/audit', label: 'nav.audit', capability: 'view_audit' },
];

describe('navigation', () => {
  it('shows the items of the capabilities held, and a group while one of its children shows', () => {
    expect(visibleNavItems(items, ['case_tab_to_sign']).map((item) => item.key)).toEqual(['/']);
    expect(visibleNavItems(items, ['view_audit']).map((item) => item.key)).toEqual(['/', '/audit']);
    const organization = visibleNavItems(items, ['manage_users']).find((item) => item.key === 'organization');
    expect(organization?.children?.map((item) => item.key)).toEqual(['/organization/users']);
  });

  it('selects the menu entry of the current page', () => {
    expect(selectedNavKey(items, '/')).toBe('/');
    expect(selectedNavKey(items, '/organization/users')).toBe('/organization/users');
    expect(selectedNavKey(items, '/organization/users/42')).toBe('/organization/users');
    expect(selectedNavKey(items, '/elsewhere')).toBeUndefined();
  });
});
