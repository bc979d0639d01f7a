import { TreeSelect } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useRegionTree } from '../../shared/regions/use-regions';

export function RegionTreeSelect({
  value,
  onChange,
  id,
  ariaLabel,
  placeholder,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  ariaLabel?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const regions = useRegionTree();
  return (
    <TreeSelect<string>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(next) => onChange?.(next)}
      treeData={regions.tree}
      loading={regions.isPending}
      status={regions.isError ? 'error' : undefined}
      placeholder={regions.isError ? t('common.loadFailed') : placeholder}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={regions.tree.map((node) => node.key)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220 }}
    />
  );
}
