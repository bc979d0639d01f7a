import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Region } from '../api/api-types';
import type { RegionTreeNode } from './build-region-tree';
import { useI18n } from '../i18n/i18n-context';
import { useRegionTree } from './use-regions';

interface RegionOption {
  value: string;
  title: string;
  children: RegionOption[];
}

const toOptions = (nodes: readonly RegionTreeNode<Region>[]): RegionOption[] =>
  nodes.map((node) => ({ value: node.key, title: node.title, children: toOptions(node.children) }));

/** A region of the caller's jurisdiction, as a searchable tree. */
export function RegionTreeSelect({
  value,
  onChange,
  id,
  ariaLabel,
  placeholder,
  disabled,
}: {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
  ariaLabel?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const regions = useRegionTree();
  const options = useMemo(() => toOptions(regions.tree), [regions.tree]);
  return (
    <TreeSelect<string>
      id={id}
      aria-label={ariaLabel}
      disabled={disabled}
      value={value}
      onChange={(next) => onChange?.(next)}
      treeData={options}
      loading={regions.isPending}
      status={regions.isError ? 'error' : undefined}
      placeholder={regions.isError ? t('common.loadFailed') : placeholder}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={options.map((option) => option.value)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220 }}
    />
  );
}
