import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SuggestionChannel, SuggestionListItem, SuggestionStatus } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import {
  formatDateTime,
  suggestionChannelLabel,
  suggestionChannels,
  suggestionStatusColors,
  suggestionStatusLabel,
  suggestionStatuses,
} from './suggestion-labels';
import { useSuggestions } from './suggestion-queries';

/** The worklist: the jurisdiction's suggestions, newest first, by status, channel and region, a keyset page at a time. */
export function SuggestionWorklistPage() {
  const { t, locale } = useI18n();
  const mayRegister = useCapability('handle_suggestions');
  const [status, setStatus] = useState<SuggestionStatus | undefined>('submitted');
  const [channel, setChannel] = useState<SuggestionChannel | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const pages = useCursorPages(`${status ?? ''}|${channel ?? ''}|${regionId ?? ''}`);
  const suggestions = useSuggestions({ status, channel, regionId, cursor: pages.cursor });

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
              onChange={(next) => {
                setStatus(next);
                pages.reset();
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
                pages.reset();
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
                  pages.reset();
                }}
              />
            </div>
          </Form.Item>
        </Form>
      </Card>
      {suggestions.isError ? (
        <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : (
        <>
          <Table<SuggestionListItem>
            rowKey="id"
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
            onPrevious={pages.previous}
            onNext={() => pages.next(suggestions.data?.nextCursor)}
            loading={suggestions.isFetching}
          />
        </>
      )}
    </>
  );
}
