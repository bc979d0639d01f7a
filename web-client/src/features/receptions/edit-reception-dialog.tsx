import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import type { ReceptionDetail, UpdateReceptionRequest } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { updateReception } from './reception-actions';
import { mayBePublished } from './reception-labels';
import { receptionFailureMessage } from './reception-problem';
import { useInvalidateReceptions } from './reception-queries';

interface EditValues {
  regionId?: string;
  day?: Dayjs;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  place?: string;
  theme?: string;
  purpose?: string;
  isPublished: boolean;
}

const fields = ['regionId', 'day', 'startsAt', 'endsAt', 'place', 'theme', 'purpose', 'isPublished'];

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

export function toUpdateRequest(reception: ReceptionDetail, values: EditValues): UpdateReceptionRequest {
  return {
    regionId: values.regionId ?? '',
    day: (values.day ?? dayjs(reception.day)).format('YYYY-MM-DD'),
    startsAt: values.startsAt?.format('HH:mm') ?? '',
    endsAt: values.endsAt?.format('HH:mm') ?? '',
    place: values.place?.trim() ?? '',
    theme: blankToNull(values.theme),
    purpose: blankToNull(values.purpose),
    isPublished: mayBePublished(reception.kind) && values.isPublished,
  };
}

/** Changes a scheduled reception's place, day, times, theme, purpose or publication; sends If-Match with the version read. */
export function EditReceptionDialog({ reception, etag, open, onClose }: { reception: ReceptionDetail; etag: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const invalidate = useInvalidateReceptions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = async (values: EditValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await updateReception(reception.id, etag, toUpdateRequest(reception, values));
      void message.success(t('reception.editDone'));
      close();
      await invalidate();
    } catch (error) {
      setFailure(receptionFailureMessage(form, error, fields, t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('batchForm.required') };
  const requiredText = { ...required, whitespace: true };

  return (
    <Modal
      open={open}
      title={t('reception.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        name="edit-reception"
        initialValues={{
          regionId: reception.regionId,
          day: dayjs(reception.day),
          startsAt: dayjs(reception.startsAt, 'HH:mm'),
          endsAt: dayjs(reception.endsAt, 'HH:mm'),
          place: reception.place,
          theme: reception.theme ?? undefined,
          purpose: reception.purpose ?? undefined,
          isPublished: reception.isPublished,
        }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="regionId" label={t('schedule.region')} rules={[required]}>
              <RegionTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="day" label={t('schedule.day')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="startsAt" label={t('schedule.startsAt')} rules={[required]}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="endsAt" label={t('schedule.endsAt')} rules={[required]}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={t('reception.place')} rules={[requiredText, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="theme" label={t('reception.theme')} rules={[{ max: 1000 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="purpose" label={t('reception.purpose')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {mayBePublished(reception.kind) ? (
          <Form.Item name="isPublished" label={t('schedule.publish')} valuePropName="checked" extra={t('schedule.publishHint')}>
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
