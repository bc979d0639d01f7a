import { Alert, App, DatePicker, Form, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { SignResponsibilityLetterRequest } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { SignatoriesField } from './signatories-field';
import { useInvalidateWorkSystems } from './work-system-queries';

interface LetterFormValues {
  year: number;
  issuingRegionId: string;
  receivingRegionId: string;
  signatories: { name: string; post: string }[];
  signedOn: Dayjs;
}

const fields = ['year', 'issuingRegionId', 'receivingRegionId', 'signatories', 'signedOn'] as const;

/** A letter the pair already signed this year is a matter of the receiving region. */
const fieldOfCode: Record<string, (typeof fields)[number]> = { responsibility_letter_exists: 'receivingRegionId' };

const notAhead = (current: Dayjs) => current.isAfter(dayjs(), 'day');

/** Records a responsibility letter signed between a region and one directly below it. */
export function ResponsibilityLetterFormModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LetterFormValues>();
  const invalidate = useInvalidateWorkSystems();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: LetterFormValues) => {
    setSaving(true);
    setFailure(null);
    const body: SignResponsibilityLetterRequest = {
      year: values.year,
      issuingRegionId: values.issuingRegionId,
      issuingUnitId: null,
      receivingRegionId: values.receivingRegionId,
      receivingUnitId: null,
      signatories: values.signatories.map((signatory) => ({ name: signatory.name.trim(), post: signatory.post.trim() })),
      signedOn: values.signedOn.format('YYYY-MM-DD'),
    };
    try {
      await unwrap(api.POST('/api/v1/responsibility-letters', { body }));
      void message.success(t('letters.created'));
      await invalidate();
      form.resetFields();
      onClose();
    } catch (error) {
      const field = isApiError(error) && error.code ? fieldOfCode[error.code] : undefined;
      if (field) {
        form.setFields([{ name: field, errors: [describeError(error, t)] }]);
      } else {
        setFailure(formFailureMessage(form, error, fields, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('letters.required') };

  return (
    <Modal
      open={open}
      title={t('letters.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      <Form<LetterFormValues>
        form={form}
        layout="vertical"
        name="responsibility-letter"
        initialValues={{ year, signatories: [{ name: '', post: '' }, { name: '', post: '' }] }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="year" label={t('letters.year')} rules={[required]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="issuingRegionId" label={t('letters.issuingRegion')} rules={[required]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="receivingRegionId" label={t('letters.receivingRegion')} rules={[required]} extra={t('letters.levelHint')}>
          <RegionTreeSelect />
        </Form.Item>
        <SignatoriesField />
        <Form.Item name="signedOn" label={t('letters.signedOn')} rules={[required]}>
          <DatePicker disabledDate={notAhead} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
