import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { ResponsibilityLetter } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { letterEtag, useInvalidateWorkSystems } from './work-system-queries';

interface WithdrawFormValues {
  reason: string;
}

const fields = ['reason'] as const;

/** Withdraws a letter recorded by mistake, with the reason, sending the version the list showed as If-Match. */
export function ResponsibilityLetterWithdrawModal({ letter, onClose }: { letter: ResponsibilityLetter | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<WithdrawFormValues>();
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: WithdrawFormValues) => {
    if (!letter) return;
    setSaving(true);
    setFailure(null);
    try {
      await unwrap(
        api.POST('/api/v1/responsibility-letters/{id}/withdrawal', {
          params: { path: { id: letter.id }, header: { 'If-Match': letterEtag(letter.version) } },
          body: { reason: values.reason.trim() },
        }),
      );
      void message.success(t('letters.withdrawn'));
      await invalidate();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
      // A stale or already withdrawn letter reads the list afresh, so that it shows as it now is.
      if (isApiError(error) && (error.status === 412 || error.status === 409)) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={letter !== null}
      title={
        letter
          ? t('letters.withdrawTitle', { issuing: letter.issuingRegionName, receiving: letter.receivingRegionName, year: letter.year })
          : null
      }
      okText={t('letters.withdraw')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      <Form<WithdrawFormValues>
        form={form}
        layout="vertical"
        name="responsibility-letter-withdraw"
        initialValues={{ reason: '' }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Typography.Paragraph>{t('letters.withdrawHint')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('letters.reason')}
          rules={[{ required: true, whitespace: true, message: t('letters.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={2} placeholder={t('letters.withdrawReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
