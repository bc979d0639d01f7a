import { Card, Col, Descriptions, Empty, Input, Row, Skeleton, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Region } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { regionLevelLabel } from '../../shared/i18n/labels';
import { countNodes, filterRegionTree, type RegionTreeNode } from '../../shared/regions/build-region-tree';
import { useRegionTree } from '../../shared/regions/use-regions';

function allKeys(nodes: readonly RegionTreeNode<Region>[]): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? [node.key, ...allKeys(node.children)] : []));
}

export function RegionsPage() {
  const { t } = useI18n();
  const regions = useRegionTree();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const visibleTree = useMemo(() => filterRegionTree(regions.tree, search), [regions.tree, search]);
  const expandedKeys = search.trim() ? allKeys(visibleTree) : (expanded ?? regions.tree.map((node) => node.key));
  const selected = regions.data?.find((region) => region.id === selectedId);

  return (
    <>
      <PageHeader title={t('regions.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={regions.data ? t('regions.count', { count: countNodes(regions.tree) }) : t('regions.title')}
          >
            {regions.isPending ? (
              <Skeleton active />
            ) : regions.isError ? (
              <LoadError compact error={regions.error} onRetry={() => void regions.refetch()} />
            ) : (
              <>
                <Input.Search
                  allowClear
                  aria-label={t('regions.search')}
                  placeholder={t('regions.search')}
                  onChange={(event) => setSearch(event.target.value)}
                  style={{ marginBottom: 12 }}
                />
                {visibleTree.length === 0 ? (
                  <Empty description={t('common.empty')} />
                ) : (
                  <Tree
                    data-testid="region-tree"
                    showLine
                    treeData={visibleTree}
                    expandedKeys={expandedKeys}
                    onExpand={(keys) => setExpanded(keys.map(String))}
                    selectedKeys={selectedId ? [selectedId] : []}
                    onSelect={(keys) => setSelectedId(keys[0] === undefined ? null : String(keys[0]))}
                  />
                )}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('regions.details')}>
            {selected ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('regions.name')}>{selected.name}</Descriptions.Item>
                <Descriptions.Item label={t('regions.code')}>{selected.code}</Descriptions.Item>
                <Descriptions.Item label={t('regions.level')}>{regionLevelLabel(t, selected.level)}</Descriptions.Item>
                <Descriptions.Item label={t('regions.path')}>{selected.path}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('regions.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
