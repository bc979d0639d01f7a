import { Card, Empty, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Unit, UnitKind } from '../../shared/api/api-types';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { unitKindLabel } from '../../shared/i18n/labels';
import { pageSize, useUnitsPage } from './organization-queries';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { unitKinds } from './unit-kinds';

export function UnitsPage() {
  const { t } = useI18n();
  const [regionId, setRegionId] = useState<string | undefined>();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const pages = useCursorPages();
  const units = useUnitsPage({ regionId, kind, cursor: pages.cursor ?? undefined, limit: pageSize });

  return (
    <>
      <PageHeader title={t('units.title')} />
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
              locale={{ emptyText: <Empty description={t('common.empty')} /> }}
              columns={[
                { title: t('units.name'), dataIndex: 'name' },
                {
                  title: t('units.kind'),
                  dataIndex: 'kind',
                  render: (value: string) => <Tag>{unitKindLabel(t, value)}</Tag>,
                },
                { title: t('units.region'), dataIndex: 'regionName' },
              ]}
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
    </>
  );
}
