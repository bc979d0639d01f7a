import { ApartmentOutlined, BankOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { AppLayout } from '../shared/layout/app-layout';
import type { NavItem } from '../shared/layout/nav-items';

const navItems: readonly NavItem[] = [
  { key: '/', label: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  {
    key: 'organization',
    label: 'nav.organization',
    icon: <SettingOutlined aria-hidden />,
    roles: ['admin'],
    children: [
      { key: '/organization/regions', label: 'nav.regions', icon: <ApartmentOutlined aria-hidden /> },
      { key: '/organization/units', label: 'nav.units', icon: <BankOutlined aria-hidden /> },
      { key: '/organization/users', label: 'nav.users', icon: <TeamOutlined aria-hidden /> },
    ],
  },
];

export function AppShell() {
  return <AppLayout navItems={navItems} />;
}
