import { App, Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import type { RoutingRule } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { ConfirmLinkButton } from '../../shared/components/confirm-link-button';
import { CreateButton } from '../../shared/components/create-button';
import { CursorTable } from '../../shared/components/cursor-table';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { categoryName } from '../../shared/categories/category-name';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { CategorySelect } from '../../shared/categories/category-select';
import { RoutingRuleDialog } from './routing-rule-dialog';
import { etagOf, pageSize, useInvalidateRoutingRules, useRoutingRulesPage } from './settings-queries';

export function RoutingRulesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [category, setCategory] = useState<string | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const pages = useCursorPages();
  const rules = useRoutingRulesPage({ category, regionId, cursor: pages.cursor ?? undefined, limit: pageSize });
  const categories = usePetitionCategories();
  const invalidate = useInvalidateRoutingRules();
  const [editing, setEditing] = useState<{ rule: RoutingRule | null } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const remove = async (rule: RoutingRule) => {
    setDeleting(rule.id);
    try {
      await api.DELETE('/api/v1/routing-rules/{id}', { params: { path: { id: rule.id }, header: { 'If-Match': etagOf(rule.version) } } });
      void message.success(t('routing.deleted'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setDeleting(null);
      await invalidate();
    }
  };

  return (
    <>
      <PageHeader
        title={t('routing.title')}
        extra={<CreateButton onClick={() => setEditing({ rule: null })}>{t('routing.create')}</CreateButton>}
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('routing.intro')}</Typography.Paragraph>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <CategorySelect
            allowClear
            ariaLabel={t('routing.filterCategory')}
            placeholder={t('routing.filterCategory')}
            value={category}
            onChange={(next) => {
              setCategory(next);
              pages.reset();
            }}
          />
          <RegionTreeSelect
            ariaLabel={t('routing.filterRegion')}
            placeholder={t('routing.filterRegion')}
            value={regionId}
            onChange={(next) => {
              setRegionId(next);
              pages.reset();
            }}
          />
        </Flex>
        <CursorTable<RoutingRule>
          query={rules}
          pages={pages}
          emptyText={t('routing.empty')}
          columns={[
            { title: t('routing.category'), dataIndex: 'category', render: (code: string) => categoryName(categories.data, code, locale) },
            {
              title: t('routing.region'),
              dataIndex: 'regionName',
              render: (name: string | null | undefined) => name ?? t('routing.unknownRegion'),
            },
            {
              title: t('routing.unit'),
              dataIndex: 'unitName',
              render: (name: string | null | undefined) => name ?? t('routing.unknownUnit'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, rule) => (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setEditing({ rule })}>
                    {t('common.edit')}
                  </Button>
                  <ConfirmLinkButton confirm={t('routing.confirmDelete')} onConfirm={() => remove(rule)} loading={deleting === rule.id}>
                    {t('routing.delete')}
                  </ConfirmLinkButton>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RoutingRuleDialog open={editing !== null} rule={editing?.rule ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
