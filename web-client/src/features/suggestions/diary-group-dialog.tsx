import { App, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { groupDiaryEntries, useInvalidateDiary } from './diary-queries';

/** The first sentence of what was raised: a title for the matter to start from. */
export const firstSentence = (text: string) => {
  const end = text.search(/[。，；！？.,;!?\n]/u);
  const sentence = end > 0 ? text.slice(0, end) : text;
  return sentence.slice(0, 60);
};

/** Groups the chosen entries as one kind of matter under a title, then opens the matter. */
export function DiaryGroupDialog({
  entryIds,
  defaultTitle,
  open,
  onClose,
}: {
  entryIds: readonly string[];
  defaultTitle: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateDiary();
  const [form] = Form.useForm<{ title: string }>();
  const [saving, setSaving] = useState(false);
  const idempotencyKey = useRef<{ body: string; key: string } | null>(null);

  const submit = async ({ title }: { title: string }) => {
    const serialized = JSON.stringify([title.trim(), entryIds]);
    if (idempotencyKey.current?.body !== serialized) idempotencyKey.current = { body: serialized, key: crypto.randomUUID() };
    setSaving(true);
    try {
      const matter = await groupDiaryEntries(title.trim(), [...entryIds], idempotencyKey.current.key);
      await invalidate();
      onClose();
      void navigate(`/diary/matters/${matter.id}`);
    } catch (error) {
      const failure = formFailureMessage(form, error, ['title'], t);
      if (failure) void message.error(failure);
      await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('diary.groupTitle', { count: entryIds.length })}
      okText={t('diary.group')}
      okButtonProps={{ disabled: entryIds.length < 2 }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="diary-group" initialValues={{ title: defaultTitle }} onFinish={(values) => void submit(values)}>
        <Form.Item name="title" label={t('diary.matterTitle')} hasFeedback rules={[{ required: true, whitespace: true, message: t('diary.required') }, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
