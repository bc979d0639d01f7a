import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { LoadError } from '../components/load-error';
import { useI18n } from '../i18n/i18n-context';
import { holds, type Capability } from './capabilities';
import { useCurrentUser } from './use-current-user';

/** Shows the page only to users whose `/me` lists the capability; the server refuses the others anyway (403). */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useCurrentUser();
  if (me.isPending) return <Skeleton active />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!holds(me.data.capabilities, capability)) {
    return (
      <Result
        status="403"
        title={t('layout.forbiddenTitle')}
        subTitle={t('layout.forbiddenDetail')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('layout.backHome')}
          </Button>
        }
      />
    );
  }
  return children;
}
