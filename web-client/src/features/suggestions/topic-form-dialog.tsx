import { Alert, App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import type { CreateSuggestionTopicRequest, SuggestionTopicDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { createIdempotencyKeys, createTopic, updateTopic } from './topic-actions';
import { topicFailureMessage } from './topic-labels';
import { useInvalidateTopics } from './topic-queries';

interface TopicValues {
  title?: string;
  description?: string;
  regionId?: string;
  unitId?: string;
  opensOn?: Dayjs;
  closesOn?: Dayjs;
}

const fields = ['title', 'description', 'regionId', 'unitId', 'opensOn', 'closesOn'];

export function toTopicRequest(values: TopicValues): CreateSuggestionTopicRequest {
  return {
    title: values.title?.trim() ?? '',
    description: values.description?.trim() ?? '',
    regionId: values.regionId ?? '',
    unitId: values.unitId ?? '',
    opensOn: values.opensOn?.format('YYYY-MM-DD') ?? '',
    closesOn: values.closesOn?.format('YYYY-MM-DD') ?? '',
  };
}

/** Drafts a topic, or changes one (sending If-Match with the version read) when given it. */
export function TopicFormDialog({
  open,
  onClose,
  onCreated,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
  editing?: { topic: SuggestionTopicDetail; etag: string } | undefined;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TopicValues>();
  const invalidate = useInvalidateTopics();
  const keys = useMemo(() => createIdempotencyKeys(), []);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = async (values: TopicValues) => {
    setSaving(true);
    setFailure(null);
    const body = toTopicRequest(values);
    try {
      if (editing) {
        await updateTopic(editing.topic.id, editing.etag, body);
        void message.success(t('topics.saved'));
      } else {
        const created = await createTopic(body, keys.keyFor(body));
        keys.done();
        void message.success(t('topics.created'));
        onCreated?.(created.id);
      }
      close();
      await invalidate();
    } catch (error) {
      setFailure(topicFailureMessage(form, error, fields, t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('topics.required') };
  const requiredText = { ...required, whitespace: true };
  const initial: TopicValues = editing
    ? {
        title: editing.topic.title,
        description: editing.topic.description,
        regionId: editing.topic.regionId,
        unitId: editing.topic.unitId,
        opensOn: dayjs(editing.topic.opensOn),
        closesOn: dayjs(editing.topic.closesOn),
      }
    : {};

  return (
    <Modal
      open={open}
      title={editing ? t('topics.edit') : t('topics.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      <Form<TopicValues> form={form} layout="vertical" name="suggestion-topic" initialValues={initial} onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="title" label={t('topics.title')} rules={[requiredText, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="description" label={t('topics.description')} rules={[requiredText, { max: 8000 }]}>
          <Input.TextArea rows={5} maxLength={8000} />
        </Form.Item>
        <Form.Item name="regionId" label={t('topics.region')} rules={[required]} extra={t('topics.regionHint')}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="unitId" label={t('topics.unit')} rules={[required]} extra={t('topics.unitHint')}>
          <UnitSelect regionId={undefined} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="opensOn" label={t('topics.opensOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="closesOn" label={t('topics.closesOn')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
