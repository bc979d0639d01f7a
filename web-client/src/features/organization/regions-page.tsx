import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Input, Popconfirm, Row, Skeleton, Space, Switch, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { Region } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { useCapability } from '../../shared/auth/capabilities';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { regionLevelLabel } from '../../shared/i18n/labels';
import { countNodes, filterRegionTree, type RegionTreeNode } from '../../shared/regions/build-region-tree';
import { useRegionTree } from '../../shared/regions/use-regions';
import { useInvalidateRegions } from './organization-queries';
import { VillageFormModal, type VillageFormTarget } from './village-form-modal';

function allKeys(nodes: readonly RegionTreeNode<Region>[]): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? [node.key, ...allKeys(node.children)] : []));
}

export function RegionsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useCapability('manage_organization');
  const [includeRetired, setIncludeRetired] = useState(false);
  const regions = useRegionTree(canManage && includeRetired);
  const invalidateRegions = useInvalidateRegions();
  const [villageForm, setVillageForm] = useState<VillageFormTarget | null>(null);
  const [retiring, setRetiring] = useState(false);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const visibleTree = useMemo(() => filterRegionTree(regions.tree, search), [regions.tree, search]);
  const expandedKeys = search.trim() ? allKeys(visibleTree) : (expanded ?? regions.tree.map((node) => node.key));
  const selected = regions.data?.find((region) => region.id === selectedId);

  const retire = async (village: Region) => {
    setRetiring(true);
    try {
      await unwrap(
        api.POST('/api/v1/regions/{id}/retire', {
          params: { path: { id: village.id }, header: { 'If-Match': `"${village.version}"` } },
        }),
      );
      void message.success(t('regions.villageRetired', { name: village.name }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setRetiring(false);
      await invalidateRegions();
    }
  };

  const adminActions = (region: Region) => {
    if (region.level === 'town') {
      return (
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setVillageForm({ mode: 'create', town: region })}>
          {t('regions.createVillage')}
        </Button>
      );
    }
    if (region.level !== 'village' || region.retiredAt) return null;
    return (
      <Space wrap>
        <Button onClick={() => setVillageForm({ mode: 'rename', village: region })}>{t('regions.renameVillage')}</Button>
        <Popconfirm
          title={t('regions.confirmRetire', { name: region.name })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => retire(region)}
        >
          <Button danger loading={retiring}>
            {t('regions.retireVillage')}
          </Button>
        </Popconfirm>
      </Space>
    );
  };

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
                {canManage ? (
                  <Space style={{ marginBottom: 12 }}>
                    <Switch aria-label={t('regions.showRetired')} checked={includeRetired} onChange={setIncludeRetired} />
                    {t('regions.showRetired')}
                  </Space>
                ) : null}
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
          <Card title={t('regions.details')} extra={canManage && selected ? adminActions(selected) : null}>
            {selected ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('regions.name')}>{selected.name}</Descriptions.Item>
                <Descriptions.Item label={t('regions.code')}>{selected.code}</Descriptions.Item>
                <Descriptions.Item label={t('regions.level')}>{regionLevelLabel(t, selected.level)}</Descriptions.Item>
                <Descriptions.Item label={t('regions.path')}>{selected.path}</Descriptions.Item>
                <Descriptions.Item label={t('regions.status')}>
                  {selected.retiredAt ? <Tag>{t('regions.retired')}</Tag> : <Tag color="green">{t('regions.active')}</Tag>}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('regions.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <VillageFormModal target={villageForm} onClose={() => setVillageForm(null)} />
    </>
  );
}
