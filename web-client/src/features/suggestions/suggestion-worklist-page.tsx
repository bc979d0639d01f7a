import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SuggestionChannel, SuggestionListItem, SuggestionStatus } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { SuggestionActionDialog } from './suggestion-action-dialog';
import {
  formatDateTime,
  suggestionChannelLabel,
  suggestionChannels,
  suggestionStatusColors,
  suggestionStatusLabel,
  suggestionStatuses,
} from './suggestion-labels';
import { bulkAssignSuggestions, useSuggestions } from './suggestion-queries';

/**
 * The worklist: the jurisdiction's suggestions, newest first, by status, channel and region, a keyset page at a time. A reviewer
 * picks valid suggestions on the page and assigns them to departments at once.
 */
export function SuggestionWorklistPage() {
  const { t, locale } = useI18n();
  const mayRegister = useCapability('handle_suggestions');
  // The status lives in the address (`?status=valid`, `all` for every status), so a link opens the list filtered; those to screen by default.
  const [params, setParams] = useSearchParams();
  const askedStatus = params.get('status');
  const status = askedStatus === 'all' ? undefined : (suggestionStatuses.find((value) => value === askedStatus) ?? 'submitted');
  const [channel, setChannel] = useState<SuggestionChannel | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const pages = useCursorPages(`${status ?? ''}|${channel ?? ''}|${regionId ?? ''}`);
  const suggestions = useSuggestions({ status, channel, regionId, cursor: pages.cursor });
  const [selected, setSelected] = useState<SuggestionListItem[]>([]);
  const [assigning, setAssigning] = useState(false);
  const resetPages = () => {
    pages.reset();
    setSelected([]);
  };

  const columns = [
    {
      title: t('suggestions.title'),
      key: 'title',
      render: (_: unknown, item: SuggestionListItem) => <Link to={`/suggestions/${item.id}`}>{item.title}</Link>,
    },
    {
      title: t('suggestions.status'),
      key: 'status',
      render: (_: unknown, item: SuggestionListItem) => <Tag color={suggestionStatusColors[item.status]}>{suggestionStatusLabel(t, item.status)}</Tag>,
    },
    { title: t('suggestions.channel'), key: 'channel', render: (_: unknown, item: SuggestionListItem) => suggestionChannelLabel(t, item.channel) },
    { title: t('suggestions.topic'), key: 'topic', render: (_: unknown, item: SuggestionListItem) => item.topicTitle ?? t('suggestions.unprompted') },
    { title: t('suggestions.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('suggestions.submittedAt'), key: 'submittedAt', render: (_: unknown, item: SuggestionListItem) => formatDateTime(item.submittedAt, locale) },
  ];

  return (
    <>
      <PageHeader
        title={t('suggestions.worklistTitle')}
        extra={
          mayRegister ? (
            <Link to="/suggestions/new">
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                {t('registerSuggestion.title')}
              </Button>
            </Link>
          ) : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="suggestion-filters">
          <Form.Item label={t('suggestions.status')} htmlFor="suggestion-status-filter">
            <Select<SuggestionStatus>
              id="suggestion-status-filter"
              allowClear
              placeholder={t('common.all')}
              value={status}
              onChange={(next: SuggestionStatus | undefined) => {
                setParams({ status: next ?? 'all' }, { replace: true });
                resetPages();
              }}
              options={suggestionStatuses.map((value) => ({ value, label: suggestionStatusLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('suggestions.channel')} htmlFor="suggestion-channel-filter">
            <Select<SuggestionChannel>
              id="suggestion-channel-filter"
              allowClear
              placeholder={t('common.all')}
              value={channel}
              onChange={(next) => {
                setChannel(next);
                resetPages();
              }}
              options={suggestionChannels.map((value) => ({ value, label: suggestionChannelLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('suggestions.region')}>
            <div style={{ minWidth: 220 }}>
              <RegionTreeSelect
                value={regionId}
                ariaLabel={t('suggestions.region')}
                placeholder={t('common.all')}
                onChange={(next) => {
                  setRegionId(next);
                  resetPages();
                }}
              />
            </div>
          </Form.Item>
        </Form>
      </Card>
      {mayRegister ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button disabled={selected.length === 0} onClick={() => setAssigning(true)}>
            {t('suggestions.bulkAssign', { count: selected.length })}
          </Button>
          <span>{t('suggestions.bulkAssignHint')}</span>
        </Space>
      ) : null}
      {suggestions.isError ? (
        <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : (
        <>
          <Table<SuggestionListItem>
            rowKey="id"
            rowSelection={
              mayRegister
                ? {
                    selectedRowKeys: selected.map((item) => item.id),
                    onChange: (_keys, rows) => setSelected(rows),
                    getCheckboxProps: (item) => ({ disabled: item.status !== 'valid', 'aria-label': t('suggestions.pick', { title: item.title }) }),
                    columnTitle: t('suggestions.pickColumn'),
                  }
                : undefined
            }
            columns={columns}
            dataSource={suggestions.data?.items ?? []}
            loading={suggestions.isPending || suggestions.isFetching}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={t('suggestions.empty')} /> }}
          />
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(suggestions.data?.nextCursor)}
            onPrevious={() => {
              setSelected([]);
              pages.previous();
            }}
            onNext={() => {
              setSelected([]);
              pages.next(suggestions.data?.nextCursor);
            }}
            loading={suggestions.isFetching}
          />
        </>
      )}
      {assigning ? (
        <BulkAssignDialog
          picked={selected}
          onClose={() => setAssigning(false)}
          onAssigned={() => setSelected([])}
        />
      ) : null}
    </>
  );
}

/** Assigns the picked suggestions, each at the version the worklist showed, to the same departments; all or none. */
function BulkAssignDialog({ picked, onClose, onAssigned }: { picked: SuggestionListItem[]; onClose: () => void; onAssigned: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ unitIds?: string[] }>();
  return (
    <SuggestionActionDialog<{ unitIds?: string[] }>
      form={form}
      open
      onClose={onClose}
      name="bulk-assign-suggestions"
      title={t('suggestions.bulkAssignTitle', { count: picked.length })}
      done={t('suggestions.bulkAssigned', { count: picked.length })}
      fields={['unitIds']}
      send={async ({ unitIds }) => {
        const assigned = await bulkAssignSuggestions({ suggestions: picked.map(({ id, version }) => ({ id, version })), unitIds: unitIds ?? [] });
        onAssigned();
        return assigned;
      }}
    >
      <ul aria-label={t('suggestions.picked')}>
        {picked.map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
      <Form.Item name="unitIds" label={t('suggestions.departments')} extra={t('suggestions.departmentsHint')} rules={[{ required: true, message: t('suggestions.required') }]}>
        <UnitSelect mode="multiple" regionId={undefined} />
      </Form.Item>
    </SuggestionActionDialog>
  );
}
