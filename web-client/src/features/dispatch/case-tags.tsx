import { Space, Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context';

/** The marks that bring a case under joint supervision: repeat, skip-level, listed; and a paused clock. */
export function CaseTags({
  isRepeat,
  isSkipLevel,
  isListed,
  paused = false,
}: {
  isRepeat: boolean;
  isSkipLevel: boolean;
  isListed: boolean;
  paused?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {isRepeat ? <Tag color="orange">{t('cases.repeat')}</Tag> : null}
      {isSkipLevel ? <Tag color="volcano">{t('cases.skipLevel')}</Tag> : null}
      {isListed ? <Tag color="red">{t('cases.listed')}</Tag> : null}
      {paused ? <Tag color="purple">{t('cases.paused')}</Tag> : null}
    </Space>
  );
}
