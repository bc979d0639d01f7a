import { Space, Tag } from 'antd';
import type { PetitionFlag } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { flagColors, flagLabel } from './intake-labels';

export function FlagTags({ flags }: { flags: readonly PetitionFlag[] }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color={flagColors[flag]}>
          {flagLabel(t, flag)}
        </Tag>
      ))}
    </Space>
  );
}
