import { Alert, App, Form, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { assignDispute } from './dispute-actions';
import { useInvalidateDisputes } from './dispute-queries';
import { useMediationRooms } from './mediation-queries';

interface AssignValues {
  roomId: string;
  leadMediatorId: string;
  assistingMediatorIds?: string[];
}

/** Puts an open dispute in a room under a lead mediator and assisting mediators, all serving in the room. */
export function AssignDialog({ dispute, onClose }: { dispute: DisputeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateDisputes();
  const rooms = useMediationRooms({});
  const [form] = Form.useForm<AssignValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const roomId = Form.useWatch('roomId', form);
  const leadId = Form.useWatch('leadMediatorId', form);
  const mediators = useMemo(
    () => (rooms.data?.items.find((room) => room.id === roomId)?.mediators ?? []).filter((mediator) => !mediator.isRetired),
    [rooms.data, roomId],
  );

  const submit = async (values: AssignValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await assignDispute(dispute.id, dispute.version, {
        roomId: values.roomId,
        leadMediatorId: values.leadMediatorId,
        assistingMediatorIds: (values.assistingMediatorIds ?? []).filter((id) => id !== values.leadMediatorId),
      });
      void message.success(t('dispute.recorded'));
      onClose();
      await invalidate();
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        setFailure(t('dispute.stale'));
        await invalidate();
      } else {
        setFailure(describeError(error, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('assign.title')} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="assign-dispute"
        initialValues={{
          roomId: dispute.roomId ?? undefined,
          leadMediatorId: dispute.leadMediatorId ?? undefined,
          assistingMediatorIds: dispute.assistingMediators.map((m) => m.mediatorId),
        }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="roomId" label={t('disputeForm.room')} rules={[{ required: true, message: t('disputeForm.roomRequired') }]}>
          <Select
            loading={rooms.isPending}
            onChange={() => form.setFieldsValue({ leadMediatorId: undefined, assistingMediatorIds: [] })}
            options={(rooms.data?.items ?? []).map((room) => ({ value: room.id, label: `${room.name} · ${room.regionName}` }))}
          />
        </Form.Item>
        <Form.Item name="leadMediatorId" label={t('disputeForm.lead')} rules={[{ required: true, message: t('disputeForm.leadRequired') }]}>
          <Select options={mediators.map((mediator) => ({ value: mediator.id, label: mediator.name }))} />
        </Form.Item>
        <Form.Item name="assistingMediatorIds" label={t('disputeForm.assistants')}>
          <Select mode="multiple" maxCount={5} options={mediators.filter((m) => m.id !== leadId).map((mediator) => ({ value: mediator.id, label: mediator.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
