import { Alert, App, Checkbox, Descriptions, Form, Modal, Select } from 'antd';
import { useRef, useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import type { Mediator } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useBookableDisputes } from './calendar-queries';
import { chinaInstant, clockTime } from './calendar-week';
import { scheduleSession } from './dispute-actions';

export interface BookingSlot {
  day: string;
  minutes: number;
}

interface BookingValues {
  disputeId: string;
  duration: number;
  mediatorIds?: string[];
}

const durations = [30, 60, 90, 120, 180, 240];

/**
 * Books a session of one of the room's accepted disputes from the slot chosen on the calendar. The server decides clashes:
 * a room or mediator already booked answers 409 naming the session, which is shown here and the calendar reloaded.
 */
export function CalendarBookingDialog({
  roomId,
  slot,
  mediators,
  defaultDisputeId,
  defaultMediatorId,
  onClose,
  onBooked,
}: {
  roomId: string;
  slot: BookingSlot;
  mediators: readonly Mediator[];
  defaultDisputeId?: string;
  defaultMediatorId?: string;
  onClose: () => void;
  onBooked: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BookingValues>();
  const disputes = useBookableDisputes(roomId, true);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef<{ body: string; key: string } | null>(null);

  const submit = async (values: BookingValues) => {
    const startsAt = chinaInstant(slot.day, slot.minutes);
    const endsAt = chinaInstant(slot.day, slot.minutes + values.duration);
    const mediatorIds = values.mediatorIds && values.mediatorIds.length > 0 ? values.mediatorIds : null;
    const body = JSON.stringify([values.disputeId, startsAt, endsAt, mediatorIds]);
    if (key.current?.body !== body) key.current = { body, key: crypto.randomUUID() };
    setSaving(true);
    setFailure(null);
    try {
      await scheduleSession(values.disputeId, startsAt, endsAt, key.current.key, mediatorIds);
      void message.success(t('sessions.booked'));
      await onBooked();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setFailure(t('sessionCalendar.clash', { detail: error.problem?.detail ?? '' }));
        await onBooked();
      } else {
        setFailure(formFailureMessage(form, error, ['disputeId', 'mediatorIds'], t));
      }
    } finally {
      setSaving(false);
    }
  };

  const serving = mediators.filter((mediator) => !mediator.isRetired);
  return (
    <Modal
      open
      title={t('sessionCalendar.bookTitle')}
      okText={t('sessionCalendar.bookConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<BookingValues>
        form={form}
        layout="vertical"
        name="calendar-booking"
        initialValues={{ disputeId: defaultDisputeId, duration: 60, mediatorIds: defaultMediatorId ? [defaultMediatorId] : [] }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} data-testid="calendar-clash" /> : null}
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('sessionCalendar.slot')}>{t('sessionCalendar.slotAt', { day: slot.day, time: clockTime(slot.minutes) })}</Descriptions.Item>
        </Descriptions>
        <Form.Item name="disputeId" label={t('sessionCalendar.dispute')} rules={[{ required: true, message: t('sessionCalendar.disputeRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={disputes.isPending}
            status={disputes.isError ? 'error' : undefined}
            placeholder={disputes.isError ? t('common.loadFailed') : undefined}
            notFoundContent={t('sessionCalendar.noBookableDisputes')}
            options={(disputes.data?.items ?? []).map((dispute) => ({
              value: dispute.id,
              label: `${dispute.number} ${dispute.applicantNames} / ${dispute.respondentNames}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="duration" label={t('sessionCalendar.duration')} rules={[{ required: true }]}>
          <Select options={durations.map((value) => ({ value, label: t('sessionCalendar.minutes', { minutes: value }) }))} />
        </Form.Item>
        <Form.Item name="mediatorIds" label={t('sessionCalendar.mediators')} extra={t('sessionCalendar.mediatorsHint')}>
          <Checkbox.Group options={serving.map((mediator) => ({ value: mediator.id, label: mediator.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
