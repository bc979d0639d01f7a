import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BranchesOutlined,
  BulbOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  ControlOutlined,
  FileProtectOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  HeartOutlined,
  InboxOutlined,
  DashboardOutlined,
  LineChartOutlined,
  OrderedListOutlined,
  ReadOutlined,
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
        capability: 'register_petition',
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
        capability: 'view_supervision',
      },
    ],
  },
  {
    key: 'receptions',
    label: 'nav.receptions',
    icon: <SolutionOutlined aria-hidden />,
    capability: 'view_receptions',
    children: [
      { key: '/receptions', label: 'nav.receptionCalendar', icon: <ScheduleOutlined aria-hidden /> },
      { key: '/receptions/must-visits', label: 'nav.mustVisits', icon: <EnvironmentOutlined aria-hidden /> },
      { key: '/receptions/figures', label: 'nav.receptionFigures', icon: <BarChartOutlined aria-hidden /> },
    ],
  },
  {
    key: 'mediation',
    label: 'nav.mediation',
    icon: <HeartOutlined aria-hidden />,
    capability: 'view_mediation',
    children: [
      { key: '/mediation/rooms', label: 'nav.mediationRooms', icon: <BankOutlined aria-hidden /> },
      { key: '/mediation/disputes', label: 'nav.disputes', icon: <OrderedListOutlined aria-hidden />, capability: 'view_disputes' },
      { key: '/mediation/calendar', label: 'nav.sessionCalendar', icon: <CalendarOutlined aria-hidden />, capability: 'view_disputes' },
      { key: '/mediation/disputes/new', label: 'nav.registerDispute', icon: <FileAddOutlined aria-hidden />, capability: 'mediate_disputes' },
    ],
  },
  {
    key: 'suggestions',
    label: 'nav.suggestions',
    icon: <BulbOutlined aria-hidden />,
    capability: 'view_suggestions',
    children: [
      { key: '/suggestions', label: 'nav.suggestionWorklist', icon: <InboxOutlined aria-hidden /> },
      { key: '/suggestions/topics', label: 'nav.suggestionTopics', icon: <ScheduleOutlined aria-hidden /> },
    ],
  },
  { key: '/suggestions/assigned', label: 'nav.unitSuggestions', icon: <BulbOutlined aria-hidden />, capability: 'answer_assigned_suggestions' },
  {
    key: 'diary',
    label: 'nav.diary',
    icon: <ReadOutlined aria-hidden />,
    capability: 'view_diary',
    children: [
      { key: '/diary', label: 'nav.diaryEntries', icon: <OrderedListOutlined aria-hidden /> },
      { key: '/diary/new', label: 'nav.diaryLog', icon: <FileAddOutlined aria-hidden />, capability: 'keep_diary' },
      { key: '/diary/matters', label: 'nav.diaryMatters', icon: <ApartmentOutlined aria-hidden /> },
    ],
  },
  { key: '/metrics/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined aria-hidden />, capability: 'view_metrics' },
  { key: '/metrics', label: 'nav.metrics', icon: <LineChartOutlined aria-hidden />, capability: 'view_metrics' },
  { key: '/metrics/annual-report', label: 'nav.annualReport', icon: <FileTextOutlined aria-hidden />, capability: 'view_metrics' },
  {
    key: 'organization',
    label: 'nav.organization',
    icon: <SettingOutlined aria-hidden />,
    children: [
      {
        key: '/organization/regions',
        label: 'nav.regions',
        icon: <ApartmentOutlined aria-hidden />,
        capability: 'manage_organization',
      },
      { key: '/organization/units', label: 'nav.units', icon: <BankOutlined aria-hidden />, capability: 'manage_organization' },
      { key: '/organization/users', label: 'nav.users', icon: <TeamOutlined aria-hidden />, capability: 'manage_users' },
      {
        key: '/organization/joint-meetings',
        label: 'nav.jointMeetings',
        icon: <ScheduleOutlined aria-hidden />,
        capability: 'view_joint_meetings_and_letters',
      },
      {
        key: '/organization/responsibility-letters',
        label: 'nav.responsibilityLetters',
        icon: <SolutionOutlined aria-hidden />,
        capability: 'view_joint_meetings_and_letters',
      },
    ],
  },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <ControlOutlined aria-hidden />,
    children: [
      {
        key: '/settings/routing-rules',
        label: 'nav.routingRules',
        icon: <BranchesOutlined aria-hidden />,
        capability: 'manage_routing_rules',
      },
      { key: '/settings/api-clients', label: 'nav.apiClients', icon: <ApiOutlined aria-hidden />, capability: 'manage_integrations' },
      { key: '/settings/webhooks', label: 'nav.webhooks', icon: <SendOutlined aria-hidden />, capability: 'manage_integrations' },
      { key: '/settings/rule-sets', label: 'nav.ruleSets', icon: <FileProtectOutlined aria-hidden />, capability: 'manage_settings' },
      {
        key: '/settings/work-calendar',
        label: 'nav.workCalendar',
        icon: <CalendarOutlined aria-hidden />,
        capability: 'manage_settings',
      },
    ],
  },
  { key: '/audit', label: 'nav.audit', icon: <AuditOutlined aria-hidden />, capability: 'view_audit' },
];

export function AppShell() {
  return <AppLayout navItems={navItems} />;
}
