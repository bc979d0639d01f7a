import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { extendClock, pauseClock, resumeClock } from './dispute-actions';
import { StepFailure, useDisputeStep } from './dispute-step';

interface ClockValues {
  reason: string;
  days?: number;
  applicantAgrees?: boolean;
  respondentAgrees?: boolean;
}

/**
 * The mediation time limit of a dispute type that has one (medical disputes: 30 working days from acceptance): the deadline,
 * an appraisal pause, and an extension, which needs both sides' agreement. Past it the dispute is flagged.
 */
export function ClockCard({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const { busy, failure, run, clearFailure } = useDisputeStep('clock.recorded');
  const [open, setOpen] = useState<'pause' | 'extend' | null>(null);
  const [form] = Form.useForm<ClockValues>();
  const clock = dispute.clock;
  if (!clock) return null;
  const mayChange = dispute.status === 'accepted' && dispute.allowedActions.includes('record_agreement');

  const close = () => {
    setOpen(null);
    form.resetFields();
  };

  const submit = (values: ClockValues) =>
    void run(
      () =>
        open === 'extend' ? extendClock(dispute.id, dispute.version, values.days ?? 0, values.reason.trim()) : pauseClock(dispute.id, dispute.version, values.reason.trim()),
      close,
    );
  const mustAgree = { validator: (_: unknown, agrees?: boolean) => (agrees ? Promise.resolve() : Promise.reject(new Error(t('clock.bothMustAgree')))) };

  return (
    <Card
      size="small"
      title={t('clock.title')}
      extra={
        mayChange ? (
          <Space>
            {clock.pausedAt ? (
              <Button loading={busy} onClick={() => void run(() => resumeClock(dispute.id, dispute.version), close)}>
                {t('clock.resume')}
              </Button>
            ) : (
              <Button onClick={() => setOpen('pause')}>{t('clock.pause')}</Button>
            )}
            <Button onClick={() => setOpen('extend')}>{t('clock.extend')}</Button>
          </Space>
        ) : null
      }
    >
      {failure && open === null ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Space orientation="vertical">
        <Typography.Text>
          {t(clock.limitInWorkingDays ? 'clock.dueOn' : 'clock.dueOnCalendar', { due: clock.dueOn, days: clock.limitDays })}
          {dispute.status === 'accepted' && !clock.overdue ? ` · ${t('clock.left', { days: clock.workingDaysLeft })}` : ''}
        </Typography.Text>
        {clock.pausedAt ? <Alert type="info" showIcon title={t('clock.paused', { reason: clock.pauseReason ?? '' })} /> : null}
        {clock.overdue ? <Alert type="error" showIcon title={t('clock.overdue')} /> : null}
      </Space>
      {clock.entries.length > 0 ? (
        <List
          size="small"
          dataSource={clock.entries}
          renderItem={(entry) => (
            <List.Item>{t(entry.kind === 'pause' ? 'clock.entryPause' : 'clock.entryExtension', { days: entry.days ?? '…', reason: entry.reason })}</List.Item>
          )}
        />
      ) : null}
      <Modal
        open={open !== null}
        title={open === 'extend' ? t('clock.extend') : t('clock.pause')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(null);
          clearFailure();
        }}
        destroyOnHidden
      >
        <Form<ClockValues> form={form} layout="vertical" name="mediation-clock" onFinish={submit}>
          <StepFailure failure={failure} />
          {open === 'extend' ? (
            <>
              <Form.Item name="days" label={t('clock.days')} rules={[{ required: true, type: 'number', min: 1, max: 90, message: t('clock.daysRequired') }]}>
                <InputNumber min={1} max={90} precision={0} />
              </Form.Item>
              <Form.Item name="applicantAgrees" valuePropName="checked" rules={[mustAgree]}>
                <Checkbox>{t('clock.applicantAgrees')}</Checkbox>
              </Form.Item>
              <Form.Item name="respondentAgrees" valuePropName="checked" rules={[mustAgree]}>
                <Checkbox>{t('clock.respondentAgrees')}</Checkbox>
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="reason" label={t('clock.reason')} rules={[{ required: true, whitespace: true, message: t('clock.reasonRequired') }, { max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
