import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { CreateApiClientRequest, IssuedApiKey } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import { UnitSelect } from '../../shared/units/unit-select';
import { SecretOnce } from '../../shared/components/secret-once';
import { apiScopes, useInvalidateApiClients } from './integration-queries';

const fields = ['name', 'unitId', 'scopes', 'rateLimitPerMinute'] as const;

const scopeLabels: Record<(typeof apiScopes)[number], MessageKey> = {
  'petitions:read': 'integrations.scope.petitions:read',
  'petitions:write': 'integrations.scope.petitions:write',
  'cases:read': 'integrations.scope.cases:read',
  'cases:write': 'integrations.scope.cases:write',
  'webhooks:manage': 'integrations.scope.webhooks:manage',
};

/** Registers an API client; once created, the dialog shows its key (the only time it can be seen) until closed. */
export function CreateApiClientDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateApiClientRequest>();
  const invalidate = useInvalidateApiClients();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: CreateApiClientRequest) => {
    setSaving(true);
    setFailure(null);
    try {
      const created = await unwrap(api.POST('/api/v1/integrations/clients', { body: values }));
      setIssued(created);
      void message.success(t('integrations.created'));
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
      title={issued ? t('integrations.keyTitle') : t('integrations.createTitle')}
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
              {t('common.save')}
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <SecretOnce secret={issued.apiKey} warning={t('integrations.keyOnce')} usage={t('integrations.keyHeader')} testId="api-key" />
      ) : (
        <Form<CreateApiClientRequest>
          form={form}
          layout="vertical"
          name="api-client"
          initialValues={{ rateLimitPerMinute: 600, scopes: [] }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="name" label={t('integrations.name')} rules={[{ required: true, message: t('integrations.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="unitId" label={t('integrations.unit')} rules={[{ required: true, message: t('integrations.required') }]}>
            <UnitSelect regionId={undefined} />
          </Form.Item>
          <Form.Item name="scopes" label={t('integrations.scopes')} rules={[{ required: true, message: t('integrations.required') }]}>
            <Checkbox.Group options={apiScopes.map((scope) => ({ value: scope, label: t(scopeLabels[scope]) }))} />
          </Form.Item>
          <Form.Item
            name="rateLimitPerMinute"
            label={t('integrations.rateLimit')}
            rules={[{ required: true, message: t('integrations.required') }]}
          >
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
