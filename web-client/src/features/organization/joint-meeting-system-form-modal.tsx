import { Alert, App, DatePicker, Form, Input, Modal, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { UpdateJointMeetingSystemRequest } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { LoadError } from '../../shared/components/load-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { useInvalidateWorkSystems, useVersionedJointMeetingSystem } from './work-system-queries';

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

/**
 * Sets up the joint-meeting system of a district or town (no systemId): convener, member units of the region, date
 * established. Or changes one: everything but its region, sending the ETag of the system it loaded as If-Match.
 */
export function JointMeetingSystemFormModal({
  open,
  systemId = null,
  onClose,
}: {
  open: boolean;
  systemId?: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SystemFormValues>();
  const regionId = Form.useWatch('regionId', form);
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const versioned = useVersionedJointMeetingSystem(open ? systemId : null);
  const editing = systemId !== null;
  const loaded = !editing || Boolean(versioned.data);

  useEffect(() => {
    const system = versioned.data?.system;
    if (system) {
      form.setFieldsValue({
        name: system.name,
        regionId: system.regionId,
        convenerName: system.convenerName,
        convenerPost: system.convenerPost,
        memberUnitIds: system.members.map((member) => member.unitId),
        establishedOn: dayjs(system.establishedOn),
      });
    }
  }, [versioned.data, form]);

  const submit = async (values: SystemFormValues) => {
    setSaving(true);
    setFailure(null);
    const convenerName = values.convenerName.trim();
    const loadedSystem = versioned.data?.system;
    // A system keeps its region: only a new one names it. The form names the convener by name only, so a linked
    // convener account stays linked while the name is left as it was.
    const body: UpdateJointMeetingSystemRequest = {
      name: values.name.trim(),
      convenerUserId: loadedSystem?.convenerName === convenerName ? (loadedSystem.convenerUserId ?? null) : null,
      convenerName,
      convenerPost: values.convenerPost.trim(),
      memberUnitIds: values.memberUnitIds,
      establishedOn: values.establishedOn.format('YYYY-MM-DD'),
    };
    try {
      if (systemId && versioned.data) {
        await unwrap(
          api.PUT('/api/v1/joint-meeting-systems/{id}', {
            params: { path: { id: systemId }, header: { 'If-Match': versioned.data.etag } },
            body,
          }),
        );
        void message.success(t('jointMeetings.systemUpdated', { name: body.name }));
      } else {
        await unwrap(api.POST('/api/v1/joint-meeting-systems', { body: { ...body, regionId: values.regionId } }));
        void message.success(t('jointMeetings.systemCreated', { name: body.name }));
      }
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
      // A stale edit reloads the system, so that the next save is made against what others changed.
      if (isApiError(error) && error.status === 412) await versioned.refetch();
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('jointMeetings.required') };

  return (
    <Modal
      open={open}
      title={
        editing
          ? t('jointMeetings.editSystemTitle', { name: versioned.data?.system.name ?? '' })
          : t('jointMeetings.createSystemTitle')
      }
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: !loaded }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      {editing && versioned.isPending ? (
        <Skeleton active />
      ) : editing && versioned.isError ? (
        <LoadError compact error={versioned.error} onRetry={() => void versioned.refetch()} />
      ) : null}
      <Form<SystemFormValues>
        form={form}
        layout="vertical"
        name="joint-meeting-system"
        hidden={!loaded}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('jointMeetings.systemName')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('jointMeetings.region')}
          rules={[required]}
          extra={editing ? t('jointMeetings.regionFixed') : t('jointMeetings.regionHint')}
        >
          <RegionTreeSelect disabled={editing} />
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
