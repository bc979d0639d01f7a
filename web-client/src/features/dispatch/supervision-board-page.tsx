import { Card, Empty, Table, Typography } from 'antd';
import type { SupervisionBoardRow } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useSupervisionBoard } from './dispatch-queries';

/** A count that calls for attention is coloured: red cases in red, yellow ones in amber; zero stays plain. */
function Count({ value, tone }: { value: number; tone: 'red' | 'yellow' | 'plain' }) {
  if (value === 0 || tone === 'plain') return <Typography.Text>{value}</Typography.Text>;
  return (
    <Typography.Text strong type={tone === 'red' ? 'danger' : 'warning'} data-tone={tone}>
      {value}
    </Typography.Text>
  );
}

function BoardTable({ title, rows, by, testId }: { title: string; rows: readonly SupervisionBoardRow[]; by: 'unit' | 'region'; testId: string }) {
  const { t } = useI18n();
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Table<SupervisionBoardRow>
        rowKey={(row) => (by === 'unit' ? (row.unitId ?? 'none') : (row.regionId ?? 'none'))}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        dataSource={[...rows]}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        columns={[
          by === 'unit'
            ? { title: t('board.unit'), key: 'name', render: (_, row) => row.unitName ?? t('board.unassigned') }
            : { title: t('board.region'), key: 'name', render: (_, row) => row.regionName ?? '—' },
          { title: t('board.red'), dataIndex: 'red', render: (value: number) => <Count value={value} tone="red" /> },
          { title: t('board.yellow'), dataIndex: 'yellow', render: (value: number) => <Count value={value} tone="yellow" /> },
          { title: t('board.backlog'), dataIndex: 'backlog', render: (value: number) => <Count value={value} tone="red" /> },
          { title: t('board.repeat'), dataIndex: 'repeat' },
          { title: t('board.skipLevel'), dataIndex: 'skipLevel' },
          { title: t('board.listed'), dataIndex: 'listed' },
          { title: t('board.openCases'), dataIndex: 'openCases' },
        ]}
      />
    </Card>
  );
}

/** The supervision board 督办: open cases by lead unit and by region, worst first (the API's order). */
export function SupervisionBoardPage() {
  const { t } = useI18n();
  const board = useSupervisionBoard();
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('board.title')}
        extra={<Typography.Text type="secondary">{t('board.asOf', { date: board.data.today })}</Typography.Text>}
      />
      <Typography.Paragraph type="secondary">{t('board.legend')}</Typography.Paragraph>
      <BoardTable title={t('board.byUnit')} rows={board.data.byUnit} by="unit" testId="board-by-unit" />
      <BoardTable title={t('board.byRegion')} rows={board.data.byRegion} by="region" testId="board-by-region" />
    </>
  );
}
