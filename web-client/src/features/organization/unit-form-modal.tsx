import { Alert, App, Form, Input, Modal, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import type { CreateUnitRequest, UnitKind } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { describeError } from '../../shared/api/describe-error';
import { LoadError } from '../../shared/components/load-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { unitKindLabel } from '../../shared/i18n/labels';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { UnitSelect } from '../../shared/units/unit-select';
import { useInvalidateUnits, useVersionedUnit } from './organization-queries';
import { unitKinds } from './unit-kinds';

interface UnitFormValues {
  name: string;
  kind: UnitKind;
  regionId: string;
  parentUnitId?: string;
  contactPhone?: string;
  contactAddress?: string;
}

const fields = ['name', 'kind', 'regionId', 'parentUnitId', 'contactPhone', 'contactAddress'] as const;

/** Codes that concern one field: shown on it rather than above the form. */
const fieldOfCode: Record<string, (typeof fields)[number]> = {
  unit_name_taken: 'name',
  unit_kind_conflicts_with_roles: 'kind',
  unit_has_sub_units_elsewhere: 'regionId',
};

const phonePattern = /^[0-9+\-() ]+$/;

/** A blank contact detail is sent as absent. */
const optional = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/**
 * Creates a unit (no unitId) or changes one: name, kind, region (a move), parent unit and contact details. A change sends
 * the ETag of the unit it loaded as If-Match.
 */
export function UnitFormModal({ open, unitId, onClose }: { open: boolean; unitId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const versioned = useVersionedUnit(open ? unitId : null);
  const invalidateUnits = useInvalidateUnits();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const editing = unitId !== null;
  const loaded = !editing || Boolean(versioned.data);

  useEffect(() => {
    const unit = versioned.data?.unit;
    if (unit) {
      form.setFieldsValue({
        name: unit.name,
        kind: unit.kind,
        regionId: unit.regionId,
        parentUnitId: unit.parentUnitId ?? undefined,
        contactPhone: unit.contactPhone ?? undefined,
        contactAddress: unit.contactAddress ?? undefined,
      });
    }
  }, [versioned.data, form]);

  const submit = async (values: UnitFormValues) => {
    setSaving(true);
    setFailure(null);
    const body: CreateUnitRequest = {
      name: values.name.trim(),
      kind: values.kind,
      regionId: values.regionId,
      parentUnitId: values.parentUnitId ?? null,
      contactPhone: optional(values.contactPhone),
      contactAddress: optional(values.contactAddress),
    };
    try {
      if (unitId && versioned.data) {
        await unwrap(
          api.PUT('/api/v1/units/{id}', { params: { path: { id: unitId }, header: { 'If-Match': versioned.data.etag } }, body }),
        );
        void message.success(t('units.updated', { name: body.name }));
      } else {
        await unwrap(api.POST('/api/v1/units', { body }));
        void message.success(t('units.created', { name: body.name }));
      }
      await invalidateUnits();
      form.resetFields();
      onClose();
    } catch (error) {
      const field = isApiError(error) && error.code ? fieldOfCode[error.code] : undefined;
      if (field) {
        form.setFields([{ name: field, errors: [describeError(error, t)] }]);
      } else {
        setFailure(formFailureMessage(form, error, fields, t));
      }
      if (isApiError(error) && error.status === 412) await versioned.refetch();
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('units.required') };

  return (
    <Modal
      open={open}
      title={editing ? t('units.editTitle', { name: versioned.data?.unit.name ?? '' }) : t('units.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: !loaded }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      {editing && versioned.isPending ? (
        <Skeleton active />
      ) : editing && versioned.isError ? (
        <LoadError compact error={versioned.error} onRetry={() => void versioned.refetch()} />
      ) : null}
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        name="unit"
        hidden={!loaded}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="name" label={t('units.name')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[required]}>
          <Select<UnitKind> options={unitKinds.map((value) => ({ value, label: unitKindLabel(t, value) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('units.region')} rules={[required]} extra={editing ? t('units.moveHint') : undefined}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="parentUnitId" label={t('units.parentUnit')}>
          <UnitSelect regionId={undefined} allowClear excluded={unitId ? [unitId] : undefined} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('units.contactPhone')}
          rules={[{ max: 40 }, { pattern: phonePattern, message: t('units.phoneRule') }]}
        >
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name="contactAddress" label={t('units.contactAddress')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
