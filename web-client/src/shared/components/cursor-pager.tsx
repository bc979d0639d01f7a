import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';

export function CursorPager({
  pageIndex,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  loading,
}: {
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  loading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
      <Button icon={<LeftOutlined aria-hidden />} disabled={!hasPrevious || loading} onClick={onPrevious}>
        {t('common.previousPage')}
      </Button>
      <Typography.Text>{t('common.pageNumber', { page: pageIndex + 1 })}</Typography.Text>
      <Button disabled={!hasNext || loading} onClick={onNext}>
        {t('common.nextPage')}
        <RightOutlined aria-hidden />
      </Button>
    </Space>
  );
}
