import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { DisputeDetail, SessionStatus, SessionView } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { useI18n } from '../../shared/i18n/i18n-context';
import { scheduleSession } from './dispute-actions';
import { disputeSideLabel } from './dispute-labels';
import { useInvalidateDisputes } from './dispute-queries';
import { type SessionStep, SessionStepDialog } from './session-step-dialog';
import { chinaDateTime } from './calendar-week';
import { instant, sessionTimes } from './session-times';

const statusColors: Record<SessionStatus, string> = { scheduled: 'blue', held: 'green', cancelled: 'default' };


interface SessionValues {
  day: Dayjs;
  startsAt: string;
  endsAt: string;
  invitedPartyIds: string[];
}


/** The sessions of a dispute, and booking one for an accepted dispute; a clash is refused with the session it clashes with. */
export function SessionCard({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mayMediate = useCapability('mediate_disputes') && dispute.status === 'accepted';
  const mayBook = mayMediate && dispute.roomId != null;
  const [stepping, setStepping] = useState<{ session: SessionView; step: SessionStep } | null>(null);
  const invalidate = useInvalidateDisputes();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<SessionValues>();
  const key = useRef<{ body: string; key: string } | null>(null);

  const submit = async (values: SessionValues) => {
    const startsAt = instant(values.day, values.startsAt);
    const endsAt = instant(values.day, values.endsAt);
    const body = JSON.stringify([startsAt, endsAt, values.invitedPartyIds]);
    if (key.current?.body !== body) key.current = { body, key: crypto.randomUUID() };
    setSaving(true);
    setFailure(null);
    try {
      await scheduleSession(dispute.id, startsAt, endsAt, key.current.key, null, values.invitedPartyIds);
      void message.success(t('sessions.booked'));
      setOpen(false);
      form.resetFields();
      await invalidate();
    } catch (error) {
      setFailure(isApiError(error) && error.status === 409 ? t('sessions.clash', { detail: error.problem?.detail ?? '' }) : describeError(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('sessions.title')}
      extra={
        <Space>
          {dispute.roomId != null ? (
            <Link to={`/mediation/calendar?room=${dispute.roomId}${mayBook ? `&dispute=${dispute.id}` : ''}`}>{t('sessionCalendar.open')}</Link>
          ) : null}
          {mayBook ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
              {t('sessions.book')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <List
        dataSource={dispute.sessions}
        locale={{ emptyText: <Typography.Text type="secondary">{t('sessions.empty')}</Typography.Text> }}
        renderItem={(session) => (
          <List.Item
            actions={
              mayMediate && session.status === 'scheduled'
                ? [
                    dayjs(session.startsAt).isBefore(dayjs()) ? (
                      <Button key="hold" size="small" type="primary" onClick={() => setStepping({ session, step: 'hold' })}>
                        {t('sessions.hold')}
                      </Button>
                    ) : null,
                    <Button key="reschedule" size="small" onClick={() => setStepping({ session, step: 'reschedule' })}>
                      {t('sessions.reschedule')}
                    </Button>,
                    <Button key="cancel" size="small" danger onClick={() => setStepping({ session, step: 'cancel' })}>
                      {t('sessions.cancel')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Tag color={statusColors[session.status]}>{t(`sessions.status.${session.status}`)}</Tag>
                <Typography.Text strong>
                  {t('sessions.when', { start: chinaDateTime(session.startsAt), end: chinaDateTime(session.endsAt).slice(-5) })}
                </Typography.Text>
                <span>{session.roomName}</span>
                <Typography.Text type="secondary">{session.mediatorNames.join('、')}</Typography.Text>
              </Space>
              {session.invitedPartyNames.length > 0 ? (
                <Typography.Text type="secondary">{t('sessions.invited', { names: session.invitedPartyNames.join('、') })}</Typography.Text>
              ) : null}
              {session.status === 'held' ? (
                <Typography.Text type="secondary">
                  {t('sessions.attendance', {
                    applicant: t(session.applicantAttended ? 'sessions.present' : 'sessions.absent'),
                    respondent: t(session.respondentAttended ? 'sessions.present' : 'sessions.absent'),
                  })}
                </Typography.Text>
              ) : null}
              {session.record ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{session.record}</Typography.Paragraph> : null}
              {session.cancelReason ? <Typography.Text type="secondary">{t('sessions.cancelReason', { reason: session.cancelReason })}</Typography.Text> : null}
              {session.rescheduleReason && session.status === 'scheduled' ? (
                <Typography.Text type="secondary">{t('sessions.rescheduleReason', { reason: session.rescheduleReason })}</Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={open}
        title={t('sessions.book')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setFailure(null);
        }}
        destroyOnHidden
      >
        <Form<SessionValues>
          form={form}
          layout="vertical"
          name="book-session"
          initialValues={{ invitedPartyIds: dispute.parties.map((party) => party.id) }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null}
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
          <Form.Item
            name="invitedPartyIds"
            label={t('sessions.invitedParties')}
            extra={t('sessions.invitedPartiesHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('sessions.invitedPartiesRequired') }]}
          >
            <Checkbox.Group options={dispute.parties.map((party) => ({ value: party.id, label: `${disputeSideLabel(t, party.side)} ${party.name}` }))} />
          </Form.Item>
        </Form>
      </Modal>
      {stepping ? <SessionStepDialog disputeId={dispute.id} session={stepping.session} step={stepping.step} onClose={() => setStepping(null)} /> : null}
    </Card>
  );
}
