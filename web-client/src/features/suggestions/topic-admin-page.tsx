import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import type { SuggestionTopicAction, SuggestionTopicListItem, SuggestionTopicStatus } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { closeTopic, concludeTopic, publishTopic } from './topic-actions';
import { TopicFormDialog } from './topic-form-dialog';
import { topicActionLabel, topicFailureMessage, topicStatusColors, topicStatusLabel, topicStatuses } from './topic-labels';
import { useInvalidateTopics, useTopic, useTopics } from './topic-queries';

/** The topics 议题 of the caller's jurisdiction: drafted, published, closed and concluded here. */
export function TopicAdminPage() {
  const { t } = useI18n();
  const mayManage = useCapability('manage_suggestion_topics');
  const [status, setStatus] = useState<SuggestionTopicStatus | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const pages = useCursorPages(`${status ?? ''}|${regionId ?? ''}`);
  const topics = useTopics({ status, regionId, cursor: pages.cursor });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | undefined>();

  const columns = [
    {
      title: t('topics.title'),
      key: 'title',
      render: (_: unknown, topic: SuggestionTopicListItem) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(topic.id)}>
          {topic.title}
        </Button>
      ),
    },
    {
      title: t('topics.status'),
      key: 'status',
      render: (_: unknown, topic: SuggestionTopicListItem) => <Tag color={topicStatusColors[topic.status]}>{topicStatusLabel(t, topic.status)}</Tag>,
    },
    { title: t('topics.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('topics.unit'), dataIndex: 'unitName', key: 'unit' },
    {
      title: t('topics.period'),
      key: 'period',
      render: (_: unknown, topic: SuggestionTopicListItem) => t('topics.periodValue', { from: topic.opensOn, to: topic.closesOn }),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('topics.pageTitle')}
        extra={
          mayManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('topics.new')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="topic-filters">
          <Form.Item label={t('topics.status')} htmlFor="topic-status-filter">
            <Select<SuggestionTopicStatus>
              id="topic-status-filter"
              allowClear
              placeholder={t('common.all')}
              value={status}
              onChange={(next) => {
                setStatus(next);
                pages.reset();
              }}
              options={topicStatuses.map((value) => ({ value, label: topicStatusLabel(t, value) }))}
              style={{ minWidth: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('topics.region')}>
            <div style={{ minWidth: 220 }}>
              <RegionTreeSelect
                value={regionId}
                ariaLabel={t('topics.region')}
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
      {topics.isError ? (
        <LoadError error={topics.error} onRetry={() => void topics.refetch()} />
      ) : (
        <>
          <Table<SuggestionTopicListItem>
            rowKey="id"
            columns={columns}
            dataSource={topics.data?.items ?? []}
            loading={topics.isPending || topics.isFetching}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: <Empty description={t('topics.empty')} /> }}
          />
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(topics.data?.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(topics.data?.nextCursor)}
            loading={topics.isFetching}
          />
        </>
      )}
      <TopicFormDialog open={creating} onClose={() => setCreating(false)} onCreated={setOpenId} />
      <TopicDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </>
  );
}

/** A topic in full with the actions its status and the caller's roles allow. */
export function TopicDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const topic = useTopic(id);
  const invalidate = useInvalidateTopics();
  const [editing, setEditing] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<SuggestionTopicAction | null>(null);

  const act = async (action: SuggestionTopicAction, change: () => Promise<unknown>, done: string) => {
    setBusy(action);
    setFailure(null);
    try {
      await change();
      void message.success(done);
      await invalidate();
    } catch (error) {
      setFailure(topicFailureMessage(null, error, [], t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setBusy(null);
    }
  };

  const data = topic.data;
  const allowed = data?.topic.allowedActions ?? [];
  return (
    <Drawer
      open={id !== undefined}
      onClose={() => {
        setFailure(null);
        onClose();
      }}
      title={data?.topic.title ?? t('topics.detail')}
      size="large"
      destroyOnHidden
    >
      {topic.isPending ? (
        <Typography.Text>{t('common.loading')}</Typography.Text>
      ) : topic.isError ? (
        <LoadError error={topic.error} onRetry={() => void topic.refetch()} compact />
      ) : (
        <Flex vertical gap={16}>
          {failure ? <Alert type="error" showIcon title={failure} role="alert" /> : null}
          <Space wrap>
            <Tag color={topicStatusColors[topic.data.topic.status]}>{topicStatusLabel(t, topic.data.topic.status)}</Tag>
            {topic.data.topic.takesSuggestions ? <Tag color="green">{t('topics.takesSuggestions')}</Tag> : null}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('topics.region')}>{topic.data.topic.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('topics.unit')}>{topic.data.topic.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('topics.period')}>
              {t('topics.periodValue', { from: topic.data.topic.opensOn, to: topic.data.topic.closesOn })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{topic.data.topic.description}</Typography.Paragraph>
          {topic.data.topic.summary ? (
            <Card size="small" title={t('topics.summary')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{topic.data.topic.summary}</Typography.Paragraph>
            </Card>
          ) : null}
          <Space wrap>
            {allowed.includes('change') ? <Button onClick={() => setEditing(true)}>{topicActionLabel(t, 'change')}</Button> : null}
            {allowed.includes('publish') ? (
              <Popconfirm
                title={t('topics.publishConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => act('publish', () => publishTopic(topic.data.topic.id, topic.data.etag), t('topics.publishedDone'))}
              >
                <Button type="primary" loading={busy === 'publish'}>
                  {topicActionLabel(t, 'publish')}
                </Button>
              </Popconfirm>
            ) : null}
            {allowed.includes('close') ? (
              <Popconfirm
                title={t('topics.closeConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => act('close', () => closeTopic(topic.data.topic.id, topic.data.etag), t('topics.closedDone'))}
              >
                <Button loading={busy === 'close'}>{topicActionLabel(t, 'close')}</Button>
              </Popconfirm>
            ) : null}
            {allowed.includes('conclude') ? (
              <Button type="primary" onClick={() => setConcluding(true)}>
                {topicActionLabel(t, 'conclude')}
              </Button>
            ) : null}
          </Space>
          <TopicFormDialog open={editing} onClose={() => setEditing(false)} editing={topic.data} />
          <ConcludeDialog
            open={concluding}
            onClose={() => setConcluding(false)}
            onConclude={(summary) => concludeTopic(topic.data.topic.id, topic.data.etag, summary)}
          />
        </Flex>
      )}
    </Drawer>
  );
}

function ConcludeDialog({ open, onClose, onConclude }: { open: boolean; onClose: () => void; onConclude: (summary: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ summary?: string }>();
  const invalidate = useInvalidateTopics();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ summary }: { summary?: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await onConclude(summary?.trim() ?? '');
      void message.success(t('topics.concludedDone'));
      onClose();
      await invalidate();
    } catch (error) {
      setFailure(topicFailureMessage(form, error, ['summary'], t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={topicActionLabel(t, 'conclude')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="conclude-topic" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="summary"
          label={t('topics.summary')}
          extra={t('topics.summaryHint')}
          rules={[{ required: true, whitespace: true, message: t('topics.required') }, { max: 8000 }]}
        >
          <Input.TextArea rows={6} maxLength={8000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
