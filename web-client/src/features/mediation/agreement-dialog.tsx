import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AgreementForm, DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { recordAgreement } from './dispute-actions';
import { StepFailure, useDisputeStep } from './dispute-step';

interface AgreementValues {
  terms: string;
  amountAgreed?: number | null;
  form: AgreementForm;
  applicantSigned: boolean;
  respondentSigned: boolean;
  effectiveOn: Dayjs;
  performanceDeadline: Dayjs;
}

/**
 * Records the mediation agreement of an accepted dispute: terms, amount, form, signatures, the day it took effect and the
 * performance deadline. A written agreement needs both signatures; dates are checked as the server checks them.
 */
export function AgreementDialog({ dispute, onClose }: { dispute: DisputeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const step = useDisputeStep('agreement.recorded');
  const [form] = Form.useForm<AgreementValues>();
  const agreementForm = Form.useWatch('form', form);

  const submit = (values: AgreementValues) =>
    step.run(
      () =>
        recordAgreement(dispute.id, dispute.version, {
          terms: values.terms.trim(),
          amountAgreed: values.amountAgreed ?? null,
          form: values.form,
          applicantSigned: values.applicantSigned,
          respondentSigned: values.respondentSigned,
          effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
          performanceDeadline: values.performanceDeadline.format('YYYY-MM-DD'),
        }),
      onClose,
    );

  const signatureRule = (side: 'applicantSigned' | 'respondentSigned') => ({
    validator: (_: unknown, signed: boolean | undefined) =>
      form.getFieldValue('form') !== 'written' || signed ? Promise.resolve() : Promise.reject(new Error(t(side === 'applicantSigned' ? 'agreement.applicantMustSign' : 'agreement.respondentMustSign'))),
  });

  return (
    <Modal
      open
      title={t('agreement.record')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={step.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<AgreementValues>
        form={form}
        layout="vertical"
        name="record-agreement"
        initialValues={{ form: 'written', applicantSigned: false, respondentSigned: false, effectiveOn: dayjs() }}
        onFinish={(values) => void submit(values)}
      >
        <StepFailure failure={step.failure} />
        <Form.Item name="terms" label={t('agreement.terms')} rules={[{ required: true, whitespace: true, message: t('agreement.termsRequired') }, { max: 20000 }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="amountAgreed" label={t('agreement.amount')}>
          <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="form" label={t('agreement.form')}>
          <Radio.Group
            onChange={() => void form.validateFields(['applicantSigned', 'respondentSigned']).catch(() => undefined)}
            options={[
              { value: 'written', label: t('agreementForm.written') },
              { value: 'oral', label: t('agreementForm.oral') },
            ]}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="applicantSigned" valuePropName="checked" rules={[signatureRule('applicantSigned')]}>
            <Checkbox>{t('agreement.applicantSigned')}</Checkbox>
          </Form.Item>
          <Form.Item name="respondentSigned" valuePropName="checked" rules={[signatureRule('respondentSigned')]}>
            <Checkbox>{t('agreement.respondentSigned')}</Checkbox>
          </Form.Item>
        </Space>
        {agreementForm === 'written' ? <Alert type="info" showIcon title={t('agreement.writtenHelp')} style={{ marginBottom: 12 }} /> : null}
        <Space wrap>
          <Form.Item
            name="effectiveOn"
            label={t('agreement.effectiveOn')}
            rules={[
              { required: true, message: t('agreement.effectiveOnRequired') },
              { validator: (_, day: Dayjs | undefined) => (!day?.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error(t('agreement.effectiveOnFuture')))) },
            ]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="performanceDeadline"
            label={t('agreement.performanceDeadline')}
            dependencies={['effectiveOn']}
            rules={[
              { required: true, message: t('agreement.performanceDeadlineRequired') },
              ({ getFieldValue }) => ({
                validator: (_, day: Dayjs | undefined) => {
                  const effective = getFieldValue('effectiveOn') as Dayjs | undefined;
                  return !day || !effective || !day.isBefore(effective, 'day') ? Promise.resolve() : Promise.reject(new Error(t('agreement.performanceBeforeEffect')));
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
