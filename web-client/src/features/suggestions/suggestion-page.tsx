import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import type { ScreeningOutcome, SuggestionDetail, SuggestionOutcome } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { Translate } from '../../shared/i18n/translate';
import { UnitSelect } from '../../shared/units/unit-select';
import {
  answerTemplate,
  formatDateTime,
  screeningOutcomeLabel,
  screeningOutcomes,
  suggestionChannelLabel,
  suggestionOutcomeColors,
  suggestionOutcomeLabel,
  suggestionOutcomes,
  suggestionRatingLabel,
  suggestionStatusColors,
  suggestionStatusLabel,
} from './suggestion-labels';
import { answerSuggestion, assignSuggestion, awardSuggestion, implementSuggestion, revealSubmitter, screenSuggestion, useInvalidateSuggestions, useSuggestion, useSuggestions } from './suggestion-queries';

/** One suggestion: what it says, where it came from, the submitter (masked) and its screening. */
export function SuggestionPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const suggestion = useSuggestion(id);
  const [screening, setScreening] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [answering, setAnswering] = useState(false);
  const [implementing, setImplementing] = useState(false);
  const [awarding, setAwarding] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealFailure, setRevealFailure] = useState<string | null>(null);

  if (suggestion.isPending) return <PageLoading />;
  if (suggestion.isError) return <LoadError error={suggestion.error} onRetry={() => void suggestion.refetch()} />;

  const { suggestion: item, etag } = suggestion.data;
  const reveal = async () => {
    setRevealFailure(null);
    try {
      setRevealed((await revealSubmitter(item.id)).phone);
    } catch (error) {
      setRevealFailure(describeError(error, t));
    }
  };

  return (
    <>
      <PageHeader
        title={item.title}
        extra={
          <Space wrap>
            {item.allowedActions.includes('screen') ? (
              <Button type="primary" onClick={() => setScreening(true)}>
                {t('suggestions.screen')}
              </Button>
            ) : null}
            {item.allowedActions.includes('assign') ? (
              <Button type="primary" onClick={() => setAssigning(true)}>
                {t('suggestions.assign')}
              </Button>
            ) : null}
            {item.allowedActions.includes('answer') ? (
              <Button type="primary" onClick={() => setAnswering(true)}>
                {t('suggestions.answer')}
              </Button>
            ) : null}
            {item.allowedActions.includes('implement') ? (
              <Button type="primary" onClick={() => setImplementing(true)}>
                {t('suggestions.implement')}
              </Button>
            ) : null}
            {item.allowedActions.includes('award') ? <Button onClick={() => setAwarding(true)}>{t('suggestions.award')}</Button> : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Space wrap>
          <Tag color={suggestionStatusColors[item.status]}>{suggestionStatusLabel(t, item.status)}</Tag>
          <Tag>{suggestionChannelLabel(t, item.channel)}</Tag>
          {item.outcome ? <Tag color={suggestionOutcomeColors[item.outcome]}>{suggestionOutcomeLabel(t, item.outcome)}</Tag> : null}
          {item.rating ? <Tag data-testid="suggestion-rating">{t('suggestions.ratedAs', { rating: suggestionRatingLabel(t, item.rating) })}</Tag> : null}
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('suggestions.trackingCode')}>{item.trackingCode}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.submittedAt')}>{formatDateTime(item.submittedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.topic')}>{item.topicTitle ?? t('suggestions.unprompted')}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.region')}>{item.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.submitter')}>{item.submitterName ?? t('suggestions.anonymous')}</Descriptions.Item>
          <Descriptions.Item label={t('suggestions.phone')}>
            <Space wrap>
              <span>{revealed ?? item.phoneMasked ?? t('suggestions.noPhone')}</span>
              {item.allowedActions.includes('reveal_submitter') && revealed === null ? (
                <Button size="small" onClick={() => void reveal()}>
                  {t('suggestions.reveal')}
                </Button>
              ) : null}
            </Space>
          </Descriptions.Item>
          {item.petitionId ? (
            <Descriptions.Item label={t('suggestions.petition')}>
              <Link to={`/petitions/${item.petitionId}`}>{item.petitionNumber}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {revealFailure ? <Alert type="error" showIcon title={revealFailure} role="alert" /> : null}
        <Card size="small" title={t('suggestions.content')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.content}</Typography.Paragraph>
        </Card>
        {item.assignments.length > 0 ? (
          <Card size="small" title={t('suggestions.assignments')}>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {item.assignments.map((assignment) => (
                <li key={assignment.unitId}>
                  <Space wrap>
                    <span>{t('suggestions.assignmentDue', { unit: assignment.unitName, due: assignment.dueOn })}</span>
                    {assignment.outcome ? (
                      <Tag color={suggestionOutcomeColors[assignment.outcome]}>{suggestionOutcomeLabel(t, assignment.outcome)}</Tag>
                    ) : (
                      <Tag>{t('suggestions.awaitingAnswer')}</Tag>
                    )}
                  </Space>
                  {assignment.reply ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{assignment.reply}</Typography.Paragraph> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {item.implementation ? (
          <Card size="small" title={t('suggestions.implementation')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.implementation}</Typography.Paragraph>
          </Card>
        ) : null}
        {item.award ? (
          <Card size="small" title={t('suggestions.citation')}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{item.award}</Typography.Paragraph>
          </Card>
        ) : null}
        {item.ratingComment ? (
          <Card size="small" title={t('suggestions.ratingComment')}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{item.ratingComment}</Typography.Paragraph>
          </Card>
        ) : null}
        {item.screenedAt ? (
          <Card size="small" title={t('suggestions.screeningResult')}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{screeningSummary(t, item)}</Typography.Paragraph>
            {item.duplicateOfId ? <Link to={`/suggestions/${item.duplicateOfId}`}>{t('suggestions.original')}</Link> : null}
          </Card>
        ) : null}
      </Flex>
      <ScreenDialog suggestion={item} etag={etag} open={screening} onClose={() => setScreening(false)} />
      <AssignDialog suggestion={item} etag={etag} open={assigning} onClose={() => setAssigning(false)} />
      <AnswerDialog suggestion={item} etag={etag} open={answering} onClose={() => setAnswering(false)} />
      <TextDialog
        open={implementing}
        onClose={() => setImplementing(false)}
        name="implement-suggestion"
        title={t('suggestions.implement')}
        label={t('suggestions.implementation')}
        hint={t('suggestions.implementationHint')}
        field="outcome"
        maxLength={4000}
        done={t('suggestions.implemented')}
        send={(text) => implementSuggestion(item.id, etag, { outcome: text })}
      />
      <TextDialog
        open={awarding}
        onClose={() => setAwarding(false)}
        name="award-suggestion"
        title={t('suggestions.award')}
        label={t('suggestions.citation')}
        hint={t('suggestions.citationHint')}
        field="citation"
        maxLength={1000}
        done={t('suggestions.awarded')}
        send={(text) => awardSuggestion(item.id, etag, { citation: text })}
      />
    </>
  );
}

const screeningSummary = (t: Translate, item: SuggestionDetail) =>
  [suggestionStatusLabel(t, item.status), item.screeningReason].filter(Boolean).join('：');

interface ScreenValues {
  outcome: ScreeningOutcome;
  reason?: string;
  duplicateOfId?: string;
}

/** Screens a submitted suggestion; a duplicate picks the suggestion of the same region it duplicates. */
function ScreenDialog({ suggestion, etag, open, onClose }: { suggestion: SuggestionDetail; etag: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScreenValues>();
  const outcome = Form.useWatch('outcome', form);
  const invalidate = useInvalidateSuggestions();
  const originals = useSuggestions({ regionId: suggestion.regionId, status: 'valid', limit: 100 }, open && outcome === 'duplicate');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: ScreenValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await screenSuggestion(suggestion.id, etag, {
        outcome: values.outcome,
        reason: values.reason?.trim() ? values.reason.trim() : null,
        duplicateOfId: values.outcome === 'duplicate' ? (values.duplicateOfId ?? null) : null,
      });
      void message.success(t('suggestions.screened'));
      onClose();
      await invalidate();
    } catch (error) {
      const stale = isApiError(error) && error.status === 412;
      setFailure(stale ? t('suggestions.stale') : formFailureMessage(form, error, ['outcome', 'reason', 'duplicateOfId'], t));
      if (stale) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('suggestions.screen')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ScreenValues> form={form} layout="vertical" name="screen-suggestion" initialValues={{ outcome: 'valid' }} onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="outcome" label={t('suggestions.outcome')}>
          <Radio.Group options={screeningOutcomes.map((value) => ({ value, label: screeningOutcomeLabel(t, value) }))} />
        </Form.Item>
        {outcome === 'duplicate' ? (
          <Form.Item name="duplicateOfId" label={t('suggestions.duplicateOf')} rules={[{ required: true, message: t('suggestions.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={originals.isPending}
              options={(originals.data?.items ?? [])
                .filter((item) => item.id !== suggestion.id)
                .map((item) => ({ value: item.id, label: `${item.trackingCode} · ${item.title}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('suggestions.reason')}
          extra={outcome === 'out_of_scope' ? t('suggestions.reasonForSubmitter') : undefined}
          rules={[{ required: outcome !== 'valid', whitespace: true, message: t('suggestions.required') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Assigns a valid suggestion to the departments that evaluate it; the API sets the deadline from the rule set. */
function AssignDialog({ suggestion, etag, open, onClose }: { suggestion: SuggestionDetail; etag: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitIds?: string[] }>();
  const invalidate = useInvalidateSuggestions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ unitIds }: { unitIds?: string[] }) => {
    setSaving(true);
    setFailure(null);
    try {
      await assignSuggestion(suggestion.id, etag, { unitIds: unitIds ?? [] });
      void message.success(t('suggestions.assigned'));
      onClose();
      await invalidate();
    } catch (error) {
      const stale = isApiError(error) && error.status === 412;
      setFailure(stale ? t('suggestions.stale') : formFailureMessage(form, error, ['unitIds'], t));
      if (stale) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('suggestions.assign')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="assign-suggestion" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="unitIds"
          label={t('suggestions.departments')}
          extra={t('suggestions.departmentsHint')}
          rules={[{ required: true, message: t('suggestions.required') }]}
        >
          <UnitSelect mode="multiple" regionId={undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AnswerValues {
  unitId?: string;
  outcome?: SuggestionOutcome;
  reply?: string;
}

/**
 * Records a department's answer: its decision and the reasoned reply the submitter reads. Picking a decision starts the reply
 * from its template 答复模板 unless the reply has been written already.
 */
function AnswerDialog({ suggestion, etag, open, onClose }: { suggestion: SuggestionDetail; etag: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const invalidate = useInvalidateSuggestions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const pending = suggestion.assignments.filter((assignment) => !assignment.outcome);

  const submit = async (values: AnswerValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await answerSuggestion(suggestion.id, etag, { unitId: values.unitId ?? '', outcome: values.outcome ?? 'adopted', reply: values.reply?.trim() ?? '' });
      void message.success(t('suggestions.answered'));
      onClose();
      await invalidate();
    } catch (error) {
      const stale = isApiError(error) && error.status === 412;
      setFailure(stale ? t('suggestions.stale') : formFailureMessage(form, error, ['unitId', 'outcome', 'reply'], t));
      if (stale) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  const chooseOutcome = (outcome: SuggestionOutcome) => {
    const written = form.getFieldValue('reply') as string | undefined;
    if (!written?.trim()) form.setFieldValue('reply', answerTemplate(t, outcome));
  };

  return (
    <Modal
      open={open}
      title={t('suggestions.answer')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        name="answer-suggestion"
        initialValues={{ unitId: pending.length === 1 ? pending[0]?.unitId : undefined }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="unitId" label={t('suggestions.answeringDepartment')} rules={[{ required: true, message: t('suggestions.required') }]}>
          <Select options={pending.map((assignment) => ({ value: assignment.unitId, label: assignment.unitName }))} />
        </Form.Item>
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
          <Input.TextArea rows={5} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A change that takes one text the public reads: what was done for an implemented suggestion, or an award's citation. */
function TextDialog({
  open,
  onClose,
  name,
  title,
  label,
  hint,
  field,
  maxLength,
  done,
  send,
}: {
  open: boolean;
  onClose: () => void;
  name: string;
  title: string;
  label: string;
  hint: string;
  field: string;
  maxLength: number;
  done: string;
  send: (text: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const invalidate = useInvalidateSuggestions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Record<string, string | undefined>) => {
    setSaving(true);
    setFailure(null);
    try {
      await send(values[field]?.trim() ?? '');
      void message.success(done);
      onClose();
      await invalidate();
    } catch (error) {
      const stale = isApiError(error) && error.status === 412;
      setFailure(stale ? t('suggestions.stale') : formFailureMessage(form, error, [field], t));
      if (stale) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={name} onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name={field} label={label} extra={hint} rules={[{ required: true, whitespace: true, message: t('suggestions.required') }, { max: maxLength }]}>
          <Input.TextArea rows={4} maxLength={maxLength} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
