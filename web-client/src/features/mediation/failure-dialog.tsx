import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { recordFailure } from './dispute-actions';
import { useInvalidateDisputes } from './dispute-queries';

/** Ends an accepted dispute as failed: the reason, and the guidance to litigation or arbitration written to the parties. */
export function FailureDialog({ dispute, onClose }: { dispute: DisputeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateDisputes();
  const [form] = Form.useForm<{ reason: string; guidance: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: { reason: string; guidance: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await recordFailure(dispute.id, dispute.version, values.reason.trim(), values.guidance.trim());
      void message.success(t('dispute.recorded'));
      onClose();
      await invalidate();
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        setFailure(t('dispute.stale'));
        await invalidate();
      } else {
        setFailure(describeError(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('outcome.recordFailure')} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="record-failure" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="reason" label={t('outcome.failureReason')} rules={[{ required: true, whitespace: true, message: t('outcome.failureReasonRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="guidance"
          label={t('dispute.guidance')}
          extra={t('dispute.guidanceHelp')}
          rules={[{ required: true, whitespace: true, message: t('dispute.guidanceRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
