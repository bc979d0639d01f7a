import { Alert, App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useInvalidateSuggestions } from './suggestion-queries';

/**
 * The one way a suggestion's change is asked for in a dialog: the form's values go to `send` with the ETag read; success says
 * `done`, closes and reads the suggestion afresh; the API's refusals land on `fields`, and a stale version says so and reloads.
 */
export function SuggestionActionDialog<Values extends object>({
  form,
  open,
  onClose,
  name,
  title,
  done,
  fields,
  send,
  initialValues,
  children,
}: {
  form: FormInstance<Values>;
  open: boolean;
  onClose: () => void;
  name: string;
  title: string;
  done: string;
  fields: readonly string[];
  send: (values: Values) => Promise<unknown>;
  initialValues?: Partial<Values>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateSuggestions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await send(values);
      void message.success(done);
      onClose();
      await invalidate();
    } catch (error) {
      // A bulk change carries its versions in the body and answers a stale one with 409 `stale` instead of 412.
      const stale = isApiError(error) && (error.status === 412 || (error.status === 409 && error.code === 'stale'));
      setFailure(stale ? t('suggestions.stale') : formFailureMessage(form, error, fields, t));
      if (stale) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name={name} initialValues={initialValues} onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {children}
      </Form>
    </Modal>
  );
}
