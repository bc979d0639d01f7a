import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { ResetPasswordRequest, UserSummary } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useFreshVersionedUser, useInvalidateUsers } from './organization-queries';
import { isStrongPassword } from './account-rules';

const fields = ['newPassword'] as const;

export function UserPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetPasswordRequest>();
  const freshUser = useFreshVersionedUser();
  const invalidateUsers = useInvalidateUsers();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: ResetPasswordRequest) => {
    if (!user) return;
    setSaving(true);
    setFailure(null);
    try {
      const { etag } = await freshUser(user.id);
      await unwrap(
        api.POST('/api/v1/users/{id}/reset-password', {
          params: { path: { id: user.id }, header: { 'If-Match': etag } },
          body: { newPassword: values.newPassword },
        }),
      );
      void message.success(t('users.passwordReset', { name: user.displayName }));
      await invalidateUsers();
      onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        setFailure(null);
        form.resetFields();
      }}
      destroyOnHidden
    >
      <Form<ResetPasswordRequest> form={form} layout="vertical" name="reset-password" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
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
      </Form>
    </Modal>
  );
}
