import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context';

/** As many as the API takes. */
const maxSignatories = 10;

/** The signatories of a letter, a name and a post each, in a form whose field `signatories` holds them. */
export function SignatoriesField() {
  const { t } = useI18n();
  const required = { required: true, message: t('letters.required') };
  return (
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
          {items.length < maxSignatories ? (
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', post: '' })}>
              {t('letters.addSignatory')}
            </Button>
          ) : null}
        </Form.Item>
      )}
    </Form.List>
  );
}
