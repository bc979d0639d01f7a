import { Alert, App, Button, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api/api';
import { unwrap } from '../../../shared/api/api-client';
import type { CreateWebhookSubscriptionRequest } from '../../../shared/api/api-types';
import { formFailureMessage } from '../../../shared/api/form-failure';
import { useI18n } from '../../../shared/i18n/i18n-context';
import { SecretOnce } from '../../../shared/components/secret-once';
import { WebhookFormFields } from './webhook-form';
import { useInvalidateWebhooks } from './webhook-queries';

const fields = ['url', 'description', 'eventTypes', 'ownerUnitId'] as const;

/** Subscribes a receiver; once created, the dialog shows the signing secret (the only time it can be seen) until closed. */
export function CreateWebhookDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateWebhookSubscriptionRequest>();
  const invalidate = useInvalidateWebhooks();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: CreateWebhookSubscriptionRequest) => {
    setSaving(true);
    setFailure(null);
    try {
      const created = await unwrap(api.POST('/api/v1/integrations/webhooks', { body: values }));
      setSecret(created.secret);
      void message.success(t('webhooks.created'));
      await invalidate();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={secret ? t('webhooks.secretTitle') : t('webhooks.createTitle')}
      onCancel={onClose}
      afterClose={() => {
        setSecret(null);
        setFailure(null);
      }}
      destroyOnHidden
      footer={
        secret ? (
          <Button type="primary" onClick={onClose}>
            {t('webhooks.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </>
        )
      }
    >
      {secret ? (
        <SecretOnce secret={secret} warning={t('webhooks.secretOnce')} testId="webhook-secret" />
      ) : (
        <Form<CreateWebhookSubscriptionRequest>
          form={form}
          layout="vertical"
          name="webhook"
          initialValues={{ eventTypes: [] }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <WebhookFormFields />
        </Form>
      )}
    </Modal>
  );
}
