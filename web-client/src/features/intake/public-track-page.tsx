import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { LoadError } from '../../shared/components/load-error';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { usePetitionCategories } from '../../shared/categories/use-petition-categories';
import { categoryName } from '../../shared/categories/category-name';
import { formatDateTime, statusColor, statusLabel, timelineLabel } from './intake-labels';
import { PublicLayout } from '../../shared/layout/public-layout';

export interface Credentials {
  trackingCode: string;
  secret: string;
}

const trackQueryKey = (credentials: Credentials | null) => ['public-petition', credentials?.trackingCode ?? ''] as const;

/**
 * The petitioner's tracking page. `renderHandling` lets the app add how the accepted petition is being handled
 * (another module's view) below the petition's own progress, for the same tracking code and secret.
 */
export function PublicTrackPage({ renderHandling }: { renderHandling?: (credentials: Credentials) => ReactNode } = {}) {
  const { t, locale } = useI18n();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const categories = usePetitionCategories();
  const tracked = useQuery({
    queryKey: [...trackQueryKey(credentials), credentials?.secret ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/public/petitions/{trackingCode}', {
          params: {
            path: { trackingCode: credentials?.trackingCode ?? '' },
            header: { 'X-Tracking-Secret': credentials?.secret ?? '' },
          },
        }),
      ),
    enabled: credentials !== null,
    retry: false,
  });

  let result = null;
  if (credentials) {
    if (tracked.isPending) result = <PageLoading />;
    else if (tracked.isError)
      result =
        isApiError(tracked.error) && (tracked.error.status === 404 || tracked.error.status === 401 || tracked.error.status === 403) ? (
          <Alert type="error" showIcon title={t('public.notFound')} role="alert" />
        ) : (
          <LoadError compact error={tracked.error} onRetry={() => void tracked.refetch()} />
        );
    else
      result = (
        <>
          <Card style={{ marginTop: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('public.number')}>{tracked.data.number}</Descriptions.Item>
              <Descriptions.Item label={t('public.status')}>
                <Tag color={statusColor(tracked.data.status)}>{statusLabel(t, tracked.data.status)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('register.category')}>
                {categoryName(categories.data, tracked.data.category, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('public.receivedAt')}>{formatDateTime(tracked.data.receivedAt, locale)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {renderHandling?.(credentials)}
          <Card title={t('public.timeline')} style={{ marginTop: 16 }}>
            {tracked.data.timeline.length === 0 ? (
              <Empty description={t('common.empty')} />
            ) : (
              <Timeline
                items={tracked.data.timeline.map((entry, index) => ({
                  key: `${entry.occurredAt}-${index}`,
                  content: (
                    <>
                      <Typography.Text strong>{timelineLabel(t, entry.kind)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {formatDateTime(entry.occurredAt, locale)}
                        {entry.unitName ? ` · ${entry.unitName}` : ''}
                      </Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</div>
                    </>
                  ),
                }))}
              />
            )}
          </Card>
          <SupplementForm credentials={credentials} />
        </>
      );
  }

  return (
    <PublicLayout title={t('public.trackTitle')}>
      <Card>
        <Form<Credentials>
          layout="vertical"
          name="track-petition"
          onFinish={(values) => setCredentials({ trackingCode: values.trackingCode.trim(), secret: values.secret.trim() })}
        >
          <Form.Item
            name="trackingCode"
            label={t('public.trackingCode')}
            rules={[{ required: true, whitespace: true, message: t('register.required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="secret"
            label={t('public.secret')}
            rules={[{ required: true, whitespace: true, message: t('register.required') }]}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={credentials !== null && tracked.isFetching}>
            {t('public.track')}
          </Button>
        </Form>
      </Card>
      {result}
    </PublicLayout>
  );
}

function SupplementForm({ credentials }: { credentials: Credentials }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async ({ text }: { text: string }) => {
    setSaving(true);
    setFailure(null);
    setDone(false);
    try {
      await api.POST('/api/v1/public/petitions/{trackingCode}/supplements', {
        params: { path: { trackingCode: credentials.trackingCode }, header: { 'X-Tracking-Secret': credentials.secret } },
        body: { text: text.trim() },
      });
      form.resetFields();
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: trackQueryKey(credentials) });
    } catch (error) {
      setFailure(formFailureMessage(form, error, ['text'], t) ?? describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('public.supplement')} style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical" name="public-supplement" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {done ? <Alert type="success" showIcon title={t('public.supplementDone')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="text"
          label={t('public.supplementText')}
          rules={[{ required: true, whitespace: true, message: t('register.required') }, { max: 4000 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button htmlType="submit" loading={saving} block>
          {t('public.supplementSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
