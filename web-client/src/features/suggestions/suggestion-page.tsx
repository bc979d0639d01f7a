import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ScreeningOutcome, SuggestionAction, SuggestionDetail, SuggestionOutcome } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';
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
import { SuggestionActionDialog } from './suggestion-action-dialog';
import { answerSuggestion, assignSuggestion, awardSuggestion, implementSuggestion, revealSubmitter, screenSuggestion, useSuggestion, useSuggestions } from './suggestion-queries';

type DialogAction = Extract<SuggestionAction, 'screen' | 'assign' | 'answer' | 'implement' | 'award'>;

/** The changes made in a dialog, in the order the header offers them. */
const dialogActions: readonly { action: DialogAction; label: MessageKey; primary: boolean }[] = [
  { action: 'screen', label: 'suggestions.screen', primary: true },
  { action: 'assign', label: 'suggestions.assign', primary: true },
  { action: 'answer', label: 'suggestions.answer', primary: true },
  { action: 'implement', label: 'suggestions.implement', primary: true },
  { action: 'award', label: 'suggestions.award', primary: false },
];

/** A card of text as written (line breaks kept), with what follows it; nothing when there is no text. */
function TextCard({ title, text, children }: { title: string; text: string | null | undefined; children?: ReactNode }) {
  if (!text) return null;
  return (
    <Card size="small" title={title}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>
      {children}
    </Card>
  );
}

/** One suggestion: what it says, where it came from, the submitter (masked) and its screening. */
export function SuggestionPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const suggestion = useSuggestion(id);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealFailure, setRevealFailure] = useState<string | null>(null);

  if (suggestion.isPending) return <PageLoading />;
  if (suggestion.isError) return <LoadError error={suggestion.error} onRetry={() => void suggestion.refetch()} />;

  const { suggestion: item, etag } = suggestion.data;
  const close = () => setDialog(null);
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
            {dialogActions
              .filter(({ action }) => item.allowedActions.includes(action))
              .map(({ action, label, primary }) => (
                <Button key={action} type={primary ? 'primary' : 'default'} onClick={() => setDialog(action)}>
                  {t(label)}
                </Button>
              ))}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Space wrap>
          <Tag color={suggestionStatusColors[item.status]} data-testid="suggestion-status">
            {suggestionStatusLabel(t, item.status)}
          </Tag>
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
        <TextCard title={t('suggestions.content')} text={item.content} />
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
        <TextCard title={t('suggestions.implementation')} text={item.implementation} />
        <TextCard title={t('suggestions.citation')} text={item.award} />
        <TextCard title={t('suggestions.ratingComment')} text={item.ratingComment} />
        <TextCard title={t('suggestions.screeningResult')} text={item.screenedAt ? screeningSummary(t, item) : null}>
          {item.duplicateOfId ? <Link to={`/suggestions/${item.duplicateOfId}`}>{t('suggestions.original')}</Link> : null}
        </TextCard>
      </Flex>
      <ScreenDialog suggestion={item} etag={etag} open={dialog === 'screen'} onClose={close} />
      <AssignDialog suggestion={item} etag={etag} open={dialog === 'assign'} onClose={close} />
      <AnswerDialog suggestion={item} etag={etag} open={dialog === 'answer'} onClose={close} />
      <TextDialog
        open={dialog === 'implement'}
        onClose={close}
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
        open={dialog === 'award'}
        onClose={close}
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

interface DialogProps {
  suggestion: SuggestionDetail;
  etag: string;
  open: boolean;
  onClose: () => void;
}

interface ScreenValues {
  outcome: ScreeningOutcome;
  reason?: string;
  duplicateOfId?: string;
}

/**
 * Screens a submitted suggestion. The earlier suggestions whose text is alike are shown first: one click screens it a duplicate
 * of the candidate; any valid suggestion of the same region can be picked as the original too.
 */
function ScreenDialog({ suggestion, etag, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ScreenValues>();
  const outcome = Form.useWatch('outcome', form);
  const originals = useSuggestions({ regionId: suggestion.regionId, status: 'valid', limit: 100 }, open && outcome === 'duplicate');
  const candidates = suggestion.similar.map((item) => ({
    value: item.id,
    label: `${item.trackingCode} · ${item.title} · ${t('suggestions.similarity', { percent: Math.round(item.similarity * 100) })}`,
  }));
  const others = (originals.data?.items ?? [])
    .filter((item) => item.id !== suggestion.id && !suggestion.similar.some((similar) => similar.id === item.id))
    .map((item) => ({ value: item.id, label: `${item.trackingCode} · ${item.title}` }));

  return (
    <SuggestionActionDialog<ScreenValues>
      form={form}
      open={open}
      onClose={onClose}
      name="screen-suggestion"
      title={t('suggestions.screen')}
      done={t('suggestions.screened')}
      fields={['outcome', 'reason', 'duplicateOfId']}
      initialValues={{ outcome: 'valid' }}
      send={(values) =>
        screenSuggestion(suggestion.id, etag, {
          outcome: values.outcome,
          reason: values.reason?.trim() ? values.reason.trim() : null,
          duplicateOfId: values.outcome === 'duplicate' ? (values.duplicateOfId ?? null) : null,
        })
      }
    >
      {suggestion.similar.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('suggestions.similarFound', { count: suggestion.similar.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="similar-suggestions">
              {suggestion.similar.map((item) => (
                <li key={item.id}>
                  <Space wrap>
                    <Link to={`/suggestions/${item.id}`}>
                      {item.trackingCode} · {item.title}
                    </Link>
                    <Tag>{t('suggestions.similarity', { percent: Math.round(item.similarity * 100) })}</Tag>
                    <Button size="small" onClick={() => form.setFieldsValue({ outcome: 'duplicate', duplicateOfId: item.id })}>
                      {t('suggestions.mergeInto')}
                    </Button>
                  </Space>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form.Item name="outcome" label={t('suggestions.outcome')}>
        <Radio.Group options={screeningOutcomes.map((value) => ({ value, label: screeningOutcomeLabel(t, value) }))} />
      </Form.Item>
      {outcome === 'duplicate' ? (
        <Form.Item name="duplicateOfId" label={t('suggestions.duplicateOf')} rules={[{ required: true, message: t('suggestions.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={originals.isPending} options={[...candidates, ...others]} />
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
    </SuggestionActionDialog>
  );
}

/** Assigns a valid suggestion to the departments that evaluate it; the API sets the deadline from the rule set. */
function AssignDialog({ suggestion, etag, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ unitIds?: string[] }>();
  return (
    <SuggestionActionDialog
      form={form}
      open={open}
      onClose={onClose}
      name="assign-suggestion"
      title={t('suggestions.assign')}
      done={t('suggestions.assigned')}
      fields={['unitIds']}
      send={({ unitIds }) => assignSuggestion(suggestion.id, etag, { unitIds: unitIds ?? [] })}
    >
      <Form.Item
        name="unitIds"
        label={t('suggestions.departments')}
        extra={t('suggestions.departmentsHint')}
        rules={[{ required: true, message: t('suggestions.required') }]}
      >
        <UnitSelect mode="multiple" regionId={undefined} />
      </Form.Item>
    </SuggestionActionDialog>
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
function AnswerDialog({ suggestion, etag, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<AnswerValues>();
  const pending = suggestion.assignments.filter((assignment) => !assignment.outcome);

  const chooseOutcome = (outcome: SuggestionOutcome) => {
    const written = form.getFieldValue('reply') as string | undefined;
    if (!written?.trim()) form.setFieldValue('reply', answerTemplate(t, outcome));
  };

  return (
    <SuggestionActionDialog<AnswerValues>
      form={form}
      open={open}
      onClose={onClose}
      name="answer-suggestion"
      title={t('suggestions.answer')}
      done={t('suggestions.answered')}
      fields={['unitId', 'outcome', 'reply']}
      initialValues={{ unitId: pending.length === 1 ? pending[0]?.unitId : undefined }}
      send={(values) =>
        answerSuggestion(suggestion.id, etag, { unitId: values.unitId ?? '', outcome: values.outcome ?? 'adopted', reply: values.reply?.trim() ?? '' })
      }
    >
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
    </SuggestionActionDialog>
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
  const [form] = Form.useForm<Record<string, string | undefined>>();
  return (
    <SuggestionActionDialog
      form={form}
      open={open}
      onClose={onClose}
      name={name}
      title={title}
      done={done}
      fields={[field]}
      send={(values) => send(values[field]?.trim() ?? '')}
    >
      <Form.Item name={field} label={label} extra={hint} rules={[{ required: true, whitespace: true, message: t('suggestions.required') }, { max: maxLength }]}>
        <Input.TextArea rows={4} maxLength={maxLength} />
      </Form.Item>
    </SuggestionActionDialog>
  );
}
