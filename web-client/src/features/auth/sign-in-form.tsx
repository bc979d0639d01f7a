import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useAuth, type SignInCredentials } from '../../shared/auth/auth-context';
import { useI18n } from '../../shared/i18n/i18n-context';

const formFields = ['userName', 'password'] as const;

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [form] = Form.useForm<SignInCredentials>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: SignInCredentials) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await signIn({ userName: values.userName.trim(), password: values.password });
      onSignedIn();
    } catch (error) {
      setFailure(formFailureMessage(form, error, formFields, t));
      if (isApiError(error) && error.status === 401) form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<SignInCredentials>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void onFinish(values)}
      onValuesChange={() => setFailure(null)}
      disabled={submitting}
    >
      {failure ? (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" data-testid="sign-in-error" />
      ) : null}
      <Form.Item
        name="userName"
        label={t('auth.signIn.userName')}
        rules={[{ required: true, whitespace: true, message: t('auth.signIn.userNameRequired') }]}
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.signIn.password')}
        rules={[{ required: true, message: t('auth.signIn.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('auth.signIn.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
