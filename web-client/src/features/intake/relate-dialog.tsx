import { Alert, App, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { usePetitionsPage, useInvalidatePetitions } from './intake-queries';

export type RelateMode = 'link' | 'merge';

interface RelateForm {
  otherPetitionId: string;
}

/** Links this petition to, or merges it into, another one found by searching the worklist. */
export function RelateDialog({
  mode,
  petitionId,
  etag,
  onClose,
}: {
  mode: RelateMode | null;
  petitionId: string;
  etag: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RelateForm>();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const invalidatePetitions = useInvalidatePetitions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const found = usePetitionsPage({ text: debounced || undefined, limit: 20 }, mode !== null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = async (values: RelateForm) => {
    setSaving(true);
    setFailure(null);
    try {
      const params = { path: { id: petitionId }, header: { 'If-Match': etag } };
      if (mode === 'merge') {
        await unwrap(api.POST('/api/v1/petitions/{id}/merge', { params, body: { intoPetitionId: values.otherPetitionId } }));
        void message.success(t('relate.merged'));
      } else {
        await unwrap(api.POST('/api/v1/petitions/{id}/links', { params, body: { otherPetitionId: values.otherPetitionId } }));
        void message.success(t('relate.linked'));
      }
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, ['otherPetitionId', 'intoPetitionId'], t));
      if (isApiError(error) && error.status === 412) await invalidatePetitions();
    } finally {
      setSaving(false);
      await invalidatePetitions();
    }
  };

  const options = (found.data?.items ?? [])
    .filter((item) => item.id !== petitionId)
    .map((item) => ({ value: item.id, label: `${item.number} · ${item.firstPetitioner ?? ''} · ${item.requestText.slice(0, 30)}` }));

  return (
    <Modal
      open={mode !== null}
      title={mode === 'merge' ? t('relate.mergeTitle') : t('relate.linkTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RelateForm> form={form} layout="vertical" name="relate-petition" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="otherPetitionId"
          label={t('relate.other')}
          rules={[{ required: true, message: t('relate.otherRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setText }}
            placeholder={t('relate.searchPlaceholder')}
            loading={found.isFetching}
            options={options}
            status={found.isError ? 'error' : undefined}
            notFoundContent={found.isError ? t('common.loadFailed') : t('common.empty')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
