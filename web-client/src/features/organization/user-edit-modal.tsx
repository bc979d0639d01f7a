import { Alert, App, Form, Input, Modal, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/api';
import { isApiError } from '../../shared/api/api-error';
import { unwrap } from '../../shared/api/api-client';
import type { UpdateUserRequest } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { useI18n } from '../../shared/i18n/i18n-context';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useInvalidateUsers, useVersionedUser } from './organization-queries';
import { roleOptions } from './role-options';

const fields = ['displayName', 'roles'] as const;

export function UserEditModal({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateUserRequest>();
  const versioned = useVersionedUser(userId);
  const invalidateUsers = useInvalidateUsers();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const grantable = versioned.data?.user.grantableRoles ?? [];

  useEffect(() => {
    if (versioned.data) {
      form.setFieldsValue({ displayName: versioned.data.user.displayName, roles: versioned.data.user.roles });
    }
  }, [versioned.data, form]);

  const submit = async (values: UpdateUserRequest) => {
    if (!userId || !versioned.data) return;
    setSaving(true);
    setFailure(null);
    try {
      const body: UpdateUserRequest = { displayName: values.displayName.trim(), roles: values.roles };
      await unwrap(
        api.PUT('/api/v1/users/{id}', {
          params: { path: { id: userId }, header: { 'If-Match': versioned.data.etag } },
          body,
        }),
      );
      void message.success(t('users.updated', { name: body.displayName }));
      await invalidateUsers();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
      if (isApiError(error) && error.status === 412) await versioned.refetch();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={userId !== null}
      title={t('users.editTitle', { name: versioned.data?.user.userName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: !versioned.data }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(null)}
      destroyOnHidden
    >
      {versioned.isPending ? (
        <Skeleton active />
      ) : versioned.isError ? (
        <LoadError compact error={versioned.error} onRetry={() => void versioned.refetch()} />
      ) : null}
      <Form<UpdateUserRequest>
        form={form}
        layout="vertical"
        name="edit-user"
        hidden={!versioned.data}
        onFinish={(values) => void submit(values)}
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={grantable.length === 0 ? t('users.rolesLocked') : t('users.rolesGrantable')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            options={roleOptions(t, grantable)}
            disabled={grantable.length === 0}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
