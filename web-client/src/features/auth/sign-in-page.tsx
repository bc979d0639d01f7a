import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../shared/auth/auth-context';
import type { ReturnToState } from '../../shared/auth/require-auth';
import { useI18n } from '../../shared/i18n/i18n-context';
import { LanguageSwitch } from '../../shared/i18n/language-switch';
import { SignInForm } from './sign-in-form';

function returnPath(state: unknown): string {
  const returnTo = (state as ReturnToState | null)?.returnTo;
  return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('/login') ? returnTo : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { isAuthenticated, signOutReason } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);

  if (isAuthenticated) return <Navigate to={target} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f4fa' }}>
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <LanguageSwitch />
        </Flex>
        <Card>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <ApartmentOutlined aria-hidden style={{ fontSize: 36, color: '#1f5fbf' }} />
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text>{t('auth.signIn.subtitle')}</Typography.Text>
            <Typography.Title level={2} style={{ fontSize: 18, margin: '12px 0 0' }}>
              {t('auth.signIn.title')}
            </Typography.Title>
          </Flex>
          {signOutReason === 'expired' ? (
            <Alert type="warning" showIcon title={t('auth.signIn.sessionExpired')} style={{ marginBottom: 16 }} />
          ) : null}
          <SignInForm onSignedIn={() => navigate(target, { replace: true })} />
        </Card>
      </main>
    </Flex>
  );
}
