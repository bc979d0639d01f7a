import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
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
        <Form.List name="signatories">
          {(items, { add, remove }) => (
            <Form.Item label={t('letters.signatories')} required>
              {items.map((item, index) => (
                <Space key={item.key} align="baseline" wrap>
                  <Form.Item name={[item.name, 'name']} rules={[{ ...required, whitespace: true }, { max: 50 }]}>
                    <Input aria-label={t('letters.signatoryName', { index: index + 1 })} placeholder={t('letters.signatoryNamePlaceholder')} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'post']} rules={[{ ...required, whitespace: true }, { max: 100 }]}>
                    <Input aria-label={t('letters.signatoryPost', { index: index + 1 })} placeholder={t('letters.signatoryPostPlaceholder')} />
                  </Form.Item>
                  {items.length > 1 ? (
                    <Button
                      type="text"
                      aria-label={t('letters.removeSignatory', { index: index + 1 })}
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(item.name)}
                    />
                  ) : null}
                </Space>
              ))}
              {items.length < 10 ? (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', post: '' })}>
                  {t('letters.addSignatory')}
                </Button>
              ) : null}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="signedOn" label={t('letters.signedOn')} rules={[required]}>
          <DatePicker disabledDate={notAhead} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
