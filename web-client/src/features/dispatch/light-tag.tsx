import { Tag } from 'antd';
import type { Light } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { lightColors, lightLabel } from './dispatch-labels';

/** The traffic light of a case's running deadline, in colour and in words (colour alone is not enough). */
export function LightTag({ light }: { light: Light }) {
  const { t } = useI18n();
  return (
    <Tag color={lightColors[light]} data-light={light} data-testid="case-light">
      <span aria-hidden style={{ marginRight: 4 }}>
        ●
      </span>
      {lightLabel(t, light)}
    </Tag>
  );
}
