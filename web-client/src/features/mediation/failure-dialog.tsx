import { Form, Input, Modal } from 'antd';
import type { DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { recordFailure } from './dispute-actions';
import { StepFailure, useDisputeStep } from './dispute-step';

/** Ends an accepted dispute as failed: the reason, and the guidance to litigation or arbitration written to the parties. */
export function FailureDialog({ dispute, onClose }: { dispute: DisputeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const step = useDisputeStep();
  const [form] = Form.useForm<{ reason: string; guidance: string }>();

  const submit = (values: { reason: string; guidance: string }) =>
    step.run(() => recordFailure(dispute.id, dispute.version, values.reason.trim(), values.guidance.trim()), onClose);

  return (
    <Modal open title={t('outcome.recordFailure')} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={step.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="record-failure" onFinish={(values) => void submit(values)}>
        <StepFailure failure={step.failure} />
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
