import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { CreateRoutingRuleRequest, RoutingRule } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { CategorySelect } from '../../shared/categories/category-select';
import { etagOf, useInvalidateRoutingRules } from './settings-queries';

const fields = ['category', 'regionId', 'unitId'] as const;

/** Creates a rule (rule = null) or changes one, sending the version it listed as If-Match. */
export function RoutingRuleDialog({ open, rule, onClose }: { open: boolean; rule: RoutingRule | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateRoutingRuleRequest>();
  const invalidate = useInvalidateRoutingRules();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    if (rule) form.setFieldsValue({ category: rule.category, regionId: rule.regionId ?? undefined, unitId: rule.unitId });
    else form.resetFields();
  }, [open, rule, form]);

  const submit = async (values: CreateRoutingRuleRequest) => {
    setSaving(true);
    setFailure(null);
    try {
      if (rule) {
        await unwrap(
          api.PUT('/api/v1/routing-rules/{id}', {
            params: { path: { id: rule.id }, header: { 'If-Match': etagOf(rule.version) } },
            body: values,
          }),
        );
        void message.success(t('routing.updated'));
      } else {
        await unwrap(api.POST('/api/v1/routing-rules', { body: values }));
        void message.success(t('routing.created'));
      }
      await invalidate();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={rule ? t('routing.editTitle') : t('routing.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      <Form<CreateRoutingRuleRequest> form={form} layout="vertical" name="routing-rule" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="category" label={t('routing.category')} rules={[{ required: true, message: t('routing.required') }]}>
          <CategorySelect />
        </Form.Item>
        <Form.Item name="regionId" label={t('routing.region')} rules={[{ required: true, message: t('routing.required') }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="unitId" label={t('routing.unit')} rules={[{ required: true, message: t('routing.required') }]}>
          <UnitSelect regionId={undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
