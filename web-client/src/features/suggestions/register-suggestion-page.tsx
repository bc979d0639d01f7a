import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Result, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { RegisteredSuggestion, RegisterSuggestionRequest, SuggestionChannel } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { registrableChannels, suggestionChannelLabel } from './suggestion-labels';
import { registerSuggestion, useInvalidateSuggestions } from './suggestion-queries';
import { useTopics } from './topic-queries';

interface RegisterValues {
  channel: SuggestionChannel;
  topicId?: string;
  regionId?: string;
  title: string;
  content: string;
  name?: string;
  phone?: string;
  receivedOn?: Dayjs | null;
}

const formFields = ['channel', 'topicId', 'regionId', 'title', 'content', 'name', 'phone', 'receivedOn'] as const;

const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Registers a suggestion that came by letter or in person, on a published topic or unprompted. The submitter's tracking code and
 * secret are shown once afterwards, to pass on to them.
 */
export function RegisterSuggestionPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<RegisterValues>();
  const invalidate = useInvalidateSuggestions();
  const topics = useTopics({ status: 'published' });
  const topicId = Form.useWatch('topicId', form);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [registered, setRegistered] = useState<RegisteredSuggestion | null>(null);
  const idempotencyKey = useRef<{ body: string; key: string } | null>(null);

  const submit = async (values: RegisterValues) => {
    const body: RegisterSuggestionRequest = {
      channel: values.channel,
      topicId: values.topicId ?? null,
      regionId: values.regionId ?? null,
      title: values.title.trim(),
      content: values.content.trim(),
      name: blank(values.name),
      phone: blank(values.phone),
      receivedOn: values.receivedOn ? values.receivedOn.format('YYYY-MM-DD') : null,
    };
    const serialized = JSON.stringify(body);
    if (idempotencyKey.current?.body !== serialized) idempotencyKey.current = { body: serialized, key: crypto.randomUUID() };
    setSaving(true);
    setFailure(null);
    try {
      setRegistered(await registerSuggestion(body, idempotencyKey.current.key));
      await invalidate();
    } catch (error) {
      setFailure(formFailureMessage(form, error, formFields, t));
    } finally {
      setSaving(false);
    }
  };

  if (registered) {
    return (
      <>
        <PageHeader title={t('registerSuggestion.title')} />
        <Result
          status="success"
          title={t('registerSuggestion.done')}
          subTitle={t('registerSuggestion.passOn')}
          extra={
            <Card size="small" style={{ textAlign: 'left', maxWidth: 480, margin: '0 auto' }}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('publicSuggestion.trackingCode')}>
                  <Typography.Text copyable strong data-testid="registered-tracking-code">
                    {registered.trackingCode}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('publicSuggestion.secret')}>
                  <Typography.Text copyable strong data-testid="registered-secret">
                    {registered.secret}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              <Link to={`/suggestions/${registered.id}`}>{t('registerSuggestion.open')}</Link>
            </Card>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('registerSuggestion.title')} />
      <Card>
        <Form<RegisterValues>
          form={form}
          layout="vertical"
          name="register-suggestion"
          initialValues={{ channel: 'letter' }}
          onFinish={(values) => void submit(values)}
          style={{ maxWidth: 720 }}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="channel" label={t('suggestions.channel')}>
            <Radio.Group options={registrableChannels.map((value) => ({ value, label: suggestionChannelLabel(t, value) }))} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('registerSuggestion.receivedOn')} extra={t('registerSuggestion.receivedOnHint')}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="topicId" label={t('suggestions.topic')} extra={t('registerSuggestion.topicHint')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={topics.isPending}
              placeholder={t('suggestions.unprompted')}
              options={(topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: topic.title }))}
            />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t('suggestions.region')}
            extra={topicId ? t('registerSuggestion.regionOfTopic') : undefined}
            rules={[{ required: !topicId, message: t('suggestions.required') }]}
          >
            <RegionTreeSelect ariaLabel={t('suggestions.region')} />
          </Form.Item>
          <Form.Item name="title" label={t('suggestions.title')} rules={[{ required: true, whitespace: true, message: t('suggestions.required') }, { max: 200 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="content" label={t('suggestions.content')} rules={[{ required: true, whitespace: true, message: t('suggestions.required') }, { max: 8000 }]}>
            <Input.TextArea rows={6} maxLength={8000} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('registerSuggestion.contactHint')}</Typography.Paragraph>
          <Form.Item name="name" label={t('suggestions.submitter')} rules={[{ max: 50 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('suggestions.phone')} rules={[{ pattern: phonePattern, message: t('registerSuggestion.phoneInvalid') }]}>
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('registerSuggestion.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
