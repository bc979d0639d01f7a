import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DisputeListItem, DisputeSource, DisputeStatus, Performance } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { disputeSourceLabel, disputeSources, disputeStatusColors, disputeStatusLabel, disputeStatuses, performanceColors, performanceLabel } from './dispute-labels';
import { useDisputes } from './dispute-queries';
import { disputeTypeName } from './mediation-labels';
import { useDisputeTypes } from './mediation-queries';

const tabs = ['all', 'awaitingPerformance', 'confirmationDueSoon'] as const;
type Tab = (typeof tabs)[number];

/**
 * The dispute worklist of the caller's jurisdiction, latest first, with filters and keyset pages; its second tab lists the
 * agreements no return visit has yet found performed, for action, and its third the agreements whose last day to apply for
 * judicial confirmation is near (the rule set's reminder days) and that no court has been asked to confirm.
 */
export function DisputesPage() {
  const { t, locale } = useI18n();
  const mayRegister = useCapability('mediate_disputes');
  const types = useDisputeTypes();
  // The status and the tab live in the address (`?status=registered`, `?tab=awaitingPerformance`), so a link opens the list filtered.
  const [params, setParams] = useSearchParams();
  const [otherFilters, setFilters] = useState<{ source?: DisputeSource; disputeType?: string; regionId?: string }>({});
  const status = disputeStatuses.find((value) => value === params.get('status'));
  const filters = { ...otherFilters, ...(status ? { status } : {}) };
  const tab: Tab = tabs.find((known) => known === params.get('tab')) ?? 'all';
  const pages = useCursorPages(params.toString());
  const awaiting = tab === 'awaitingPerformance';
  const tabFilter = awaiting ? { status: undefined, awaitingPerformance: true } : tab === 'confirmationDueSoon' ? { status: undefined, confirmationDueSoon: true } : {};
  const disputes = useDisputes({ ...filters, ...tabFilter, cursor: pages.cursor ?? undefined });
  const changeParam = (name: string, value: string | undefined) => {
    const merged = new URLSearchParams(params);
    if (value === undefined) merged.delete(name);
    else merged.set(name, value);
    setParams(merged, { replace: true });
  };
  const change = (next: { source?: DisputeSource; disputeType?: string; regionId?: string }) => {
    setFilters((current) => ({ ...current, ...next }));
    pages.reset();
  };

  const columns: TableColumnsType<DisputeListItem> = [
    {
      title: t('disputes.number'),
      dataIndex: 'number',
      render: (number: string, dispute) => <Link to={`/mediation/disputes/${dispute.id}`}>{number}</Link>,
    },
    {
      title: t('disputes.status'),
      dataIndex: 'status',
      render: (status: DisputeStatus, dispute) => (
        <>
          <Tag color={disputeStatusColors[status]} variant="solid">
            {disputeStatusLabel(t, status)}
          </Tag>
          {dispute.clockOverdue ? <Tag color="red">{t('disputes.clockOverdue')}</Tag> : null}
        </>
      ),
    },
    ...(awaiting
      ? [
          {
            title: t('disputes.performance'),
            dataIndex: 'performance',
            render: (performance: Performance | null) =>
              performance ? <Tag color={performanceColors[performance]}>{performanceLabel(t, performance)}</Tag> : t('performance.unvisited'),
          },
        ]
      : []),
    { title: t('disputes.type'), dataIndex: 'disputeType', render: (code: string) => disputeTypeName(types.data, code, locale) },
    {
      title: t('disputes.parties'),
      key: 'parties',
      render: (_, dispute) =>
        dispute.applicantNames || dispute.respondentNames
          ? t('disputes.partiesLine', { applicants: dispute.applicantNames, respondents: dispute.respondentNames })
          : '—',
    },
    { title: t('disputes.source'), dataIndex: 'source', render: (source: DisputeSource) => disputeSourceLabel(t, source) },
    { title: t('disputes.region'), dataIndex: 'regionName' },
    { title: t('disputes.room'), dataIndex: 'roomName', render: (room: string | null) => room ?? t('disputes.noRoom') },
    { title: t('disputes.leadMediator'), dataIndex: 'leadMediatorName', render: (name: string | null) => name ?? '—' },
    { title: t('disputes.registeredAt'), dataIndex: 'registeredAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
  ];

  return (
    <>
      <PageHeader
        title={t('disputes.title')}
        extra={
          mayRegister ? (
            <Link to="/mediation/disputes/new">
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                {t('disputes.register')}
              </Button>
            </Link>
          ) : undefined
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => changeParam('tab', key === 'all' ? undefined : tabs.find((known) => known === key))}
        items={[
          { key: 'all', label: t('disputes.tabAll') },
          { key: 'awaitingPerformance', label: t('disputes.tabAwaitingPerformance') },
          { key: 'confirmationDueSoon', label: t('disputes.tabConfirmationDueSoon') },
        ]}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="dispute-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t('disputes.status')} htmlFor="dispute-filter-status">
            <Select<DisputeStatus>
              id="dispute-filter-status"
              disabled={tab !== 'all'}
              allowClear
              placeholder={t('common.all')}
              value={filters.status}
              onChange={(next: DisputeStatus | undefined) => changeParam('status', next)}
              options={disputeStatuses.map((value) => ({ value, label: disputeStatusLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('disputes.source')} htmlFor="dispute-filter-source">
            <Select<DisputeSource>
              id="dispute-filter-source"
              allowClear
              placeholder={t('common.all')}
              value={filters.source}
              onChange={(source) => change({ source })}
              options={disputeSources.map((value) => ({ value, label: disputeSourceLabel(t, value) }))}
              style={{ minWidth: 160 }}
            />
          </Form.Item>
          <Form.Item label={t('disputes.type')} htmlFor="dispute-filter-type">
            <Select<string>
              id="dispute-filter-type"
              allowClear
              placeholder={t('common.all')}
              value={filters.disputeType}
              onChange={(disputeType) => change({ disputeType })}
              options={(types.data ?? []).map((type) => ({ value: type.code, label: locale === 'en' ? type.nameEn : type.nameZh }))}
              style={{ minWidth: 160 }}
            />
          </Form.Item>
          <Form.Item label={t('disputes.region')} htmlFor="dispute-filter-region">
            <RegionTreeSelect id="dispute-filter-region" placeholder={t('common.all')} value={filters.regionId} onChange={(regionId) => change({ regionId })} />
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        {disputes.isError ? (
          <LoadError compact error={disputes.error} onRetry={() => void disputes.refetch()} />
        ) : (
          <>
            <Table<DisputeListItem>
              rowKey="id"
              loading={disputes.isFetching}
              dataSource={disputes.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t('disputes.empty')} /> }}
              columns={columns}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(disputes.data?.nextCursor)}
              loading={disputes.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(disputes.data?.nextCursor)}
            />
          </>
        )}
      </Card>
    </>
  );
}
