import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DiaryEntryKind, DiaryEntryListItem, DiaryEntryState } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { diaryEntryKinds, diaryEntryStates, diaryKindLabel, diaryStateColors, diaryStateLabel, formatDay } from './diary-labels';
import { useDiaryEntries } from './diary-queries';

/** The people's-sentiment diary of the jurisdiction, latest visit first, by kind, state and region. */
export function DiaryListPage() {
  const { t, locale } = useI18n();
  const mayLog = useCapability('keep_diary');
  const [kind, setKind] = useState<DiaryEntryKind | undefined>();
  const [state, setState] = useState<DiaryEntryState | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const pages = useCursorPages(`${kind ?? ''}|${state ?? ''}|${regionId ?? ''}`);
  const entries = useDiaryEntries({ kind, state, regionId, cursor: pages.cursor });

  const columns = [
    {
      title: t('diary.matter'),
      key: 'matter',
      render: (_: unknown, item: DiaryEntryListItem) => (
        <Link to={`/diary/entries/${item.id}`}>{item.matter.length > 60 ? `${item.matter.slice(0, 60)}…` : item.matter}</Link>
      ),
    },
    { title: t('diary.household'), dataIndex: 'household', key: 'household' },
    {
      title: t('diary.kind'),
      key: 'kind',
      render: (_: unknown, item: DiaryEntryListItem) => (item.source ? `${diaryKindLabel(t, item.kind)} · ${item.source}` : diaryKindLabel(t, item.kind)),
    },
    {
      title: t('diary.state'),
      key: 'state',
      render: (_: unknown, item: DiaryEntryListItem) => <Tag color={diaryStateColors[item.state]}>{diaryStateLabel(t, item.state)}</Tag>,
    },
    { title: t('diary.village'), dataIndex: 'regionName', key: 'region' },
    { title: t('diary.visitedOn'), key: 'visitedOn', render: (_: unknown, item: DiaryEntryListItem) => formatDay(item.visitedOn, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('diary.title')}
        extra={
          <Space wrap>
            <Link to="/diary/matters">
              <Button>{t('diary.mattersTitle')}</Button>
            </Link>
            {mayLog ? (
              <Link to="/diary/new">
                <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                  {t('diary.logTitle')}
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="diary-filters">
          <Form.Item label={t('diary.kind')} htmlFor="diary-kind-filter">
            <Select<DiaryEntryKind>
              id="diary-kind-filter"
              allowClear
              placeholder={t('common.all')}
              value={kind}
              onChange={(next) => {
                setKind(next);
                pages.reset();
              }}
              options={diaryEntryKinds.map((value) => ({ value, label: diaryKindLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('diary.state')} htmlFor="diary-state-filter">
            <Select<DiaryEntryState>
              id="diary-state-filter"
              allowClear
              placeholder={t('common.all')}
              value={state}
              onChange={(next) => {
                setState(next);
                pages.reset();
              }}
              options={diaryEntryStates.map((value) => ({ value, label: diaryStateLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('diary.village')}>
            <div style={{ minWidth: 220 }}>
              <RegionTreeSelect
                value={regionId}
                ariaLabel={t('diary.village')}
                placeholder={t('common.all')}
                onChange={(next) => {
                  setRegionId(next);
                  pages.reset();
                }}
              />
            </div>
          </Form.Item>
        </Form>
      </Card>
      {entries.isError ? (
        <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <>
          <Table<DiaryEntryListItem>
            rowKey="id"
            columns={columns}
            dataSource={entries.data?.items ?? []}
            loading={entries.isPending || entries.isFetching}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t('diary.empty')} /> }}
          />
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(entries.data?.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(entries.data?.nextCursor)}
            loading={entries.isFetching}
          />
        </>
      )}
    </>
  );
}
