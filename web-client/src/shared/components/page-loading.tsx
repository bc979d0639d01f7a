import { Flex, Spin, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '80px 0' }} role="status" aria-live="polite">
      <Spin size="large" />
      <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
    </Flex>
  );
}
