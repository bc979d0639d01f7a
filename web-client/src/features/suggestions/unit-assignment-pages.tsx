import { Button, Card, Descriptions, Empty, Flex, Form, Input, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SuggestionOutcome, UnitAssignmentDetail, UnitAssignmentItem } from '../../shared/api/api-types';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { SuggestionActionDialog } from './suggestion-action-dialog';
import {
  answerTemplate,
  formatDateTime,
  suggestionChannelLabel,
  suggestionOutcomeColors,
  suggestionOutcomeLabel,
  suggestionOutcomes,
  suggestionStatusColors,
  suggestionStatusLabel,
} from './suggestion-labels';
import { answerUnitAssignment, useUnitAssignment, useUnitAssignments } from './suggestion-queries';

type AnsweredFilter = 'open' | 'answered' | 'all';

const answeredOf: Record<AnsweredFilter, boolean | undefined> = { open: false, answered: true, all: undefined };
const answeredFilters = Object.keys(answeredOf) as AnsweredFilter[];

/** A department's worklist: the suggestions assigned to the caller's unit, the earliest due first; those awaiting its answer by default. */
export function UnitAssignmentsPage() {
  const { t, locale } = useI18n();
  // The filter lives in the address (`?filter=answered`), so a link opens the list filtered; those awaiting the answer by default.
  const [params, setParams] = useSearchParams();
  const filter = answeredFilters.find((value) => value === params.get('filter')) ?? 'open';
  const pages = useCursorPages(filter);
  const assignments = useUnitAssignments(answeredOf[filter], pages.cursor);

  const columns = [
    {
      title: t('suggestions.title'),
      key: 'title',
      render: (_: unknown, item: UnitAssignmentItem) => <Link to={`/suggestions/assigned/${item.suggestionId}`}>{item.title}</Link>,
    },
    {
      title: t('unitSuggestions.dueOn'),
      key: 'dueOn',
      render: (_: unknown, item: UnitAssignmentItem) => (
        <Space>
          <span>{item.dueOn}</span>
          {item.overdue ? <Tag color="red">{t('unitSuggestions.overdue')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('unitSuggestions.answer'),
      key: 'outcome',
      render: (_: unknown, item: UnitAssignmentItem) =>
        item.outcome ? <Tag color={suggestionOutcomeColors[item.outcome]}>{suggestionOutcomeLabel(t, item.outcome)}</Tag> : t('suggestions.awaitingAnswer'),
    },
    { title: t('suggestions.topic'), key: 'topic', render: (_: unknown, item: UnitAssignmentItem) => item.topicTitle ?? t('suggestions.unprompted') },
    { title: t('suggestions.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('unitSuggestions.assignedAt'), key: 'assignedAt', render: (_: unknown, item: UnitAssignmentItem) => formatDateTime(item.assignedAt, locale) },
  ];

  return (
    <>
      <PageHeader title={t('unitSuggestions.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Segmented<AnsweredFilter>
          aria-label={t('unitSuggestions.filter')}
          value={filter}
          onChange={(next) => setParams({ filter: next }, { replace: true })}
          options={[
            { value: 'open', label: t('unitSuggestions.open') },
            { value: 'answered', label: t('unitSuggestions.answered') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Card>
      {assignments.isError ? (
        <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <>
          <Table<UnitAssignmentItem>
            rowKey="suggestionId"
            columns={columns}
            dataSource={assignments.data?.items ?? []}
            loading={assignments.isPending || assignments.isFetching}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t('unitSuggestions.empty')} /> }}
          />
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(assignments.data?.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => pages.next(assignments.data?.nextCursor)}
            loading={assignments.isFetching}
          />
        </>
      )}
    </>
  );
}

/** A suggestion assigned to the caller's unit: what it says, the unit's due day and its answer, or the button to give it. */
export function UnitAssignmentPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const assignment = useUnitAssignment(id);
  const [answering, setAnswering] = useState(false);

  if (assignment.isPending) return <PageLoading />;
  if (assignment.isError) return <LoadError error={assignment.error} onRetry={() => void assignment.refetch()} />;

  const { assignment: item, etag } = assignment.data;
  return (
    <>
      <PageHeader
        title={item.title}
        extra={
          item.canAnswer ? (
            <Button type="primary" onClick={() => setAnswering(true)}>
              {t('unitSuggestions.giveAnswer')}
            </Button>
          ) : undefined
        }
      />
      <Flex vertical gap={16}>
        <Space wrap>
          <Tag color={suggestionStatusColors[item.status]}>{suggestionStatusLabel(t, item.status)}</Tag>
          <Tag>{suggestionChannelLabel(t, item.channel)}</Tag>
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('suggestions.trackingCode')}>{item.trackingCode}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.submittedAt')}>{formatDateTime(item.submittedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.topic')}>{item.topicTitle ?? t('suggestions.unprompted')}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.region')}>{item.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('unitSuggestions.unit')}>{item.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('unitSuggestions.dueOn')}>{item.dueOn}</Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('suggestions.content')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.content}</Typography.Paragraph>
        </Card>
        {item.outcome ? (
          <Card size="small" title={t('unitSuggestions.yourAnswer')}>
            <Space orientation="vertical">
              <Tag color={suggestionOutcomeColors[item.outcome]}>{suggestionOutcomeLabel(t, item.outcome)}</Tag>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.reply}</Typography.Paragraph>
              {item.answeredAt ? <Typography.Text type="secondary">{formatDateTime(item.answeredAt, locale)}</Typography.Text> : null}
            </Space>
          </Card>
        ) : null}
      </Flex>
      {answering ? <UnitAnswerDialog assignment={item} etag={etag} onClose={() => setAnswering(false)} /> : null}
    </>
  );
}

interface UnitAnswerValues {
  outcome?: SuggestionOutcome;
  reply?: string;
}

/** The unit's answer: a decision, whose template 答复模板 starts the reply unless one is written, and the reasoned reply (required). */
function UnitAnswerDialog({ assignment, etag, onClose }: { assignment: UnitAssignmentDetail; etag: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UnitAnswerValues>();
  const chooseOutcome = (outcome: SuggestionOutcome) => {
    const written = form.getFieldValue('reply') as string | undefined;
    if (!written?.trim()) form.setFieldValue('reply', answerTemplate(t, outcome));
  };

  return (
    <SuggestionActionDialog<UnitAnswerValues>
      form={form}
      open
      onClose={onClose}
      name="answer-unit-assignment"
      title={t('unitSuggestions.giveAnswer')}
      done={t('suggestions.answered')}
      fields={['outcome', 'reply']}
      send={(values) => answerUnitAssignment(assignment.suggestionId, etag, { outcome: values.outcome ?? 'adopted', reply: values.reply?.trim() ?? '' })}
    >
      <Form.Item name="outcome" label={t('suggestions.decision')} rules={[{ required: true, message: t('suggestions.required') }]}>
        <Radio.Group
          onChange={(event) => chooseOutcome(event.target.value as SuggestionOutcome)}
          options={suggestionOutcomes.map((value) => ({ value, label: suggestionOutcomeLabel(t, value) }))}
        />
      </Form.Item>
      <Form.Item
        name="reply"
        label={t('suggestions.reply')}
        extra={t('suggestions.replyHint')}
        rules={[{ required: true, whitespace: true, message: t('suggestions.required') }, { max: 4000 }]}
      >
        <Input.TextArea rows={6} maxLength={4000} />
      </Form.Item>
    </SuggestionActionDialog>
  );
}
