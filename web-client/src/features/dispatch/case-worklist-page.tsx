import { Button, Card, Empty, Flex, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CaseListItem, WorklistTab } from '../../shared/api/api-types';
import { useCurrentUser } from '../../shared/auth/use-current-user';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { CaseTags } from './case-tags';
import { caseStatusColors, caseStatusLabel, clockStepLabel, worklistTabLabel } from './dispatch-labels';
import { useCaseCounts, useCaseTab } from './dispatch-queries';
import { LightTag } from './light-tag';
import { chooseTab, tabsFor } from './worklist-tabs';

/** The unit worklist: the tabs the user's capabilities open, most urgent deadline first. */
export function CaseWorklistPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = useMemo(() => tabsFor(me.data?.capabilities ?? []), [me.data]);
  const tab = chooseTab(tabs, searchParams.get('tab'));
  const counts = useCaseCounts();

  if (me.isPending) return <Skeleton active />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;

  return (
    <>
      <PageHeader title={t('cases.title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(next) => setSearchParams({ tab: next }, { replace: true })}
          items={tabs.map((key) => {
            const count = counts.data?.[key];
            return {
              key,
              label: (
                <span>
                  {worklistTabLabel(t, key)}
                  {count === undefined ? null : (
                    <Typography.Text type={count > 0 && (key === 'overdue' || key === 'to_sign') ? 'danger' : 'secondary'} style={{ marginLeft: 6 }}>
                      {count}
                    </Typography.Text>
                  )}
                </span>
              ),
            };
          })}
        />
        <CaseTable key={tab} tab={tab} />
      </Card>
    </>
  );
}

function CaseTable({ tab }: { tab: WorklistTab }) {
  const { t } = useI18n();
  const cases = useCaseTab(tab);
  const items = useMemo(() => (cases.data?.pages ?? []).flatMap((page) => page.items), [cases.data]);

  if (cases.isError && items.length === 0) {
    return <LoadError compact error={cases.error} onRetry={() => void cases.refetch()} />;
  }

  return (
    <>
      <Table<CaseListItem>
        rowKey="id"
        loading={cases.isPending || (cases.isFetching && !cases.isFetchingNextPage)}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="case-table"
        locale={{ emptyText: <Empty description={t('cases.empty')} /> }}
        columns={[
          {
            title: t('cases.number'),
            dataIndex: 'number',
            render: (number: string, item) => <Link to={`/cases/${item.id}`}>{number}</Link>,
          },
          { title: t('cases.summary'), dataIndex: 'summary', ellipsis: true, width: 280 },
          { title: t('cases.region'), dataIndex: 'regionName' },
          { title: t('cases.leadUnit'), dataIndex: 'leadUnitName', render: (name: string | null | undefined) => name ?? '—' },
          {
            title: t('cases.status'),
            dataIndex: 'status',
            render: (_, item) => <Tag color={caseStatusColors[item.status]}>{caseStatusLabel(t, item.status)}</Tag>,
          },
          { title: t('cases.step'), dataIndex: 'currentStep', render: (_, item) => clockStepLabel(t, item.currentStep) },
          { title: t('cases.dueOn'), dataIndex: 'currentDueOn' },
          { title: t('cases.light'), dataIndex: 'light', render: (_, item) => <LightTag light={item.light} /> },
          {
            title: t('cases.marks'),
            key: 'marks',
            render: (_, item) => (
              <CaseTags isRepeat={item.isRepeat} isSkipLevel={item.isSkipLevel} isListed={item.isListed} paused={Boolean(item.pausedAt)} />
            ),
          },
          ...(tab === 'agent' ? [] : [{ title: t('cases.agent'), dataIndex: 'agentName', render: (name: string | null | undefined) => name ?? '' }]),
        ]}
      />
      {cases.isError ? <LoadError compact error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
            {t('cases.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
