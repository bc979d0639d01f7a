import { Alert, App, DatePicker, Form, Modal, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { LoadError } from '../../shared/components/load-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useInvalidateWorkSystems, useVersionedJointMeetingSystem } from './work-system-queries';

interface RetireFormValues {
  retiredOn: Dayjs;
}

const fields = ['retiredOn'] as const;

const notAhead = (current: Dayjs) => current.isAfter(dayjs(), 'day');

/** Retires a joint-meeting system as of a day; it keeps its meetings. Sends the ETag of the system it loaded as If-Match. */
export function JointMeetingSystemRetireModal({ systemId, onClose }: { systemId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RetireFormValues>();
  const versioned = useVersionedJointMeetingSystem(systemId);
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const name = versioned.data?.system.name ?? '';

  const submit = async (values: RetireFormValues) => {
    if (!systemId || !versioned.data) return;
    setSaving(true);
    setFailure(null);
    try {
      await unwrap(
        api.POST('/api/v1/joint-meeting-systems/{id}/retire', {
          params: { path: { id: systemId }, header: { 'If-Match': versioned.data.etag } },
          body: { retiredOn: values.retiredOn.format('YYYY-MM-DD') },
        }),
      );
      void message.success(t('jointMeetings.systemRetired', { name }));
      await invalidate();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
      // A stale retire reloads the system, so that the next attempt is made against what others changed.
      if (isApiError(error) && error.status === 412) await versioned.refetch();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={systemId !== null}
      title={t('jointMeetings.retireTitle', { name })}
      okText={t('jointMeetings.retire')}
      okButtonProps={{ danger: true, disabled: !versioned.data }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      {versioned.isPending ? (
        <Skeleton active />
      ) : versioned.isError ? (
        <LoadError compact error={versioned.error} onRetry={() => void versioned.refetch()} />
      ) : null}
      <Form<RetireFormValues>
        form={form}
        layout="vertical"
        name="joint-meeting-system-retire"
        hidden={!versioned.data}
        initialValues={{ retiredOn: dayjs() }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Typography.Paragraph>{t('jointMeetings.retireHint')}</Typography.Paragraph>
        <Form.Item
          name="retiredOn"
          label={t('jointMeetings.retiredOnField')}
          rules={[{ required: true, message: t('jointMeetings.required') }]}
        >
          <DatePicker disabledDate={notAhead} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
