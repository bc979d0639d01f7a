import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { Unit, UnitKind } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { unitKindLabel } from '../../shared/i18n/labels';
import { pageSize, useFreshVersionedUnit, useInvalidateUnits, useUnitsPage } from './organization-queries';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitFormModal } from './unit-form-modal';
import { unitKinds } from './unit-kinds';

export function UnitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useCapability('manage_organization');
  const [regionId, setRegionId] = useState<string | undefined>();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [includeRetired, setIncludeRetired] = useState(false);
  const pages = useCursorPages();
  const units = useUnitsPage({
    regionId,
    kind,
    includeRetired: includeRetired || undefined,
    cursor: pages.cursor ?? undefined,
    limit: pageSize,
  });
  const freshUnit = useFreshVersionedUnit();
  const invalidateUnits = useInvalidateUnits();
  const [form, setForm] = useState<{ unitId: string | null } | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);

  const retire = async (unit: Unit) => {
    setRetiring(unit.id);
    try {
      const { etag } = await freshUnit(unit.id);
      await unwrap(api.POST('/api/v1/units/{id}/retire', { params: { path: { id: unit.id }, header: { 'If-Match': etag } } }));
      void message.success(t('units.retiredDone', { name: unit.name }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setRetiring(null);
      await invalidateUnits();
    }
  };

  const columns: TableColumnsType<Unit> = [
    { title: t('units.name'), dataIndex: 'name' },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      render: (value: string) => <Tag>{unitKindLabel(t, value)}</Tag>,
    },
    { title: t('units.region'), dataIndex: 'regionName' },
    { title: t('units.parentUnit'), dataIndex: 'parentUnitName' },
    { title: t('units.contactPhone'), dataIndex: 'contactPhone' },
  ];
  if (canManage) {
    columns.push(
      {
        title: t('units.status'),
        dataIndex: 'retiredAt',
        render: (retiredAt: string | null | undefined) =>
          retiredAt ? <Tag color="default">{t('units.retired')}</Tag> : <Tag color="green">{t('units.active')}</Tag>,
      },
      {
        title: t('common.actions'),
        key: 'actions',
        render: (_, unit) =>
          unit.retiredAt ? null : (
            <Space size={0} wrap>
              <Button type="link" onClick={() => setForm({ unitId: unit.id })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('units.confirmRetire', { name: unit.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => retire(unit)}
              >
                <Button type="link" danger loading={retiring === unit.id}>
                  {t('units.retire')}
                </Button>
              </Popconfirm>
            </Space>
          ),
      },
    );
  }

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ unitId: null })}>
              {t('units.create')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            ariaLabel={t('units.filterRegion')}
            placeholder={t('units.filterRegion')}
            value={regionId}
            onChange={(next) => {
              setRegionId(next);
              pages.reset();
            }}
          />
          <Select<UnitKind>
            aria-label={t('units.filterKind')}
            placeholder={t('units.filterKind')}
            allowClear
            value={kind}
            onChange={(next) => {
              setKind(next);
              pages.reset();
            }}
            options={unitKinds.map((value) => ({ value, label: unitKindLabel(t, value) }))}
            style={{ minWidth: 200 }}
          />
          {canManage ? (
            <Space>
              <Switch
                aria-label={t('units.showRetired')}
                checked={includeRetired}
                onChange={(next) => {
                  setIncludeRetired(next);
                  pages.reset();
                }}
              />
              {t('units.showRetired')}
            </Space>
          ) : null}
        </Space>
        {units.isError ? (
          <LoadError compact error={units.error} onRetry={() => void units.refetch()} />
        ) : (
          <>
            <Table<Unit>
              rowKey="id"
              loading={units.isFetching}
              dataSource={units.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t('common.empty')} /> }}
              columns={columns}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(units.data?.nextCursor)}
              loading={units.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(units.data?.nextCursor)}
            />
          </>
        )}
      </Card>
      <UnitFormModal open={form !== null} unitId={form?.unitId ?? null} onClose={() => setForm(null)} />
    </>
  );
}
