import { ApartmentOutlined, EnvironmentOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Menu, Skeleton, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { useCurrentUser } from '../auth/use-current-user';
import { LoadError } from '../components/load-error';
import { PageLoading } from '../components/page-loading';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/language-switch';
import { selectedNavKey, visibleNavItems, type NavItem } from './nav-items';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

export function AppLayout({ navItems }: { navItems: readonly NavItem[] }) {
  const { t } = useI18n();
  const { signOut } = useAuth();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  // On a phone the menu folds away behind its trigger, which then sits in the header's corner; the header grows to hold the
  // user's unit and jurisdiction on as many lines as they take, instead of spilling over the page's title.
  const narrow = Grid.useBreakpoint().md === false;

  const visible = useMemo(() => visibleNavItems(navItems, me.data?.capabilities ?? []), [navItems, me.data]);
  const menuItems = useMemo<MenuItem[]>(() => {
    const toMenuItem = (item: NavItem): MenuItem =>
      item.children
        ? { key: item.key, icon: item.icon, label: t(item.label), children: item.children.map(toMenuItem) }
        : { key: item.key, icon: item.icon, label: t(item.label) };
    return visible.map(toMenuItem);
  }, [visible, t]);
  const openKeys = useMemo(() => visible.filter((item) => item.children).map((item) => item.key), [visible]);
  const selected = selectedNavKey(visible, pathname);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={220}
        breakpoint="lg"
        collapsedWidth={0}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
        zeroWidthTriggerStyle={narrow ? { top: 12 } : undefined}
      >
        <Flex align="center" gap={8} style={{ height: 64, padding: '0 20px' }}>
          <ApartmentOutlined aria-hidden style={{ fontSize: 22, color: '#1f5fbf' }} />
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('app.shortTitle')}
          </Typography.Text>
        </Flex>
        <nav aria-label={t('nav.mainMenu')}>
          {me.isPending ? (
            <Skeleton active style={{ padding: 16 }} />
          ) : (
            <Menu
              mode="inline"
              items={menuItems}
              selectedKeys={selected ? [selected] : []}
              defaultOpenKeys={openKeys}
              onClick={({ key }) => navigate(key)}
            />
          )}
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: narrow ? '8px 12px 8px 52px' : '0 24px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            flexWrap: narrow ? 'wrap' : undefined,
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: narrow ? 8 : 16,
            height: narrow ? 'auto' : undefined,
            lineHeight: narrow ? 1.4 : undefined,
          }}
        >
          {me.data ? (
            <Flex align="center" gap={narrow ? 8 : 16} wrap style={{ lineHeight: 1.4 }} data-testid="current-user">
              <span>
                <UserOutlined aria-hidden /> <Typography.Text strong>{me.data.displayName}</Typography.Text>
              </span>
              <Typography.Text>
                <TeamOutlined aria-hidden /> {t('layout.unit', { name: me.data.unit.name })}
              </Typography.Text>
              <Typography.Text>
                <EnvironmentOutlined aria-hidden /> {t('layout.jurisdiction', { name: me.data.jurisdiction.name })}
              </Typography.Text>
            </Flex>
          ) : null}
          <LanguageSwitch />
          <Button icon={<LogoutOutlined aria-hidden />} loading={signingOut} onClick={() => void onSignOut()}>
            {t('auth.signOut')}
          </Button>
        </Header>
        <Content style={{ margin: narrow ? 12 : 24 }}>
          <main>
            {me.isError ? (
              <LoadError error={me.error} onRetry={() => void me.refetch()} />
            ) : (
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            )}
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
