import { Checkbox, Form, Input, Tooltip } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n-context';
import { webhookEventLabel } from '../../../shared/i18n/labels';
import { useWebhookEventTypes } from './webhook-queries';

/** The fields a subscription is created and changed with: the receiver's URL, a description and the event types. */
export function WebhookFormFields() {
  const { t } = useI18n();
  const eventTypes = useWebhookEventTypes();
  return (
    <>
      <Form.Item name="url" label={t('webhooks.url')} extra={t('webhooks.urlHelp')} rules={[{ required: true, message: t('webhooks.required') }]}>
        <Input maxLength={2000} placeholder="https://" />
      </Form.Item>
      <Form.Item name="description" label={t('webhooks.description')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="eventTypes"
        label={t('webhooks.eventTypes')}
        rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.chooseEvents') }]}
      >
        <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 4 }}>
          {(eventTypes.data ?? []).map((type) => (
            <Tooltip key={type.name} title={type.description}>
              <Checkbox value={type.name}>{webhookEventLabel(t, type.name)}</Checkbox>
            </Tooltip>
          ))}
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}
