import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../shared/i18n/i18n-context';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('layout.notFoundTitle')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('layout.backHome')}
        </Button>
      }
    />
  );
}
