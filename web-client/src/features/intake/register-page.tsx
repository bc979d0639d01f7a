import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type { Channel, RegisterPetitionRequest } from '../../shared/api/api-types';
import type { FieldPath } from '../../shared/api/field-errors';
import { formFailureMessage } from '../../shared/api/form-failure';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import { CategorySelect } from '../../shared/categories/category-select';
import { DuplicateCandidates } from './duplicate-candidates';
import { isValidIdNumber, isValidPhone } from './id-number';
import { channelLabel, channels } from './intake-labels';
import { useInvalidatePetitions } from './intake-queries';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';

interface PetitionerForm {
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  isRepresentative?: boolean;
}

interface RegisterForm {
  channel: Channel;
  channelReference?: string;
  petitioners: PetitionerForm[];
  persons: number;
  category?: string;
  regionId?: string;
  receivedAt?: Dayjs;
  request?: string;
  facts?: string;
  reasons?: string;
  urgent: boolean;
  crossBoundary: boolean;
}

const referenceRequired: readonly Channel[] = ['hotline12345', 'business_hotline'];
const referenceLabels: Partial<Record<Channel, MessageKey>> = {
  letter: 'register.reference.letter',
  hotline12345: 'register.reference.hotline12345',
  business_hotline: 'register.reference.business_hotline',
};

const petitionerFields = ['name', 'idNumber', 'phone', 'address', 'isRepresentative'] as const;

function formFields(petitionerCount: number): (string | FieldPath)[] {
  const fields: (string | FieldPath)[] = [
    'channel',
    'channelReference',
    'petitioners',
    'persons',
    'category',
    'regionId',
    'receivedAt',
    'request',
    'facts',
    'reasons',
  ];
  for (let index = 0; index < petitionerCount; index += 1) {
    for (const field of petitionerFields) fields.push(['petitioners', index, field]);
  }
  return fields;
}

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

function toRequest(values: RegisterForm): RegisterPetitionRequest {
  return {
    channel: values.channel,
    channelReference: blankToNull(values.channelReference),
    petitioners: values.petitioners.map((petitioner) => ({
      name: petitioner.name?.trim() ?? '',
      idNumber: blankToNull(petitioner.idNumber)?.toUpperCase() ?? null,
      phone: blankToNull(petitioner.phone),
      address: blankToNull(petitioner.address),
      isRepresentative: petitioner.isRepresentative ?? false,
    })),
    persons: values.persons,
    category: values.category ?? '',
    regionId: values.regionId ?? '',
    receivedAt: (values.receivedAt ?? dayjs()).toISOString(),
    request: values.request?.trim() ?? '',
    facts: values.facts?.trim() ?? '',
    reasons: values.reasons?.trim() ?? '',
    urgent: values.urgent,
    crossBoundary: values.crossBoundary,
  };
}

export function RegisterPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const invalidatePetitions = useInvalidatePetitions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per submission: a retry of the same content reuses it, so the API registers it once.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const channel = Form.useWatch('channel', form) as Channel | undefined;
  const petitioners = Form.useWatch('petitioners', form) as PetitionerForm[] | undefined;
  const regionId = Form.useWatch('regionId', form);
  const category = Form.useWatch('category', form);
  const request = Form.useWatch('request', form);
  const facts = Form.useWatch('facts', form);

  const referenceKey = (channel ? referenceLabels[channel] : undefined) ?? 'register.reference.default';
  const referenceLabel = t(referenceKey);
  const idNumbers = (petitioners ?? [])
    .map((petitioner) => petitioner.idNumber?.trim().toUpperCase() ?? '')
    .filter((id) => isValidIdNumber(id));

  const submit = async (values: RegisterForm) => {
    setSaving(true);
    setFailure(null);
    const body = toRequest(values);
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { body: serialized, key: crypto.randomUUID() };
    try {
      const created = await unwrap(
        api.POST('/api/v1/petitions', { body, headers: { 'Idempotency-Key': attempt.current.key } }),
      );
      attempt.current = null;
      void message.success(t('register.created', { number: created.number }));
      await invalidatePetitions();
      void navigate(`/petitions/${created.id}`);
    } catch (error) {
      setFailure(formFailureMessage(form, error, formFields(values.petitioners.length), t));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('register.required') };

  return (
    <>
      <PageHeader title={t('register.title')} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card>
            <Form<RegisterForm>
              form={form}
              layout="vertical"
              name="register-petition"
              onFinish={(values) => void submit(values)}
              initialValues={{
                channel: 'visit',
                petitioners: [{ isRepresentative: false }],
                persons: 1,
                receivedAt: dayjs(),
                urgent: false,
                crossBoundary: false,
              }}
            >
              {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="channel" label={t('register.channel')} rules={[{ required: true, message: t('register.required') }]}>
                    <Select options={channels.map((value) => ({ value, label: channelLabel(t, value) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="channelReference"
                    label={referenceLabel}
                    dependencies={['channel']}
                    rules={[
                      {
                        required: channel !== undefined && referenceRequired.includes(channel),
                        whitespace: true,
                        message: t('register.referenceRequired', { label: referenceLabel }),
                      },
                      { max: 100 },
                    ]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>

              <Form.List name="petitioners">
                {(items, { add, remove }) => (
                  <Card size="small" title={t('register.petitioners')} style={{ marginBottom: 16 }}>
                    {items.map((item, index) => (
                      <Card
                        key={item.key}
                        size="small"
                        type="inner"
                        title={t('register.petitionerN', { n: index + 1 })}
                        style={{ marginBottom: 12 }}
                        extra={
                          items.length > 1 ? (
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={t('register.removePetitioner')}
                              onClick={() => remove(item.name)}
                            />
                          ) : null
                        }
                      >
                        <Row gutter={12}>
                          <Col xs={24} md={8}>
                            <Form.Item name={[item.name, 'name']} label={t('register.name')} rules={[required, { max: 50 }]}>
                              <Input autoComplete="off" />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={8}>
                            <Form.Item
                              name={[item.name, 'idNumber']}
                              label={t('register.idNumber')}
                              validateTrigger="onChange"
                              rules={[
                                {
                                  validator: (_, value: string | undefined) =>
                                    !value?.trim() || isValidIdNumber(value.trim())
                                      ? Promise.resolve()
                                      : Promise.reject(new Error(t('register.idNumberInvalid'))),
                                },
                              ]}
                            >
                              <Input autoComplete="off" maxLength={18} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={8}>
                            <Form.Item
                              name={[item.name, 'phone']}
                              label={t('register.phone')}
                              rules={[
                                {
                                  validator: (_, value: string | undefined) =>
                                    !value?.trim() || isValidPhone(value.trim())
                                      ? Promise.resolve()
                                      : Promise.reject(new Error(t('register.phoneInvalid'))),
                                },
                              ]}
                            >
                              <Input autoComplete="off" />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={16}>
                            <Form.Item name={[item.name, 'address']} label={t('register.address')} rules={[{ max: 200 }]}>
                              <Input autoComplete="off" />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={8}>
                            <Form.Item name={[item.name, 'isRepresentative']} valuePropName="checked" label=" ">
                              <Checkbox>{t('register.representative')}</Checkbox>
                            </Form.Item>
                          </Col>
                        </Row>
                      </Card>
                    ))}
                    <Button
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => {
                        add({ isRepresentative: false });
                        const persons = form.getFieldValue('persons') as number | null;
                        if ((persons ?? 0) < items.length + 1) form.setFieldValue('persons', items.length + 1);
                      }}
                    >
                      {t('register.addPetitioner')}
                    </Button>
                  </Card>
                )}
              </Form.List>

              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="persons"
                    label={t('register.persons')}
                    dependencies={['petitioners']}
                    rules={[{ required: true, type: 'number', min: Math.max(1, petitioners?.length ?? 1), max: 100_000 }]}
                  >
                    <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="category" label={t('register.category')} rules={[{ required: true, message: t('register.required') }]}>
                    <CategorySelect />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="regionId" label={t('register.region')} rules={[{ required: true, message: t('register.required') }]}>
                    <RegionTreeSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="receivedAt" label={t('register.receivedAt')} rules={[{ required: true, message: t('register.required') }]}>
                    <DatePicker showTime style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="urgent" label={t('register.urgent')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="crossBoundary" label={t('register.crossBoundary')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="request" label={t('register.request')} rules={[required, { max: 4000 }]}>
                <Input.TextArea rows={3} showCount maxLength={4000} />
              </Form.Item>
              <Form.Item name="facts" label={t('register.facts')} rules={[{ max: 8000 }]}>
                <Input.TextArea rows={4} maxLength={8000} />
              </Form.Item>
              <Form.Item name="reasons" label={t('register.reasons')} rules={[{ max: 4000 }]}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t('register.submit')}
                </Button>
                <Button onClick={() => navigate('/petitions')}>{t('common.cancel')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <DuplicateCandidates
            probe={{ idNumbers, regionId, category, text: [request ?? '', facts ?? ''].join(' ').trim() }}
          />
        </Col>
      </Row>
    </>
  );
}
