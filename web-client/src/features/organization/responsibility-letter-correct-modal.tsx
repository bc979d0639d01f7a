import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { CorrectResponsibilityLetterRequest, ResponsibilityLetter } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { SignatoriesField } from './signatories-field';
import { letterEtag, useInvalidateWorkSystems } from './work-system-queries';

interface CorrectFormValues {
  signatories: { name: string; post: string }[];
  signedOn: Dayjs;
  reason: string;
}

const fields = ['signatories', 'signedOn', 'reason'] as const;

const notAhead = (current: Dayjs) => current.isAfter(dayjs(), 'day');

/**
 * Corrects a letter's signatories and signing day with the reason, sending the version the list showed as If-Match; its units
 * stay as recorded. A stale version reads the list afresh, so that the next attempt is made against what others changed.
 */
export function ResponsibilityLetterCorrectModal({ letter, onClose }: { letter: ResponsibilityLetter | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectFormValues>();
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: CorrectFormValues) => {
    if (!letter) return;
    setSaving(true);
    setFailure(null);
    const body: CorrectResponsibilityLetterRequest = {
      issuingUnitId: letter.issuingUnitId,
      receivingUnitId: letter.receivingUnitId,
      signatories: values.signatories.map((signatory) => ({ name: signatory.name.trim(), post: signatory.post.trim() })),
      signedOn: values.signedOn.format('YYYY-MM-DD'),
      reason: values.reason.trim(),
    };
    try {
      await unwrap(
        api.PUT('/api/v1/responsibility-letters/{id}', {
          params: { path: { id: letter.id }, header: { 'If-Match': letterEtag(letter.version) } },
          body,
        }),
      );
      void message.success(t('letters.corrected'));
      await invalidate();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
      if (isApiError(error) && (error.status === 412 || error.status === 409)) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={letter !== null}
      title={
        letter
          ? t('letters.correctTitle', { issuing: letter.issuingRegionName, receiving: letter.receivingRegionName, year: letter.year })
          : null
      }
      okText={t('letters.correct')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      {letter ? (
        <Form<CorrectFormValues>
          form={form}
          layout="vertical"
          name="responsibility-letter-correct"
          initialValues={{ signatories: letter.signatories, signedOn: dayjs(letter.signedOn), reason: '' }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Typography.Paragraph>{t('letters.correctHint')}</Typography.Paragraph>
          <SignatoriesField />
          <Form.Item name="signedOn" label={t('letters.signedOn')} rules={[{ required: true, message: t('letters.required') }]}>
            <DatePicker disabledDate={notAhead} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('letters.reason')}
            rules={[{ required: true, whitespace: true, message: t('letters.required') }, { max: 500 }]}
          >
            <Input.TextArea rows={2} placeholder={t('letters.correctReasonPlaceholder')} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
