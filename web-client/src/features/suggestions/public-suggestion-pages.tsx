import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { LoadError } from '../../shared/components/load-error';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { PublicSuggestionForm } from './public-suggestion-form';
import { formatDateTime, suggestionStatusColors, suggestionStatusLabel } from './suggestion-labels';
import { useTrackedSuggestion, type SuggestionCredentials } from './suggestion-queries';

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
          </Descriptions>
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
