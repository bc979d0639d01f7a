import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CalendarOutlined,
  ControlOutlined,
  FileProtectOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  InboxOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { AppLayout } from '../shared/layout/app-layout';
import type { NavItem } from '../shared/layout/nav-items';

const navItems: readonly NavItem[] = [
  { key: '/', label: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  {
    key: 'intake',
    label: 'nav.intake',
    icon: <InboxOutlined aria-hidden />,
    children: [
      { key: '/petitions', label: 'nav.worklist', icon: <FileTextOutlined aria-hidden /> },
      {
        key: '/petitions/new',
        label: 'nav.register',
        icon: <FileAddOutlined aria-hidden />,
        roles: ['petition_officer', 'leader', 'agent'],
      },
    ],
  },
  {
    key: 'dispatch',
    label: 'nav.dispatch',
    icon: <SendOutlined aria-hidden />,
    children: [
      { key: '/cases', label: 'nav.cases', icon: <OrderedListOutlined aria-hidden /> },
      {
        key: '/supervision',
        label: 'nav.supervision',
        icon: <AlertOutlined aria-hidden />,
        roles: ['petition_officer', 'supervisor', 'leader', 'analyst'],
      },
    ],
  },
  {
    key: 'receptions',
    label: 'nav.receptions',
    icon: <SolutionOutlined aria-hidden />,
    roles: ['leader', 'petition_officer', 'supervisor', 'analyst', 'admin'],
    children: [
      { key: '/receptions', label: 'nav.receptionCalendar', icon: <ScheduleOutlined aria-hidden /> },
      { key: '/receptions/figures', label: 'nav.receptionFigures', icon: <BarChartOutlined aria-hidden /> },
    ],
  },
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
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <ControlOutlined aria-hidden />,
    roles: ['admin'],
    children: [
      { key: '/settings/routing-rules', label: 'nav.routingRules', icon: <BranchesOutlined aria-hidden /> },
      { key: '/settings/rule-sets', label: 'nav.ruleSets', icon: <FileProtectOutlined aria-hidden /> },
      { key: '/settings/work-calendar', label: 'nav.workCalendar', icon: <CalendarOutlined aria-hidden /> },
    ],
  },
  { key: '/audit', label: 'nav.audit', icon: <AuditOutlined aria-hidden />, roles: ['admin', 'discipline_inspector'] },
];

export function AppShell() {
  return <AppLayout navItems={navItems} />;
}
