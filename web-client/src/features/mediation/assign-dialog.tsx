import { Form, Modal, Select } from 'antd';
import { useMemo } from 'react';
import type { DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { assignDispute } from './dispute-actions';
import { StepFailure, useDisputeStep } from './dispute-step';
import { useMediationRooms } from './mediation-queries';

interface AssignValues {
  roomId: string;
  leadMediatorId: string;
  assistingMediatorIds?: string[];
}

/** Puts an open dispute in a room under a lead mediator and assisting mediators, all serving in the room. */
export function AssignDialog({ dispute, onClose }: { dispute: DisputeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const step = useDisputeStep();
  const rooms = useMediationRooms({});
  const [form] = Form.useForm<AssignValues>();
  const roomId = Form.useWatch('roomId', form);
  const leadId = Form.useWatch('leadMediatorId', form);
  const mediators = useMemo(
    () => (rooms.data?.items.find((room) => room.id === roomId)?.mediators ?? []).filter((mediator) => !mediator.isRetired),
    [rooms.data, roomId],
  );

  const submit = (values: AssignValues) =>
    step.run(
      () =>
        assignDispute(dispute.id, dispute.version, {
          roomId: values.roomId,
          leadMediatorId: values.leadMediatorId,
          assistingMediatorIds: (values.assistingMediatorIds ?? []).filter((id) => id !== values.leadMediatorId),
        }),
      onClose,
    );

  return (
    <Modal open title={t('assign.title')} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={step.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
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
        <StepFailure failure={step.failure} />
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
