import { Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DiaryMatterListItem, DiaryMatterProposal } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { DiaryGroupDialog } from './diary-group-dialog';
import { formatDay } from './diary-labels';
import { useDiaryMatterProposals, useDiaryMatters } from './diary-queries';
import { formatDateTime } from './suggestion-labels';

// A link inside a line of text is underlined: told apart from the text by more than its colour.
const inTextLink = { textDecoration: 'underline' } as const;

/** The grouping proposals (similar open entries of one village) above the kinds of matter 同类事项 grouped so far. */
export function DiaryMattersPage() {
  const { t, locale } = useI18n();
  const mayGroup = useCapability('keep_diary');
  const [regionId, setRegionId] = useState<string | undefined>();
  const [grouping, setGrouping] = useState<DiaryMatterProposal | null>(null);
  const proposals = useDiaryMatterProposals(regionId);
  const pages = useCursorPages(regionId ?? '');
  const matters = useDiaryMatters(regionId, pages.cursor);

  const columns = [
    { title: t('diary.matterTitle'), key: 'title', render: (_: unknown, m: DiaryMatterListItem) => <Link to={`/diary/matters/${m.id}`}>{m.title}</Link> },
    { title: t('diary.households'), dataIndex: 'householdCount', key: 'households' },
    { title: t('diary.entries'), dataIndex: 'entryCount', key: 'entries' },
    { title: t('diary.village'), dataIndex: 'regionName', key: 'region' },
    {
      title: t('diary.became'),
      key: 'became',
      render: (_: unknown, m: DiaryMatterListItem) =>
        m.convertedTo ? (
          <Tag color="green">{m.convertedTo === 'petition' ? `${t('diary.becamePetition')} ${m.petitionNumber ?? ''}` : t('diary.becameSuggestion')}</Tag>
        ) : (
          <Tag>{t('diary.notYetConverted')}</Tag>
        ),
    },
    { title: t('diary.groupedAt'), key: 'createdAt', render: (_: unknown, m: DiaryMatterListItem) => formatDateTime(m.createdAt, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('diary.mattersTitle')}
        extra={
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
        }
      />
      <Card size="small" title={t('diary.proposalsTitle')} style={{ marginBottom: 16 }}>
        {proposals.isError ? (
          <LoadError error={proposals.error} onRetry={() => void proposals.refetch()} />
        ) : (
          <List
            loading={proposals.isPending}
            dataSource={proposals.data ?? []}
            locale={{ emptyText: <Empty description={t('diary.noProposals')} /> }}
            renderItem={(proposal) => (
              <List.Item
                actions={
                  mayGroup
                    ? [
                        <Button key="group" type="link" onClick={() => setGrouping(proposal)}>
                          {t('diary.group')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Typography.Text strong>{proposal.suggestedTitle}</Typography.Text>
                      <Tag color="purple">{t('diary.householdCount', { count: proposal.householdCount })}</Tag>
                      <Typography.Text type="secondary">{proposal.regionName}</Typography.Text>
                    </Space>
                  }
                  description={proposal.entries.map((e) => (
                    <div key={e.id}>
                      <Link to={`/diary/entries/${e.id}`} style={inTextLink}>{e.household}</Link> · {formatDay(e.visitedOn, locale)} · {e.matter}
                    </div>
                  ))}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {matters.isError ? (
        <LoadError error={matters.error} onRetry={() => void matters.refetch()} />
      ) : (
        <>
          <Table<DiaryMatterListItem>
            rowKey="id"
            columns={columns}
            dataSource={matters.data?.items ?? []}
            loading={matters.isPending || matters.isFetching}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t('diary.noMatters')} /> }}
          />
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(matters.data?.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(matters.data?.nextCursor)}
            loading={matters.isFetching}
          />
        </>
      )}
      <DiaryGroupDialog
        entryIds={grouping?.entries.map((e) => e.id) ?? []}
        defaultTitle={grouping?.suggestedTitle ?? ''}
        open={grouping !== null}
        onClose={() => setGrouping(null)}
      />
    </>
  );
}
