import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { CreateJointMeetingSystemRequest } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { useInvalidateWorkSystems } from './work-system-queries';

interface SystemFormValues {
  name: string;
  regionId: string;
  convenerName: string;
  convenerPost: string;
  memberUnitIds: string[];
  establishedOn: Dayjs;
}

const fields = ['name', 'regionId', 'convenerName', 'convenerPost', 'memberUnitIds', 'establishedOn'] as const;

/** A region that already has an active system is a matter of the region field. */
const fieldOfCode: Record<string, (typeof fields)[number]> = { joint_meeting_system_exists: 'regionId' };

const notAhead = (current: Dayjs) => current.isAfter(dayjs(), 'day');

/** Sets up the joint-meeting system of a district or town: convener, member units of the region, date established. */
export function JointMeetingSystemFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SystemFormValues>();
  const regionId = Form.useWatch('regionId', form);
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: SystemFormValues) => {
    setSaving(true);
    setFailure(null);
    const body: CreateJointMeetingSystemRequest = {
      name: values.name.trim(),
      regionId: values.regionId,
      convenerUserId: null,
      convenerName: values.convenerName.trim(),
      convenerPost: values.convenerPost.trim(),
      memberUnitIds: values.memberUnitIds,
      establishedOn: values.establishedOn.format('YYYY-MM-DD'),
    };
    try {
      await unwrap(api.POST('/api/v1/joint-meeting-systems', { body }));
      void message.success(t('jointMeetings.systemCreated', { name: body.name }));
      await invalidate();
      form.resetFields();
      onClose();
    } catch (error) {
      const field = isApiError(error) && error.code ? fieldOfCode[error.code] : undefined;
      if (field) {
        form.setFields([{ name: field, errors: [describeError(error, t)] }]);
      } else {
        setFailure(formFailureMessage(form, error, fields, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('jointMeetings.required') };

  return (
    <Modal
      open={open}
      title={t('jointMeetings.createSystemTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      <Form<SystemFormValues> form={form} layout="vertical" name="joint-meeting-system" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('jointMeetings.systemName')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="regionId" label={t('jointMeetings.region')} rules={[required]} extra={t('jointMeetings.regionHint')}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="convenerName" label={t('jointMeetings.convenerName')} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="convenerPost" label={t('jointMeetings.convenerPost')} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="memberUnitIds" label={t('jointMeetings.members')} rules={[required]} extra={t('jointMeetings.membersHint')}>
          <UnitSelect mode="multiple" regionId={regionId} />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('jointMeetings.establishedOn')} rules={[required]}>
          <DatePicker disabledDate={notAhead} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
