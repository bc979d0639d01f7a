import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/api';
import { unwrap } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { buildRegionTree, type RegionLike, type RegionTreeNode } from './build-region-tree';

interface RegionOption {
  value: string;
  title: string;
  children: RegionOption[];
}

const toOptions = (nodes: readonly RegionTreeNode<RegionLike>[]): RegionOption[] =>
  nodes.map((node) => ({ value: node.key, title: node.title, children: toOptions(node.children) }));

/** The city, districts and towns for the public forms (petitions, mediation applications), read without signing in. */
export function PublicRegionSelect({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t } = useI18n();
  const regions = useQuery({
    queryKey: ['public-regions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/public/regions'))).items,
    staleTime: 30 * 60_000,
  });
  const options = useMemo(() => toOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      treeData={options}
      loading={regions.isPending}
      status={regions.isError ? 'error' : undefined}
      placeholder={regions.isError ? t('common.loadFailed') : undefined}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={options.map((option) => option.value)}
      style={{ width: '100%' }}
    />
  );
}
