import { Alert, App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import type { BatchOutcome, ReceptionBatch } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { correctBatch, retryWhileCaseNotOpen, takeChargeOfBatchCase } from './reception-actions';
import { outcomeLabel } from './reception-labels';
import { receptionFailureMessage } from './reception-problem';
import { useInvalidateReceptions } from './reception-queries';

interface CorrectionValues {
  persons: number;
  outcome: BatchOutcome;
  reason?: string;
}

/** The outcomes a correction may choose: between solved and explained; an assigned batch stays assigned. */
export const correctableOutcomes = (from: BatchOutcome): BatchOutcome[] =>
  from === 'assigned' ? ['assigned'] : ['solved_on_the_spot', 'explained'];

/** Corrects a batch's persons or outcome with a reason; sends If-Match with the batch's version. */
export function CorrectBatchDialog({ receptionId, batch, onClose }: { receptionId: string; batch: ReceptionBatch | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const invalidate = useInvalidateReceptions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = async (values: CorrectionValues) => {
    if (!batch) return;
    setSaving(true);
    setFailure(null);
    try {
      await correctBatch(receptionId, batch.id, batch.version, { persons: values.persons, outcome: values.outcome, reason: values.reason?.trim() ?? '' });
      void message.success(t('batchCorrection.done', { ordinal: batch.ordinal }));
      close();
      await invalidate();
    } catch (error) {
      setFailure(receptionFailureMessage(form, error, ['persons', 'outcome', 'reason'], t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={batch !== null}
      title={batch ? t('batchCorrection.title', { ordinal: batch.ordinal }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {batch ? (
        <Form<CorrectionValues>
          form={form}
          layout="vertical"
          name="correct-batch"
          initialValues={{ persons: batch.persons, outcome: batch.outcome }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item
            name="persons"
            label={t('batchForm.persons')}
            rules={[{ required: true, type: 'number', min: Math.max(1, batch.petitioners.length), max: 100_000, message: t('batchForm.personsTooFew') }]}
          >
            <InputNumber min={1} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item name="outcome" label={t('batchForm.outcome')} extra={batch.outcome === 'assigned' ? t('batchCorrection.assignedStays') : undefined}>
            <Radio.Group options={correctableOutcomes(batch.outcome).map((value) => ({ value, label: outcomeLabel(t, value) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('batchCorrection.reason')} rules={[{ required: true, whitespace: true, message: t('batchForm.required') }, { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

/** How often, and how long apart, taking charge is tried while dispatch has not opened the case yet. */
export const chargeAttempts = 8;
export const chargeRetryDelayMs = 1_000;

/** 包案: the leader takes personal charge of the case of an assigned batch, trying again while the case is being opened. */
export function TakeChargeDialog({ receptionId, batch, onClose }: { receptionId: string; batch: ReceptionBatch | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const invalidate = useInvalidateReceptions();
  const [saving, setSaving] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    setWaiting(false);
    onClose();
  };

  const submit = async (note: string) => {
    if (!batch) return;
    setSaving(true);
    setFailure(null);
    try {
      await retryWhileCaseNotOpen(() => takeChargeOfBatchCase(receptionId, batch.id, batch.version, note), {
        attempts: chargeAttempts,
        delayMs: chargeRetryDelayMs,
        onWait: () => setWaiting(true),
      });
      void message.success(t('batchCharge.done', { ordinal: batch.ordinal }));
      close();
      await invalidate();
    } catch (error) {
      setWaiting(false);
      setFailure(receptionFailureMessage(form, error, ['note'], t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={batch !== null}
      title={batch ? t('batchCharge.title', { ordinal: batch.ordinal }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {batch ? (
        <Form<{ note?: string }> form={form} layout="vertical" name="take-charge" onFinish={(values) => void submit(values.note?.trim() ?? '')}>
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          {waiting ? <Alert type="info" showIcon title={t('batchCharge.waiting')} role="status" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="note" label={t('batchCharge.note')} rules={[{ required: true, whitespace: true, message: t('batchForm.required') }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
