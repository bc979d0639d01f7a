import { Alert, Button, Card, DatePicker, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DisputeDetail, Performance } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { recordFollowUp } from './dispute-actions';
import { performanceColors, performanceLabel, performances } from './dispute-labels';
import { StepFailure, useDisputeStep } from './dispute-step';

/** The return visits 回访 after an agreement and what each found of its performance; a visit may be recorded until one finds it performed. */
export function FollowUpCard({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!dispute.agreement) return null;
  const mayRecord = dispute.allowedActions.includes('record_follow_up');

  return (
    <Card
      size="small"
      title={t('followUp.title')}
      extra={
        mayRecord ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('followUp.record')}
          </Button>
        ) : null
      }
    >
      {dispute.performedOn ? (
        <Alert type="success" showIcon title={t('followUp.performedOn', { day: dispute.performedOn })} style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="warning" showIcon title={t('followUp.awaiting')} style={{ marginBottom: 12 }} />
      )}
      <List
        dataSource={dispute.followUps}
        locale={{ emptyText: <Typography.Text type="secondary">{t('followUp.empty')}</Typography.Text> }}
        renderItem={(visit) => (
          <List.Item>
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Typography.Text strong>{visit.visitedOn}</Typography.Text>
                <Tag color={performanceColors[visit.performance]}>{performanceLabel(t, visit.performance)}</Tag>
              </Space>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{visit.note}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {open ? <FollowUpDialog dispute={dispute} effectiveOn={dispute.agreement.effectiveOn} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

interface FollowUpValues {
  visitedOn: Dayjs;
  performance: Performance;
  note: string;
}

function FollowUpDialog({ dispute, effectiveOn, onClose }: { dispute: DisputeDetail; effectiveOn: string; onClose: () => void }) {
  const { t } = useI18n();
  const step = useDisputeStep('followUp.recorded');
  const [form] = Form.useForm<FollowUpValues>();
  const outOfRange = (day: Dayjs) => day.isBefore(dayjs(effectiveOn), 'day') || day.isAfter(dayjs(), 'day');

  const submit = (values: FollowUpValues) =>
    step.run(() => recordFollowUp(dispute.id, dispute.version, values.visitedOn.format('YYYY-MM-DD'), values.performance, values.note.trim()), onClose);

  return (
    <Modal open title={t('followUp.record')} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={step.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<FollowUpValues> form={form} layout="vertical" name="record-follow-up" initialValues={{ visitedOn: dayjs() }} onFinish={(values) => void submit(values)}>
        <StepFailure failure={step.failure} />
        <Form.Item
          name="visitedOn"
          label={t('followUp.visitedOn')}
          rules={[
            { required: true, message: t('followUp.visitedOnRequired') },
            { validator: (_, day?: Dayjs) => (day && outOfRange(day) ? Promise.reject(new Error(t('followUp.visitedOnInvalid'))) : Promise.resolve()) },
          ]}
        >
          <DatePicker disabledDate={outOfRange} />
        </Form.Item>
        <Form.Item name="performance" label={t('followUp.performance')} rules={[{ required: true, message: t('followUp.performanceRequired') }]}>
          <Radio.Group options={performances.map((value) => ({ value, label: performanceLabel(t, value) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('followUp.note')} rules={[{ required: true, whitespace: true, message: t('followUp.noteRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
