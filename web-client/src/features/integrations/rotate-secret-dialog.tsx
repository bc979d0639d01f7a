import { Alert, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { SecretOnce, type SecretOnceProps } from '../../shared/components/secret-once';

interface RotateValues {
  overlapHours: number;
}

/** What a rotation answered: the new secret and, with an overlap, until when the previous one keeps working. */
export interface RotatedSecret {
  secret: string;
  previousExpiresAt?: string | null;
}

interface RotateSecretDialogProps extends Pick<SecretOnceProps, 'warning' | 'usage' | 'testId'> {
  open: boolean;
  title: string;
  intro: string;
  formName: string;
  /** Words the previous secret's validity, given its end as the server sent it. */
  previousValidity: (expiresAt: string) => string;
  rotate: (overlapHours: number) => Promise<RotatedSecret>;
  /** Reloads what was rotated: after a rotation, and when the version read was stale (412). */
  refresh: () => Promise<unknown>;
  onClose: () => void;
}

/** Issues a new secret, the old one kept working for the overlap chosen, and shows the new one once until closed. */
export function RotateSecretDialog({ open, title, intro, formName, previousValidity, rotate, refresh, onClose, ...shown }: RotateSecretDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<RotateValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [rotated, setRotated] = useState<RotatedSecret | null>(null);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: RotateValues) => {
    setSaving(true);
    setFailure(null);
    try {
      setRotated(await rotate(values.overlapHours));
      await refresh();
    } catch (error) {
      setFailure(formFailureMessage(form, error, ['overlapHours'], t));
      if (isApiError(error) && error.status === 412) await refresh();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={() => {
        setRotated(null);
        setFailure(null);
      }}
      destroyOnHidden
      footer={
        rotated ? (
          <Button type="primary" onClick={onClose}>
            {t('integrations.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('integrations.rotateConfirm')}
            </Button>
          </>
        )
      }
    >
      {rotated ? (
        <SecretOnce secret={rotated.secret} previousValidity={rotated.previousExpiresAt ? previousValidity(rotated.previousExpiresAt) : null} {...shown} />
      ) : (
        <Form<RotateValues> form={form} layout="vertical" name={formName} initialValues={{ overlapHours: 24 }} onFinish={(v) => void submit(v)}>
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
          <Form.Item name="overlapHours" label={t('integrations.overlapHours')} rules={[{ required: true, message: t('integrations.required') }]}>
            <InputNumber min={0} max={720} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
