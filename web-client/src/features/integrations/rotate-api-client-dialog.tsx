import { Alert, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { ApiClient, IssuedApiKey } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { ApiKeyOnce } from './api-key-once';
import { etagOf, formatInstant, useInvalidateApiClients } from './integration-queries';

interface RotateValues {
  overlapHours: number;
}

/** Issues a new key for a client, the old one valid for the overlap chosen; shows the new key once. */
export function RotateApiClientDialog({ client, onClose }: { client: ApiClient | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<RotateValues>();
  const invalidate = useInvalidateApiClients();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);

  useEffect(() => {
    if (client) form.resetFields();
  }, [client, form]);

  const submit = async (values: RotateValues) => {
    if (!client) return;
    setSaving(true);
    setFailure(null);
    try {
      setIssued(
        await unwrap(
          api.POST('/api/v1/integrations/clients/{id}/rotation', {
            params: { path: { id: client.id }, header: { 'If-Match': etagOf(client.version) } },
            body: values,
          }),
        ),
      );
      await invalidate();
    } catch (error) {
      setFailure(formFailureMessage(form, error, ['overlapHours'], t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={client !== null}
      title={t('integrations.rotateTitle', { name: client?.name ?? '' })}
      onCancel={onClose}
      afterClose={() => {
        setIssued(null);
        setFailure(null);
      }}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={onClose}>
            {t('integrations.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('integrations.rotate')}
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <ApiKeyOnce
          apiKey={issued.apiKey}
          expiresAt={issued.previousSecretsExpireAt ? formatInstant(issued.previousSecretsExpireAt, locale) : null}
        />
      ) : (
        <Form<RotateValues> form={form} layout="vertical" name="api-client-rotation" initialValues={{ overlapHours: 24 }} onFinish={(v) => void submit(v)}>
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Typography.Paragraph type="secondary">{t('integrations.rotateIntro')}</Typography.Paragraph>
          <Form.Item name="overlapHours" label={t('integrations.overlapHours')} rules={[{ required: true, message: t('integrations.required') }]}>
            <InputNumber min={0} max={720} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
