import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { Region } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useInvalidateRegions } from './organization-queries';

/** Creating a village or community under a town, or renaming one. */
export type VillageFormTarget = { mode: 'create'; town: Region } | { mode: 'rename'; village: Region };

interface VillageFormValues {
  code: string;
  name: string;
}

const fields = ['code', 'name'] as const;

/** Codes that concern one field: shown on it rather than above the form. */
const fieldOfCode: Record<string, (typeof fields)[number]> = {
  region_code_taken: 'code',
  region_name_taken: 'name',
};

/** The version shown is the one a rename changes: If-Match carries it, so a change made meanwhile answers 412. */
const etagOf = (region: Region) => `"${region.version}"`;

export function VillageFormModal({ target, onClose }: { target: VillageFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VillageFormValues>();
  const invalidateRegions = useInvalidateRegions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: VillageFormValues) => {
    if (!target) return;
    setSaving(true);
    setFailure(null);
    const name = values.name.trim();
    try {
      if (target.mode === 'create') {
        await unwrap(
          api.POST('/api/v1/regions/{id}/villages', {
            params: { path: { id: target.town.id } },
            body: { code: values.code.trim(), name },
          }),
        );
        void message.success(t('regions.villageCreated', { name }));
      } else {
        await unwrap(
          api.PUT('/api/v1/regions/{id}', {
            params: { path: { id: target.village.id }, header: { 'If-Match': etagOf(target.village) } },
            body: { name },
          }),
        );
        void message.success(t('regions.villageRenamed', { name }));
      }
      await invalidateRegions();
      onClose();
    } catch (error) {
      const field = isApiError(error) && error.code ? fieldOfCode[error.code] : undefined;
      if (field) {
        form.setFields([{ name: field, errors: [describeError(error, t)] }]);
      } else {
        setFailure(formFailureMessage(form, error, fields, t));
      }
      if (isApiError(error) && error.status === 412) await invalidateRegions();
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('regions.required') };

  return (
    <Modal
      open={target !== null}
      title={
        target?.mode === 'create'
          ? t('regions.createVillageTitle', { town: target.town.name })
          : t('regions.renameVillageTitle', { name: target?.village.name ?? '' })
      }
      okText={target?.mode === 'create' ? t('common.create') : t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      <Form<VillageFormValues>
        form={form}
        layout="vertical"
        name="village"
        preserve={false}
        initialValues={target?.mode === 'rename' ? { name: target.village.name } : { code: target?.town.code ?? '' }}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {target?.mode === 'create' ? (
          <Form.Item
            name="code"
            label={t('regions.code')}
            extra={t('regions.codeRule', { town: target.town.code })}
            rules={[required, { pattern: new RegExp(`^${target.town.code}[0-9]{3}$`), message: t('regions.codeRule', { town: target.town.code }) }]}
          >
            <Input autoComplete="off" inputMode="numeric" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('regions.name')} rules={[required, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
