import { App, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { DiaryAction } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { convertToPetition, convertToSuggestion, type DiarySourceRef } from './diary-queries';

type Target = 'petition' | 'suggestion';

interface ConvertValues {
  request?: string;
  urgent?: boolean;
  title?: string;
  content?: string;
}

/**
 * Turns an entry or a matter into a petition (what the households ask) or a suggestion (under a title); whichever it becomes
 * stays linked, so the page shows its status afterwards.
 */
export function DiaryConvertActions({
  source,
  allowed,
  defaultTitle,
  onChanged,
}: {
  source: DiarySourceRef;
  allowed: readonly DiaryAction[];
  defaultTitle: string;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConvertValues>();
  const [target, setTarget] = useState<Target | null>(null);
  const [saving, setSaving] = useState(false);

  const open = (next: Target) => {
    form.resetFields();
    form.setFieldsValue(next === 'suggestion' ? { title: defaultTitle } : { request: '', urgent: false });
    setTarget(next);
  };

  const submit = async (values: ConvertValues) => {
    setSaving(true);
    try {
      const converted =
        target === 'petition'
          ? await convertToPetition(source, { request: values.request?.trim() ?? '', urgent: values.urgent ?? false })
          : await convertToSuggestion(source, { title: values.title?.trim() ?? '', content: values.content?.trim() ? values.content.trim() : null });
      void message.success(t(target === 'petition' ? 'diary.convertedToPetition' : 'diary.convertedToSuggestion', { reference: converted.reference }));
      setTarget(null);
    } catch (error) {
      const failure = formFailureMessage(form, error, ['request', 'urgent', 'title', 'content'], t);
      if (failure) void message.error(failure);
    } finally {
      setSaving(false);
      await onChanged();
    }
  };

  const required = { required: true, whitespace: true, message: t('diary.required') };
  return (
    <>
      <Space wrap>
        {allowed.includes('convert_to_petition') ? (
          <Button type="primary" onClick={() => open('petition')}>
            {t('diary.toPetition')}
          </Button>
        ) : null}
        {allowed.includes('convert_to_suggestion') ? <Button onClick={() => open('suggestion')}>{t('diary.toSuggestion')}</Button> : null}
      </Space>
      <Modal
        open={target !== null}
        title={target === 'petition' ? t('diary.toPetition') : t('diary.toSuggestion')}
        okText={t('diary.convert')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setTarget(null)}
        destroyOnHidden
      >
        <Form<ConvertValues> form={form} layout="vertical" name="diary-convert" onFinish={(values) => void submit(values)}>
          {target === 'petition' ? (
            <>
              <Form.Item name="request" label={t('diary.request')} extra={t('diary.requestHint')} hasFeedback rules={[required, { max: 4000 }]}>
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              <Form.Item name="urgent" valuePropName="checked">
                <Checkbox>{t('diary.urgent')}</Checkbox>
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="title" label={t('diary.suggestionTitle')} hasFeedback rules={[required, { max: 200 }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="content" label={t('diary.suggestionContent')} extra={t('diary.suggestionContentHint')} rules={[{ max: 8000 }]}>
                <Input.TextArea rows={4} maxLength={8000} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
