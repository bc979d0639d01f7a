import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { AddJointMeetingRequest, JointMeetingSystem } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useInvalidateWorkSystems } from './work-system-queries';

interface MeetingFormValues {
  heldOn: Dayjs;
  matters: string;
  decisions: string;
  petitionNumbers?: string[];
}

const fields = ['heldOn', 'matters', 'decisions', 'petitionNumbers'] as const;

/** Records a meeting of a system: what it discussed and decided, and the petitions (by number) it took up. */
export function JointMeetingFormModal({ system, onClose }: { system: JointMeetingSystem | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingFormValues>();
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const outside = (current: Dayjs) =>
    current.isAfter(dayjs(), 'day') || (system !== null && current.isBefore(dayjs(system.establishedOn), 'day'));

  const submit = async (values: MeetingFormValues) => {
    if (!system) return;
    setSaving(true);
    setFailure(null);
    const body: AddJointMeetingRequest = {
      heldOn: values.heldOn.format('YYYY-MM-DD'),
      matters: values.matters.trim(),
      decisions: values.decisions.trim(),
      petitionNumbers: (values.petitionNumbers ?? []).map((number) => number.trim()).filter((number) => number.length > 0),
      caseIds: [],
    };
    try {
      await unwrap(api.POST('/api/v1/joint-meeting-systems/{id}/meetings', { params: { path: { id: system.id } }, body }));
      void message.success(t('jointMeetings.meetingAdded'));
      await invalidate();
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('jointMeetings.required') };

  return (
    <Modal
      open={system !== null}
      title={t('jointMeetings.addMeetingTitle', { name: system?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      <Form<MeetingFormValues> form={form} layout="vertical" name="joint-meeting" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="heldOn" label={t('jointMeetings.heldOn')} rules={[required]}>
          <DatePicker disabledDate={outside} />
        </Form.Item>
        <Form.Item name="matters" label={t('jointMeetings.matters')} rules={[{ ...required, whitespace: true }, { max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="decisions" label={t('jointMeetings.decisions')} rules={[{ ...required, whitespace: true }, { max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="petitionNumbers" label={t('jointMeetings.petitionNumbers')} extra={t('jointMeetings.petitionNumbersHint')}>
          <Select<string[]> mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
