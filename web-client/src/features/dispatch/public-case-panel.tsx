import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { PublicCaseAttachment, PublicCaseView, Rating } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { AttachmentList } from '../../shared/files/attachment-list';
import { saveDownload } from '../../shared/files/file-transfer';
import { useI18n } from '../../shared/i18n/i18n-context';
import { caseFailureMessage } from './case-problem';
import { caseEventLabel, formatDateTime, opinionColors, opinionLabel, ratingColors, ratingLabel, timelineText } from './dispatch-labels';
import { publicCaseQueryKey, usePublicCase, type TrackingCredentials } from './dispatch-queries';

const ratingIcons: Record<Rating, ReactNode> = {
  satisfied: <SmileOutlined aria-hidden />,
  basically_satisfied: <MehOutlined aria-hidden />,
  dissatisfied: <FrownOutlined aria-hidden />,
};
const ratingOrder: readonly Rating[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

/**
 * What the petitioner sees of the handling on the tracking page: who handles it now, the reply with its opinion and files,
 * a one-step rating, and the review request while its period runs. Nothing shows before a case exists.
 */
export function PublicCasePanel({ credentials }: { credentials: TrackingCredentials }) {
  const { t, locale } = useI18n();
  const found = usePublicCase(credentials);

  if (found.isPending) return null;
  if (found.isError) {
    return (
      <div style={{ marginTop: 16 }}>
        <LoadError compact error={found.error} onRetry={() => void found.refetch()} />
      </div>
    );
  }
  if (found.data === null) return null;
  const { view, etag } = found.data;
  const download = (attachment: PublicCaseAttachment) =>
    saveDownload(
      api.GET('/api/v1/public/petitions/{trackingCode}/case/attachments/{attachmentId}', {
        params: { path: { trackingCode: credentials.trackingCode, attachmentId: attachment.id }, header: { 'X-Tracking-Secret': credentials.secret } },
        parseAs: 'blob',
      }),
      attachment.fileName,
    );

  return (
    <>
      <Card title={t('publicCase.title')} style={{ marginTop: 16 }} data-testid="public-case">
        {view.isFinal ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('publicCase.final')} data-testid="public-case-final" />
        ) : null}
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('publicCase.handlingUnit')}>
            <span data-testid="public-case-unit">{view.handlingUnitName ?? t('publicCase.awaitingAssignment')}</span>
          </Descriptions.Item>
          {view.replyDue && !view.repliedAt ? (
            <Descriptions.Item label={t('publicCase.replyDue')}>{view.replyDue}</Descriptions.Item>
          ) : null}
          {view.repliedAt ? (
            <Descriptions.Item label={t('publicCase.repliedAt')}>{formatDateTime(view.repliedAt, locale)}</Descriptions.Item>
          ) : null}
          {view.opinion ? (
            <Descriptions.Item label={t('publicCase.opinion')}>
              <Tag color={opinionColors[view.opinion]} data-testid="public-case-opinion">
                {opinionLabel(t, view.opinion)}
              </Tag>
            </Descriptions.Item>
          ) : null}
          {view.rating ? (
            <Descriptions.Item label={t('publicCase.yourRating')}>
              <Tag color={ratingColors[view.rating]} data-testid="public-case-rating">
                {ratingLabel(t, view.rating)}
              </Tag>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {view.replyText ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }} data-testid="public-case-reply">
            {view.replyText}
          </Typography.Paragraph>
        ) : null}
        {view.replyAttachments.length > 0 ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('publicCase.attachments')}
            </Typography.Title>
            <AttachmentList items={view.replyAttachments} download={download} testId="public-case-attachments" />
          </>
        ) : null}
      </Card>
      {view.canRate ? <RatingCard credentials={credentials} etag={etag} /> : null}
      {view.canRequestReview ? <ReviewRequestCard credentials={credentials} etag={etag} view={view} /> : null}
      {view.timeline.length > 0 ? (
        <Card title={t('publicCase.timeline')} style={{ marginTop: 16 }}>
          <Timeline
            items={view.timeline.map((entry, index) => ({
              key: `${entry.occurredAt}-${index}`,
              content: (
                <>
                  <Typography.Text strong>{caseEventLabel(t, entry.kind)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDateTime(entry.occurredAt, locale)}
                    {entry.unitName ? ` · ${entry.unitName}` : ''}
                  </Typography.Text>
                  {entry.text ? <div style={{ whiteSpace: 'pre-wrap' }}>{timelineText(t, entry.kind, entry.text)}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
      ) : null}
    </>
  );
}

function useRefreshPublicCase(credentials: TrackingCredentials) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: publicCaseQueryKey(credentials) });
}

/** One step: a tap on a rating sends it; the optional comment goes along. */
function RatingCard({ credentials, etag }: { credentials: TrackingCredentials; etag: string }) {
  const { t } = useI18n();
  const refresh = useRefreshPublicCase(credentials);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState<Rating | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const rate = async (rating: Rating) => {
    setSending(rating);
    setFailure(null);
    try {
      await unwrap(
        api.POST('/api/v1/public/petitions/{trackingCode}/case/rating', {
          params: {
            path: { trackingCode: credentials.trackingCode },
            header: { 'X-Tracking-Secret': credentials.secret, 'If-Match': etag },
          },
          body: { rating, comment: comment.trim() ? comment.trim() : null },
        }),
      );
    } catch (error) {
      setFailure(isApiError(error) && error.status === 412 ? t('publicCase.stale') : caseFailureMessage(null, error, [], t));
    } finally {
      setSending(null);
      await refresh();
    }
  };

  return (
    <Card title={t('publicCase.rateTitle')} style={{ marginTop: 16 }} data-testid="public-case-rate">
      {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph>{t('publicCase.rateIntro')}</Typography.Paragraph>
      <label htmlFor="public-case-comment">{t('publicCase.comment')}</label>
      <Input.TextArea
        id="public-case-comment"
        rows={2}
        maxLength={2000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      <Flex gap={8} wrap>
        {ratingOrder.map((rating) => (
          <Button
            key={rating}
            size="large"
            icon={ratingIcons[rating]}
            danger={rating === 'dissatisfied'}
            type={rating === 'satisfied' ? 'primary' : 'default'}
            loading={sending === rating}
            disabled={sending !== null && sending !== rating}
            onClick={() => void rate(rating)}
            style={{ flex: '1 1 96px' }}
          >
            {ratingLabel(t, rating)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}

function ReviewRequestCard({ credentials, etag, view }: { credentials: TrackingCredentials; etag: string; view: PublicCaseView }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = useRefreshPublicCase(credentials);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const reReview = view.kind !== 'handling';

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await unwrap(
        api.POST('/api/v1/public/petitions/{trackingCode}/case/review-request', {
          params: {
            path: { trackingCode: credentials.trackingCode },
            header: { 'X-Tracking-Secret': credentials.secret, 'If-Match': etag },
          },
          body: { reason: reason.trim() },
        }),
      );
      form.resetFields();
    } catch (error) {
      setFailure(isApiError(error) && error.status === 412 ? t('publicCase.stale') : caseFailureMessage(form, error, ['reason'], t));
    } finally {
      setSaving(false);
      await refresh();
    }
  };

  return (
    <Card title={reReview ? t('publicCase.reReviewTitle') : t('publicCase.reviewTitle')} style={{ marginTop: 16 }} data-testid="public-case-review">
      {view.reviewRequestableUntil ? (
        <Typography.Paragraph>{t('publicCase.reviewUntil', { date: view.reviewRequestableUntil })}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" name="public-review-request" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="reason"
          label={t('publicCase.reviewReason')}
          rules={[{ required: true, whitespace: true, message: t('caseForm.required') }, { max: 4000 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button htmlType="submit" loading={saving} block>
          {reReview ? t('publicCase.reReviewSubmit') : t('publicCase.reviewSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
