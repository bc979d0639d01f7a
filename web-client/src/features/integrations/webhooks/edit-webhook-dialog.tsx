import { Alert, App, Button, Form, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api/api';
import { unwrap } from '../../../shared/api/api-client';
import type { UpdateWebhookSubscriptionRequest, WebhookSubscription } from '../../../shared/api/api-types';
import { formFailureMessage } from '../../../shared/api/form-failure';
import { useI18n } from '../../../shared/i18n/i18n-context';
import { WebhookFormFields } from './webhook-form';
import { etagOf, useInvalidateWebhooks } from './webhook-queries';

const fields = ['url', 'description', 'eventTypes', 'isActive'] as const;

/** Changes a subscription, pauses it or enables it again (a disabled one too); sent with the version it was read at. */
export function EditWebhookDialog({ subscription, onClose }: { subscription: WebhookSubscription | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateWebhookSubscriptionRequest>();
  const invalidate = useInvalidateWebhooks();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (subscription) {
      form.setFieldsValue({
        url: subscription.url,
        description: subscription.description ?? undefined,
        eventTypes: [...subscription.eventTypes],
        isActive: subscription.status === 'active',
      });
    }
  }, [subscription, form]);

  const submit = async (values: UpdateWebhookSubscriptionRequest) => {
    if (!subscription) return;
    setSaving(true);
    setFailure(null);
    try {
      await unwrap(
        api.PUT('/api/v1/integrations/webhooks/{id}', {
          params: { path: { id: subscription.id }, header: { 'If-Match': etagOf(subscription.version) } },
          body: values,
        }),
      );
      void message.success(t('webhooks.saved'));
      await invalidate();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={subscription !== null}
      width={720}
      title={t('webhooks.editTitle')}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <Form<UpdateWebhookSubscriptionRequest> form={form} layout="vertical" name="webhook-edit" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <WebhookFormFields />
        <Form.Item name="isActive" label={t('webhooks.isActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
