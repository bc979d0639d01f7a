import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import type { DisputeDetail, DisputeSide, RepresentativeRole } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { addRepresentative, removeRepresentative } from './dispute-actions';
import { disputeSideLabel, disputeSides, representativeRoleLabel, representativeRoles } from './dispute-labels';
import { useInvalidateDisputes } from './dispute-queries';

interface RepresentativeValues {
  side: DisputeSide;
  name: string;
  role: RepresentativeRole;
  relation?: string;
  phone: string;
  idNumber?: string;
}

const representativeFields = ['side', 'name', 'role', 'relation', 'phone', 'idNumber'] as const;
const representativePhonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const representativeIdNumberPattern = /^\d{17}[\dXx]$/;
const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Each side's representatives 代理人/代表, masked as the parties are; a mediator adds and removes them while the dispute is open. */
export function RepresentativesCard({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateDisputes();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const countOf = (side: DisputeSide) => dispute.representatives.filter((r) => r.side === side).length;
  const full = disputeSides.every((side) => countOf(side) >= dispute.representativeLimitPerSide);

  const remove = async (representativeId: string) => {
    setFailure(null);
    try {
      await removeRepresentative(dispute.id, dispute.version, representativeId);
      void message.success(t('representative.removed'));
    } catch (error) {
      setFailure(isApiError(error) && error.status === 412 ? t('dispute.stale') : describeError(error, t));
    }
    await invalidate();
  };

  return (
    <Card
      size="small"
      title={t('representative.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('representative.limit', { limit: dispute.representativeLimitPerSide })}</Typography.Text>
          {dispute.canChangeRepresentatives ? (
            <Button size="small" icon={<PlusOutlined aria-hidden />} disabled={full} onClick={() => setAdding(true)}>
              {t('representative.add')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 8 }} /> : null}
      <List
        dataSource={dispute.representatives}
        locale={{ emptyText: <Typography.Text type="secondary">{t('representative.none')}</Typography.Text> }}
        renderItem={(representative) => (
          <List.Item
            actions={
              dispute.canChangeRepresentatives
                ? [
                    <Popconfirm key="remove" title={t('representative.removeConfirm')} onConfirm={() => remove(representative.id)}>
                      <Button size="small" icon={<DeleteOutlined aria-hidden />} aria-label={t('representative.remove', { name: representative.name })} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap>
              <Tag>{disputeSideLabel(t, representative.side)}</Tag>
              <Typography.Text strong>{representative.name}</Typography.Text>
              <Typography.Text type="secondary">
                {representativeRoleLabel(t, representative.role)}
                {representative.relation ? ` · ${representative.relation}` : ''}
              </Typography.Text>
              <span>{`${t('dispute.phone')} ${representative.phoneMasked}`}</span>
              {representative.idNumberMasked ? <span>{`${t('dispute.idNumber')} ${representative.idNumberMasked}`}</span> : null}
            </Space>
          </List.Item>
        )}
      />
      {adding ? <AddRepresentativeDialog dispute={dispute} sideIsFull={(side) => countOf(side) >= dispute.representativeLimitPerSide} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}

function AddRepresentativeDialog({ dispute, sideIsFull, onClose }: { dispute: DisputeDetail; sideIsFull: (side: DisputeSide) => boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateDisputes();
  const [form] = Form.useForm<RepresentativeValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: RepresentativeValues) => {
    setSaving(true);
    setFailure(null);
    try {
      await addRepresentative(dispute.id, dispute.version, {
        side: values.side,
        name: values.name.trim(),
        role: values.role,
        relation: blank(values.relation),
        phone: values.phone.trim(),
        idNumber: blank(values.idNumber),
      });
      void message.success(t('representative.added'));
      await invalidate();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        setFailure(t('dispute.stale'));
        await invalidate();
      } else {
        setFailure(formFailureMessage(form, error, representativeFields, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const firstOpenSide = disputeSides.find((side) => !sideIsFull(side));
  return (
    <Modal open title={t('representative.add')} okText={t('representative.add')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<RepresentativeValues>
        form={form}
        layout="vertical"
        name="add-representative"
        validateTrigger={['onChange', 'onBlur']}
        initialValues={{ side: firstOpenSide, role: 'close_relative' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="side"
          label={t('representative.side')}
          rules={[
            { required: true },
            { validator: (_, side?: DisputeSide) => (side && sideIsFull(side) ? Promise.reject(new Error(t('representative.full'))) : Promise.resolve()) },
          ]}
        >
          <Select<DisputeSide> options={disputeSides.map((value) => ({ value, label: disputeSideLabel(t, value) }))} />
        </Form.Item>
        <RepresentativeInputs />
      </Form>
    </Modal>
  );
}

/** The fields of one representative: in the dialog, or as a row of the registration form's list when given its index there. */
export function RepresentativeInputs({ prefix }: { prefix?: number }) {
  const { t } = useI18n();
  const path = (field: string) => (prefix === undefined ? field : [prefix, field]);
  return (
    <>
      <Form.Item name={path('name')} label={t('representative.name')} rules={[{ required: true, whitespace: true, message: t('representative.nameRequired') }, { max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name={path('role')} label={t('representative.role')} rules={[{ required: true }]}>
        <Select<RepresentativeRole> options={representativeRoles.map((value) => ({ value, label: representativeRoleLabel(t, value) }))} />
      </Form.Item>
      <Form.Item name={path('relation')} label={t('representative.relation')} rules={[{ max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name={path('phone')}
        label={t('representative.phone')}
        rules={[
          { required: true, whitespace: true, message: t('representative.phoneRequired') },
          { pattern: representativePhonePattern, message: t('disputeForm.phoneInvalid') },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name={path('idNumber')} label={t('dispute.idNumber')} rules={[{ pattern: representativeIdNumberPattern, message: t('disputeForm.idNumberInvalid') }]}>
        <Input />
      </Form.Item>
    </>
  );
}
