import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { SessionView } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { cancelSession, holdSession, rescheduleSession } from './dispute-actions';
import { useInvalidateDisputes } from './dispute-queries';
import { chinaDay } from './calendar-week';
import { instant, sessionTimes } from './session-times';

export type SessionStep = 'hold' | 'reschedule' | 'cancel';

interface StepValues {
  applicantAttended?: boolean;
  respondentAttended?: boolean;
  record?: string;
  day?: Dayjs;
  startsAt?: string;
  endsAt?: string;
  reason?: string;
}

const titleKey = { hold: 'sessions.hold', reschedule: 'sessions.reschedule', cancel: 'sessions.cancel' } as const;

/** Holding (attendance and record), moving or cancelling one scheduled session; a stale version reloads the dispute. */
export function SessionStepDialog({ disputeId, session, step, onClose }: { disputeId: string; session: SessionView; step: SessionStep; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateDisputes();
  const [form] = Form.useForm<StepValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: StepValues) => {
    setSaving(true);
    setFailure(null);
    try {
      if (step === 'hold') {
        await holdSession(disputeId, session.id, session.version, values.applicantAttended ?? false, values.respondentAttended ?? false, (values.record ?? '').trim());
      } else if (step === 'reschedule' && values.day && values.startsAt && values.endsAt) {
        await rescheduleSession(disputeId, session.id, session.version, instant(values.day, values.startsAt), instant(values.day, values.endsAt), (values.reason ?? '').trim());
      } else {
        await cancelSession(disputeId, session.id, session.version, (values.reason ?? '').trim());
      }
      void message.success(t('sessions.changed'));
      onClose();
      await invalidate();
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        setFailure(t('sessions.stale'));
        await invalidate();
      } else {
        setFailure(isApiError(error) && error.status === 409 ? t('sessions.clash', { detail: error.problem?.detail ?? '' }) : describeError(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(titleKey[step])}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<StepValues>
        form={form}
        layout="vertical"
        name={`session-${step}`}
        initialValues={step === 'reschedule' ? { day: dayjs(chinaDay(session.startsAt)) } : { applicantAttended: true, respondentAttended: true }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null}
        {step === 'hold' ? (
          <>
            <Space wrap>
              <Form.Item name="applicantAttended" valuePropName="checked">
                <Checkbox>{t('sessions.applicantAttended')}</Checkbox>
              </Form.Item>
              <Form.Item name="respondentAttended" valuePropName="checked">
                <Checkbox>{t('sessions.respondentAttended')}</Checkbox>
              </Form.Item>
            </Space>
            <Form.Item name="record" label={t('sessions.record')} rules={[{ required: true, whitespace: true, message: t('sessions.recordRequired') }, { max: 20000 }]}>
              <Input.TextArea rows={6} />
            </Form.Item>
          </>
        ) : null}
        {step === 'reschedule' ? (
          <>
            <Form.Item name="day" label={t('sessions.day')} rules={[{ required: true, message: t('sessions.dayRequired') }]}>
              <DatePicker />
            </Form.Item>
            <Space wrap>
              <Form.Item name="startsAt" label={t('sessions.start')} rules={[{ required: true, message: t('sessions.startRequired') }]}>
                <Select style={{ width: 120 }} options={sessionTimes.map((value) => ({ value, label: value }))} />
              </Form.Item>
              <Form.Item
                name="endsAt"
                label={t('sessions.end')}
                dependencies={['startsAt']}
                rules={[
                  { required: true, message: t('sessions.endRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_, end: string | undefined) => {
                      const start = getFieldValue('startsAt') as string | undefined;
                      return !end || !start || end > start ? Promise.resolve() : Promise.reject(new Error(t('sessions.endAfterStart')));
                    },
                  }),
                ]}
              >
                <Select style={{ width: 120 }} options={sessionTimes.map((value) => ({ value, label: value }))} />
              </Form.Item>
            </Space>
          </>
        ) : null}
        {step !== 'hold' ? (
          <Form.Item name="reason" label={t('sessions.reason')} rules={[{ required: true, whitespace: true, message: t('sessions.reasonRequired') }, { max: 1000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
