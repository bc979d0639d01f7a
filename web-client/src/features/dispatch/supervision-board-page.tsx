import { Breadcrumb, Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SupervisionBoardRegionRow, SupervisionBoardUnitRow } from '../../shared/api/api-types';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { Translate } from '../../shared/i18n/translate';
import { useSupervisionBoard } from './dispatch-queries';

type BoardCounts = Pick<SupervisionBoardUnitRow, 'red' | 'yellow' | 'backlog' | 'repeat' | 'skipLevel' | 'listed' | 'openCases'>;

/** A count that calls for attention is coloured: red cases in red, yellow ones in amber; zero stays plain. */
function Count({ value, tone }: { value: number; tone: 'red' | 'yellow' | 'plain' }) {
  if (value === 0 || tone === 'plain') return <Typography.Text>{value}</Typography.Text>;
  return (
    <Typography.Text strong type={tone === 'red' ? 'danger' : 'warning'} data-tone={tone}>
      {value}
    </Typography.Text>
  );
}

function countColumns<Row extends BoardCounts>(t: Translate): TableColumnsType<Row> {
  return [
    { title: t('board.red'), dataIndex: 'red', render: (value: number) => <Count value={value} tone="red" /> },
    { title: t('board.yellow'), dataIndex: 'yellow', render: (value: number) => <Count value={value} tone="yellow" /> },
    { title: t('board.backlog'), dataIndex: 'backlog', render: (value: number) => <Count value={value} tone="red" /> },
    { title: t('board.repeat'), dataIndex: 'repeat' },
    { title: t('board.skipLevel'), dataIndex: 'skipLevel' },
    { title: t('board.listed'), dataIndex: 'listed' },
    { title: t('board.openCases'), dataIndex: 'openCases' },
  ];
}

function BoardTable<Row extends BoardCounts>(props: {
  title: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  name: { title: string; render: (row: Row) => ReactNode };
  loading: boolean;
  testId: string;
  pager?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card title={props.title} size="small" style={{ marginBottom: 16 }} data-testid={props.testId}>
      <Table<Row>
        rowKey={props.rowKey}
        size="small"
        loading={props.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...props.rows]}
        locale={{ emptyText: <Empty description={t('board.empty')} /> }}
        columns={[{ title: props.name.title, key: 'name', render: (_, row) => props.name.render(row) }, ...countColumns<Row>(t)]}
      />
      {props.pager}
    </Card>
  );
}

/** Where a region's board lives: the region in the query string, so back and forward walk the drill-down. */
const boardOf = (regionId: string | null) => ({ search: regionId ? `?region=${regionId}` : '' });

/**
 * The supervision board 督办: open cases of one region by lead unit (a page at a time) and by the regions directly below
 * it, worst first (the API's order). A region with regions below opens its own board, on the first page of its units;
 * the breadcrumb leads back up to the caller's region.
 */
export function SupervisionBoardPage() {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const regionId = searchParams.get('region') ?? undefined;
  const unitPages = useCursorPages(regionId);
  const board = useSupervisionBoard(regionId, unitPages.cursor ?? undefined);
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  const { region, trail, byUnit, byRegion, today } = board.data;
  return (
    <>
      <PageHeader title={t('board.title')} extra={<Typography.Text type="secondary">{t('board.asOf', { date: today })}</Typography.Text>} />
      <Breadcrumb
        aria-label={t('board.trail')}
        style={{ marginBottom: 12 }}
        items={trail.map((step, index) => ({
          key: step.id,
          title: step.id === region.id ? step.name : <Link to={boardOf(index === 0 ? null : step.id)}>{step.name}</Link>,
        }))}
      />
      <Typography.Paragraph type="secondary">{t('board.legend')}</Typography.Paragraph>
      <BoardTable<SupervisionBoardUnitRow>
        title={t('board.byUnit')}
        rows={byUnit.items}
        rowKey={(row) => row.unitId ?? 'none'}
        name={{ title: t('board.unit'), render: (row) => row.unitName ?? t('board.unassigned') }}
        loading={board.isPlaceholderData}
        testId="board-by-unit"
        pager={
          (unitPages.hasPrevious || byUnit.nextCursor) && (
            <CursorPager
              pageIndex={unitPages.pageIndex}
              hasPrevious={unitPages.hasPrevious}
              hasNext={Boolean(byUnit.nextCursor)}
              loading={board.isFetching}
              onPrevious={unitPages.previous}
              onNext={() => unitPages.next(byUnit.nextCursor)}
            />
          )
        }
      />
      <BoardTable<SupervisionBoardRegionRow>
        title={t('board.byRegion')}
        rows={byRegion}
        rowKey={(row) => row.regionId}
        name={{
          title: t('board.region'),
          render: (row) =>
            row.ownCasesOnly ? (
              t('board.ownCases', { name: row.regionName })
            ) : row.hasSubregions ? (
              <Link to={boardOf(row.regionId)} title={t('board.drillDown', { name: row.regionName })}>
                {row.regionName}
              </Link>
            ) : (
              row.regionName
            ),
        }}
        loading={board.isPlaceholderData}
        testId="board-by-region"
      />
    </>
  );
}
