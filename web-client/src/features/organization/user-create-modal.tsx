import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import type { CreateUserRequest } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useGrantableRoles, useInvalidateUsers } from './organization-queries';
import { isStrongPassword, isValidUserName } from './account-rules';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { roleOptions } from './role-options';
import { UnitSelect } from '../../shared/units/unit-select';

type CreateUserForm = CreateUserRequest & { unitRegionId?: string };

const fields = ['userName', 'displayName', 'password', 'unitId', 'roles'] as const;

export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserForm>();
  const unitRegionId = Form.useWatch('unitRegionId', form);
  const unitId = Form.useWatch('unitId', form);
  const grantable = useGrantableRoles(unitId);
  const invalidateUsers = useInvalidateUsers();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: CreateUserForm) => {
    setSaving(true);
    setFailure(null);
    try {
      const body: CreateUserRequest = {
        userName: values.userName.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        unitId: values.unitId,
        roles: values.roles,
      };
      await unwrap(api.POST('/api/v1/users', { body }));
      void message.success(t('users.created', { name: body.displayName }));
      await invalidateUsers();
      form.resetFields();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'user_name_taken') {
        form.setFields([{ name: 'userName', errors: [describeError(error, t)] }]);
        setFailure(null);
      } else {
        setFailure(formFailureMessage(form, error, fields, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('users.required') };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateUserForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<CreateUserForm>) => {
          if ('unitRegionId' in changed) form.setFieldsValue({ unitId: undefined, roles: [] });
          if ('unitId' in changed) form.setFieldValue('roles', []);
        }}
        name="create-user"
      >
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="userName"
          label={t('users.userName')}
          extra={t('users.userNameRule')}
          rules={[
            required,
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || isValidUserName(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.userNameRule'))),
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordRule')}
          rules={[
            { required: true, message: t('users.required') },
            {
              validator: (_, value: string | undefined) =>
                !value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error(t('users.passwordRule'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="unitRegionId" label={t('users.unitRegion')}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true, message: t('users.required') }]}>
          <UnitSelect regionId={unitRegionId} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={unitId ? t('users.rolesGrantable') : t('users.rolesAfterUnit')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            options={roleOptions(t, grantable.data?.roles ?? [])}
            disabled={!grantable.data}
            loading={grantable.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
