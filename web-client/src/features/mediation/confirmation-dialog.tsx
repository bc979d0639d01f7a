import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DisputeDetail, JudicialRuling } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { applyForConfirmation, recordConfirmationRuling } from './dispute-actions';
import { StepFailure, useDisputeStep } from './dispute-step';

interface ConfirmationValues {
  day: Dayjs;
  court?: string;
  ruling?: JudicialRuling;
  note?: string;
}

/** Records the parties' application to a court for judicial confirmation (within the window), or the court's ruling on it. */
export function ConfirmationDialog({ dispute, step, onClose }: { dispute: DisputeDetail; step: 'apply' | 'ruling'; onClose: () => void }) {
  const { t } = useI18n();
  const { busy, failure, run } = useDisputeStep();
  const [form] = Form.useForm<ConfirmationValues>();
  const dueOn = dispute.agreement?.confirmationDueOn;

  const submit = (values: ConfirmationValues) => {
    const day = values.day.format('YYYY-MM-DD');
    return run(
      () =>
        step === 'apply'
          ? applyForConfirmation(dispute.id, dispute.version, day, (values.court ?? '').trim())
          : recordConfirmationRuling(dispute.id, dispute.version, values.ruling ?? 'confirmed', day, values.note?.trim() ? values.note.trim() : null),
      onClose,
    );
  };

  return (
    <Modal
      open
      title={t(step === 'apply' ? 'confirmation.apply' : 'confirmation.recordRuling')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ConfirmationValues> form={form} layout="vertical" name={`confirmation-${step}`} initialValues={{ day: dayjs(), ruling: 'confirmed' }} onFinish={(values) => void submit(values)}>
        <StepFailure failure={failure} />
        <Form.Item
          name="day"
          label={t(step === 'apply' ? 'confirmation.appliedOn' : 'confirmation.decidedOn')}
          extra={step === 'apply' && dueOn ? t('confirmation.window', { due: dueOn }) : undefined}
          rules={[
            { required: true, message: t('confirmation.dayRequired') },
            {
              validator: (_, day: Dayjs | undefined) =>
                !day?.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error(t('agreement.effectiveOnFuture'))),
            },
            {
              validator: (_, day: Dayjs | undefined) =>
                step !== 'apply' || !dueOn || !day?.isAfter(dayjs(dueOn), 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('confirmation.pastWindow', { due: dueOn }))),
            },
          ]}
        >
          <DatePicker />
        </Form.Item>
        {step === 'apply' ? (
          <Form.Item name="court" label={t('confirmation.court')} rules={[{ required: true, whitespace: true, message: t('confirmation.courtRequired') }, { max: 100 }]}>
            <Input />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="ruling" label={t('confirmation.ruling')}>
              <Radio.Group
                options={[
                  { value: 'confirmed', label: t('judicialRuling.confirmed') },
                  { value: 'refused', label: t('judicialRuling.refused') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('confirmation.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
