import { Alert, App, Button, Card, Descriptions, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import type { PublicSuggestionView, SuggestionRating } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { LoadError } from '../../shared/components/load-error';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { PublicSuggestionForm } from './public-suggestion-form';
import {
  formatDateTime,
  suggestionOutcomeColors,
  suggestionOutcomeLabel,
  suggestionRatingLabel,
  suggestionRatings,
  suggestionStatusColors,
  suggestionStatusLabel,
} from './suggestion-labels';
import { ratePublicSuggestion, useTrackedSuggestion, type SuggestionCredentials } from './suggestion-queries';

/** An unprompted suggestion, not on any topic: for a phone, without signing in. */
export function PublicSuggestPage() {
  const { t } = useI18n();
  return (
    <PublicLayout title={t('publicSuggestion.pageTitle')}>
      <Typography.Paragraph>{t('publicSuggestion.intro')}</Typography.Paragraph>
      <PublicSuggestionForm />
    </PublicLayout>
  );
}

/** Where the submitter's suggestion stands, for its tracking code and secret; never anyone's data or staff notes. */
export function PublicSuggestionTrackPage() {
  const { t, locale } = useI18n();
  const [credentials, setCredentials] = useState<SuggestionCredentials | null>(null);
  const tracked = useTrackedSuggestion(credentials);

  let result = null;
  if (credentials) {
    if (tracked.isPending) result = <PageLoading />;
    else if (tracked.isError)
      result =
        isApiError(tracked.error) && tracked.error.status === 404 ? (
          <Alert type="error" showIcon title={t('publicSuggestion.notFound')} role="alert" />
        ) : (
          <LoadError compact error={tracked.error} onRetry={() => void tracked.refetch()} />
        );
    else
      result = (
        <Card style={{ marginTop: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('publicSuggestion.trackingCode')}>{tracked.data.trackingCode}</Descriptions.Item>
            <Descriptions.Item label={t('publicSuggestion.title')}>{tracked.data.title}</Descriptions.Item>
            {tracked.data.topicTitle ? <Descriptions.Item label={t('publicSuggestion.topic')}>{tracked.data.topicTitle}</Descriptions.Item> : null}
            <Descriptions.Item label={t('publicSuggestion.status')}>
              <Tag color={suggestionStatusColors[tracked.data.status]}>{suggestionStatusLabel(t, tracked.data.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('publicSuggestion.submittedAt')}>{formatDateTime(tracked.data.submittedAt, locale)}</Descriptions.Item>
            {tracked.data.reason ? <Descriptions.Item label={t('publicSuggestion.reason')}>{tracked.data.reason}</Descriptions.Item> : null}
            {tracked.data.outcome ? (
              <Descriptions.Item label={t('publicSuggestion.outcome')}>
                <Tag color={suggestionOutcomeColors[tracked.data.outcome]}>{suggestionOutcomeLabel(t, tracked.data.outcome)}</Tag>
              </Descriptions.Item>
            ) : null}
            {tracked.data.implementation ? (
              <Descriptions.Item label={t('publicSuggestion.implementation')}>{tracked.data.implementation}</Descriptions.Item>
            ) : null}
            {tracked.data.rating ? (
              <Descriptions.Item label={t('publicSuggestion.yourRating')}>{suggestionRatingLabel(t, tracked.data.rating)}</Descriptions.Item>
            ) : null}
          </Descriptions>
          <Replies view={tracked.data} />
          {tracked.data.canRate ? <RatingForm credentials={credentials} onRated={() => void tracked.refetch()} /> : null}
        </Card>
      );
  }

  return (
    <PublicLayout title={t('publicSuggestion.trackTitle')}>
      <Form<SuggestionCredentials>
        layout="vertical"
        name="track-suggestion"
        onFinish={(values) => setCredentials({ trackingCode: values.trackingCode.trim(), secret: values.secret.trim() })}
      >
        <Form.Item name="trackingCode" label={t('publicSuggestion.trackingCode')} rules={[{ required: true, whitespace: true, message: t('publicSuggestion.required') }]}>
          <Input autoComplete="off" autoCapitalize="characters" />
        </Form.Item>
        <Form.Item name="secret" label={t('publicSuggestion.secret')} rules={[{ required: true, whitespace: true, message: t('publicSuggestion.required') }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t('publicSuggestion.track')}
        </Button>
      </Form>
      {result}
    </PublicLayout>
  );
}

/** The departments' reasoned replies, once every department has answered. */
function Replies({ view }: { view: PublicSuggestionView }) {
  const { t, locale } = useI18n();
  if (view.answers.length === 0) return null;
  return (
    <List
      header={<h2 style={{ fontSize: 16, margin: 0 }}>{t('publicSuggestion.replies')}</h2>}
      dataSource={view.answers}
      renderItem={(answer) => (
        <List.Item>
          <List.Item.Meta
            title={
              <>
                {answer.unitName} <Tag color={suggestionOutcomeColors[answer.outcome]}>{suggestionOutcomeLabel(t, answer.outcome)}</Tag>
              </>
            }
            description={formatDateTime(answer.answeredAt, locale)}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, width: '100%' }}>{answer.reply}</Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}

interface RatingValues {
  rating?: SuggestionRating;
  comment?: string;
}

/** The submitter rates the replies once: satisfied, basically satisfied or dissatisfied, with an optional comment. */
function RatingForm({ credentials, onRated }: { credentials: SuggestionCredentials; onRated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: RatingValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await ratePublicSuggestion(credentials, { rating: values.rating ?? 'satisfied', comment: values.comment?.trim() ? values.comment.trim() : null });
      void message.success(t('publicSuggestion.rated'));
      onRated();
    } catch (error) {
      setFailure(formFailureMessage(form, error, ['rating', 'comment'], t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<RatingValues> form={form} layout="vertical" name="rate-suggestion" onFinish={(values) => void submit(values)} style={{ marginTop: 16 }}>
      {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="rating" label={t('publicSuggestion.rateReplies')} rules={[{ required: true, message: t('publicSuggestion.required') }]}>
        <Radio.Group options={suggestionRatings.map((value) => ({ value, label: suggestionRatingLabel(t, value) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('publicSuggestion.ratingComment')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block>
        {t('publicSuggestion.rate')}
      </Button>
    </Form>
  );
}
