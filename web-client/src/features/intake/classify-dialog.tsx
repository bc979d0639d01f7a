import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { ClassifyPetitionRequest, Decision, LegalChannel } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { decisionLabel, decisions, legalChannelLabel, legalChannels } from './intake-labels';
import { useInvalidatePetitions } from './intake-queries';

interface ClassifyForm {
  decision: Decision;
  reason?: string;
  notice?: string;
  legalChannel?: LegalChannel;
}

const fields = ['decision', 'reason', 'notice', 'legalChannel'] as const;

export function ClassifyDialog({
  petitionId,
  etag,
  finalMatter = false,
  open,
  onClose,
}: {
  petitionId: string;
  etag: string;
  /** The matter was made final (Art 36¶3): accepting it needs the new facts or reasons as the reason. */
  finalMatter?: boolean;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassifyForm>();
  const decision = Form.useWatch('decision', form);
  const acceptsFinalMatter = finalMatter && decision === 'accept';
  const invalidatePetitions = useInvalidatePetitions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: ClassifyForm) => {
    setSaving(true);
    setFailure(null);
    try {
      // The API takes no legal channel unless the matter is diverted (openapi.json marks the
      // property required but the API's validator wants it null then).
      const body = {
        decision: values.decision,
        reason: values.reason?.trim() ? values.reason.trim() : null,
        notice: values.notice?.trim() ?? '',
        legalChannel: values.decision === 'divert' ? (values.legalChannel ?? null) : null,
      } as ClassifyPetitionRequest;
      await unwrap(
        api.POST('/api/v1/petitions/{id}/classification', {
          params: { path: { id: petitionId }, header: { 'If-Match': etag } },
          body,
        }),
      );
      void message.success(t('classify.done', { decision: decisionLabel(t, values.decision) }));
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
      if (isApiError(error) && error.status === 412) await invalidatePetitions();
    } finally {
      setSaving(false);
      await invalidatePetitions();
    }
  };

  return (
    <Modal
      open={open}
      title={t('classify.title')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ClassifyForm>
        form={form}
        layout="vertical"
        name="classify-petition"
        initialValues={{ decision: 'accept' }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {acceptsFinalMatter ? <Alert type="warning" showIcon title={t('classify.finalMatter')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="decision" label={t('classify.decision')} rules={[{ required: true }]}>
          <Select options={decisions.map((value) => ({ value, label: decisionLabel(t, value) }))} />
        </Form.Item>
        {decision === 'divert' ? (
          <Form.Item
            name="legalChannel"
            label={t('classify.legalChannel')}
            rules={[{ required: true, message: t('classify.legalChannelRequired') }]}
          >
            <Select options={legalChannels.map((value) => ({ value, label: legalChannelLabel(t, value) }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={acceptsFinalMatter ? t('classify.newFactsOrReasons') : t('classify.reason')}
          dependencies={['decision']}
          rules={[
            {
              required: decision !== 'accept' || acceptsFinalMatter,
              whitespace: true,
              message: acceptsFinalMatter ? t('classify.newFactsOrReasonsRequired') : t('classify.reasonRequired'),
            },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="notice"
          label={t('classify.notice')}
          rules={[{ required: true, whitespace: true, message: t('classify.noticeRequired') }, { max: 4000 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
