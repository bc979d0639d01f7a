import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { SubmitPublicPetitionRequest, TrackingCredentials } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicRegionSelect } from '../../shared/regions/public-region-select';
import { CategorySelect } from '../../shared/categories/category-select';
import { isValidIdNumber, isValidPhone } from './id-number';
import { PublicLayout } from '../../shared/layout/public-layout';

type PublicForm = Partial<SubmitPublicPetitionRequest>;

const fields = ['name', 'idNumber', 'phone', 'address', 'regionId', 'category', 'request', 'facts', 'reasons'] as const;

export function PublicSubmitPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<PublicForm>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<TrackingCredentials | null>(null);

  const submit = async (values: PublicForm) => {
    setSaving(true);
    setFailure(null);
    try {
      const body: SubmitPublicPetitionRequest = {
        name: values.name?.trim() ?? '',
        idNumber: values.idNumber?.trim() ? values.idNumber.trim().toUpperCase() : null,
        phone: values.phone?.trim() ?? '',
        address: values.address?.trim() ? values.address.trim() : null,
        regionId: values.regionId ?? '',
        category: values.category ?? '',
        request: values.request?.trim() ?? '',
        facts: values.facts?.trim() ?? '',
        reasons: values.reasons?.trim() ?? '',
      };
      setCredentials(await unwrap(api.POST('/api/v1/public/petitions', { body })));
      form.resetFields();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('register.required') };

  if (credentials) {
    return (
      <PublicLayout title={t('public.submitTitle')}>
        <Card>
          <Result
            status="success"
            title={t('public.successTitle')}
            subTitle={<Alert type="warning" showIcon title={t('public.keepThem')} />}
            extra={
              <Link to="/public/track">
                <Button type="primary">{t('public.goTrack')}</Button>
              </Link>
            }
          >
            <Typography.Paragraph style={{ fontSize: 18, textAlign: 'center' }}>
              {t('public.trackingCode')}：
              <Typography.Text strong copyable code data-testid="tracking-code">
                {credentials.trackingCode}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ fontSize: 18, textAlign: 'center' }}>
              {t('public.secret')}：
              <Typography.Text strong copyable code data-testid="tracking-secret">
                {credentials.secret}
              </Typography.Text>
            </Typography.Paragraph>
          </Result>
        </Card>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t('public.submitTitle')}>
      <Card>
        <Typography.Paragraph>{t('public.submitIntro')}</Typography.Paragraph>
        <Form<PublicForm> form={form} layout="vertical" name="public-petition" onFinish={(values) => void submit(values)}>
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="name" label={t('register.name')} rules={[required, { max: 50 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('register.idNumber')}
            validateTrigger="onChange"
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || isValidIdNumber(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('register.idNumberInvalid'))),
              },
            ]}
          >
            <Input autoComplete="off" maxLength={18} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('register.phone')}
            rules={[
              required,
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || isValidPhone(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('register.phoneInvalid'))),
              },
            ]}
          >
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item name="address" label={t('register.address')} rules={[{ max: 200 }]}>
            <Input autoComplete="street-address" />
          </Form.Item>
          <Form.Item name="regionId" label={t('public.region')} rules={[{ required: true, message: t('register.required') }]}>
            <PublicRegionSelect />
          </Form.Item>
          <Form.Item name="category" label={t('register.category')} rules={[{ required: true, message: t('register.required') }]}>
            <CategorySelect />
          </Form.Item>
          <Form.Item name="request" label={t('register.request')} rules={[required, { max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="facts" label={t('register.facts')} rules={[{ max: 8000 }]}>
            <Input.TextArea rows={4} maxLength={8000} />
          </Form.Item>
          <Form.Item name="reasons" label={t('register.reasons')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            {t('public.submit')}
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}
