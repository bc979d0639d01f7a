import { ApartmentOutlined } from '@ant-design/icons';
import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/language-switch';

/** The frame of the pages for the public: no sign-in, narrow enough for a phone. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 16px', borderBottom: '1px solid #f0f0f0' }}>
        <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
          <Flex align="center" gap={8}>
            <ApartmentOutlined aria-hidden style={{ fontSize: 20, color: '#1f5fbf' }} />
            <Typography.Text strong>{t('app.title')}</Typography.Text>
          </Flex>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <main style={{ maxWidth: 720, margin: '0 auto' }}>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {title}
          </Typography.Title>
          {children}
          <Flex gap={16} justify="center" wrap style={{ marginTop: 24 }}>
            <Link to="/public/submit">{t('public.toSubmit')}</Link>
            <Link to="/public/track">{t('public.goTrack')}</Link>
            <Link to="/public/reception-days">{t('public.receptionDays')}</Link>
            <Link to="/public/suggestion-topics">{t('public.suggestionTopics')}</Link>
            <Link to="/public/suggestions/new">{t('public.suggest')}</Link>
            <Link to="/public/suggestions/track">{t('public.trackSuggestion')}</Link>
            <Link to="/public/suggestions/adopted">{t('public.adoptedSuggestions')}</Link>
            <Link to="/public/mediation/apply">{t('public.applyMediation')}</Link>
            <Link to="/public/mediation/track">{t('public.trackMediation')}</Link>
          </Flex>
        </main>
      </Layout.Content>
    </Layout>
  );
}
