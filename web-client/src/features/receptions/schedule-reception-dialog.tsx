import { useQuery } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ReceptionKind, ScheduleReceptionRequest } from '../../shared/api/api-types';
import { holds, type Capability } from '../../shared/auth/capabilities';
import { useCurrentUser } from '../../shared/auth/use-current-user';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { PetitionSelect } from './petition-select';
import { createIdempotencyKeys, scheduleReception } from './reception-actions';
import { isLeadersKind, kindLabel, mayBePublished, receptionKinds } from './reception-labels';
import { receptionFailureMessage } from './reception-problem';
import { useInvalidateReceptions } from './reception-queries';

export interface ScheduleValues {
  kind: ReceptionKind;
  hostUserId?: string;
  regionId?: string;
  unitId?: string;
  hostName?: string;
  petitionId?: string;
  day?: Dayjs;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  place?: string;
  theme?: string;
  purpose?: string;
  isPublished: boolean;
}

const fields = ['kind', 'hostUserId', 'regionId', 'unitId', 'hostName', 'petitionId', 'day', 'startsAt', 'endsAt', 'place', 'theme', 'purpose', 'isPublished'];

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

/** The kinds the caller schedules: a leader (or an admin for them) the leader's own, the petition bureau (or an admin) the others. */
export function schedulableKinds(capabilities: readonly Capability[]): ReceptionKind[] {
  const leaders = holds(capabilities, 'schedule_leaders_receptions');
  const bureau = holds(capabilities, 'schedule_bureau_receptions');
  return receptionKinds.filter((kind) => (isLeadersKind(kind) ? leaders : bureau));
}

export function toScheduleRequest(values: ScheduleValues, namesLeader: boolean): ScheduleReceptionRequest {
  const leaders = isLeadersKind(values.kind);
  return {
    kind: values.kind,
    regionId: values.regionId ?? '',
    day: (values.day ?? dayjs()).format('YYYY-MM-DD'),
    startsAt: values.startsAt?.format('HH:mm') ?? '',
    endsAt: values.endsAt?.format('HH:mm') ?? '',
    place: values.place?.trim() ?? '',
    theme: blankToNull(values.theme),
    purpose: blankToNull(values.purpose),
    isPublished: mayBePublished(values.kind) && values.isPublished,
    hostUserId: leaders && namesLeader ? (values.hostUserId ?? null) : null,
    hostName: values.kind === 'home_visit' ? blankToNull(values.hostName) : null,
    unitId: leaders ? null : (values.unitId ?? null),
    petitionId: values.kind === 'appointment' ? (values.petitionId ?? null) : null,
  };
}

/** Schedules a reception of any kind the caller may schedule, then opens it. */
export function ScheduleReceptionDialog({ day, onClose }: { day: Dayjs | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [form] = Form.useForm<ScheduleValues>();
  const invalidate = useInvalidateReceptions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [keys] = useState(createIdempotencyKeys);
  const capabilities = me.data?.capabilities ?? [];
  const kinds = schedulableKinds(capabilities);
  // A leader schedules their own receptions; an admin names the leader, picked from the users it manages.
  const namesLeader = holds(capabilities, 'manage_users');
  const kind = (Form.useWatch('kind', form) as ReceptionKind | undefined) ?? kinds[0];

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = async (values: ScheduleValues) => {
    setSaving(true);
    setFailure(null);
    const body = toScheduleRequest(values, namesLeader);
    try {
      const created = await scheduleReception(body, keys.keyFor(body));
      keys.done();
      void message.success(t('schedule.done'));
      close();
      await invalidate();
      void navigate(`/receptions/${created.id}`);
    } catch (error) {
      setFailure(receptionFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('batchForm.required') };
  const requiredText = { ...required, whitespace: true };

  return (
    <Modal
      open={day !== null}
      title={t('receptions.schedule')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      {day && kind ? (
        <Form<ScheduleValues>
          form={form}
          layout="vertical"
          name="schedule-reception"
          initialValues={{
            kind,
            day,
            startsAt: dayjs('08:30', 'HH:mm'),
            endsAt: dayjs('11:30', 'HH:mm'),
            isPublished: mayBePublished(kind),
            regionId: me.data?.jurisdiction.regionId,
          }}
          onValuesChange={(changed: Partial<ScheduleValues>) => {
            if (changed.kind) form.setFieldValue('isPublished', mayBePublished(changed.kind));
          }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('receptions.kind')} rules={[required]}>
                <Select<ReceptionKind> options={kinds.map((value) => ({ value, label: kindLabel(t, value) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="regionId" label={t('schedule.region')} rules={[required]}>
                <RegionTreeSelect />
              </Form.Item>
            </Col>
            {isLeadersKind(kind) && namesLeader ? (
              <Col xs={24} md={12}>
                <Form.Item name="hostUserId" label={t('schedule.leader')} rules={[required]}>
                  <LeaderSelect />
                </Form.Item>
              </Col>
            ) : null}
            {!isLeadersKind(kind) ? (
              <Col xs={24} md={12}>
                <Form.Item name="unitId" label={kind === 'department_duty' ? t('schedule.dutyUnit') : t('schedule.visitUnit')} rules={[required]}>
                  <UnitSelect regionId={undefined} />
                </Form.Item>
              </Col>
            ) : null}
            {kind === 'home_visit' ? (
              <Col xs={24} md={12}>
                <Form.Item name="hostName" label={t('schedule.cadre')} rules={[requiredText, { max: 50 }]}>
                  <Input autoComplete="off" />
                </Form.Item>
              </Col>
            ) : null}
            {kind === 'appointment' ? (
              <Col xs={24} md={12}>
                <Form.Item name="petitionId" label={t('schedule.petition')} rules={[required]}>
                  <PetitionSelect />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={8}>
              <Form.Item name="day" label={t('schedule.day')} rules={[required]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="startsAt" label={t('schedule.startsAt')} rules={[required]}>
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="endsAt" label={t('schedule.endsAt')} rules={[required]}>
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="place" label={t('reception.place')} rules={[requiredText, { max: 200 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          {kind === 'leader_day' || kind === 'department_duty' ? (
            <Form.Item name="theme" label={t('reception.theme')} rules={[{ max: 1000 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          ) : (
            <Form.Item
              name="purpose"
              label={t('reception.purpose')}
              rules={[...(kind === 'appointment' ? [] : [requiredText]), { max: 4000 }]}
            >
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          )}
          {mayBePublished(kind) ? (
            <Form.Item name="isPublished" label={t('schedule.publish')} valuePropName="checked" extra={t('schedule.publishHint')}>
              <Switch />
            </Form.Item>
          ) : null}
        </Form>
      ) : null}
    </Modal>
  );
}

/** A leader of the admin's jurisdiction, searched by name. */
function LeaderSelect({ value, onChange, id }: { value?: string; onChange?: (value: string | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const users = useQuery({
    queryKey: ['users', 'leaders', search.trim()],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/users', { params: { query: { q: search.trim() || undefined, limit: 50 } } }))).items.filter(
        (user) => user.roles.includes('leader') && !user.isDisabled,
      ),
    placeholderData: (previous) => previous,
    retry: false,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      status={users.isError ? 'error' : undefined}
      placeholder={users.isError ? t('common.loadFailed') : undefined}
      options={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} · ${user.unitName}` }))}
    />
  );
}
