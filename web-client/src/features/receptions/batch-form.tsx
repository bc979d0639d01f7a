import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useState } from 'react';
import type { BatchOutcome, ReceptionDetail, RecordReceptionBatchRequest } from '../../shared/api/api-types';
import type { FieldPath } from '../../shared/api/field-errors';
import { CategorySelect } from '../../shared/categories/category-select';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { PetitionSelect } from './petition-select';
import { createIdempotencyKeys, recordBatch } from './reception-actions';
import { batchOutcomes, outcomeLabel } from './reception-labels';
import { receptionFailureMessage } from './reception-problem';
import { useInvalidateReceptions } from './reception-queries';

/** What the batch is about: no petition, an existing one, or one registered from the batch. */
export type PetitionChoice = 'none' | 'link' | 'new';

interface PetitionerValues {
  name?: string;
  idNumber?: string;
  phone?: string;
}

export interface BatchFormValues {
  persons: number;
  petitioners?: PetitionerValues[];
  matter?: string;
  outcome: BatchOutcome;
  petition: PetitionChoice;
  petitionId?: string;
  newPetition?: { category?: string; regionId?: string; facts?: string; urgent?: boolean };
  instruction?: string;
  notice?: string;
}

const blankToNull = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

export function toBatchRequest(values: BatchFormValues): RecordReceptionBatchRequest {
  const assigned = values.outcome === 'assigned';
  return {
    persons: values.persons,
    petitioners: (values.petitioners ?? []).map((petitioner) => ({
      name: petitioner.name?.trim() ?? '',
      idNumber: blankToNull(petitioner.idNumber)?.toUpperCase() ?? null,
      phone: blankToNull(petitioner.phone),
    })),
    matter: values.matter?.trim() ?? '',
    outcome: values.outcome,
    petitionId: values.petition === 'link' ? (values.petitionId ?? null) : null,
    newPetition:
      values.petition === 'new'
        ? {
            category: values.newPetition?.category ?? '',
            regionId: values.newPetition?.regionId ?? null,
            facts: blankToNull(values.newPetition?.facts),
            urgent: values.newPetition?.urgent ?? false,
          }
        : null,
    instruction: assigned ? (values.instruction?.trim() ?? '') : null,
    notice: assigned ? (values.notice?.trim() ?? '') : null,
  };
}

/**
 * The fields of the form the API's field errors are placed on (`petitioners[1].idNumber`, `newPetition.category`); an error
 * about the list of petitioners as a whole has no field to sit beside and shows above the form.
 */
function formFields(petitionerCount: number): (string | FieldPath)[] {
  const fields: (string | FieldPath)[] = [
    'persons',
    'matter',
    'outcome',
    'petitionId',
    ['newPetition', 'category'],
    ['newPetition', 'regionId'],
    ['newPetition', 'facts'],
    'instruction',
    'notice',
  ];
  for (let index = 0; index < petitionerCount; index += 1) {
    for (const field of ['name', 'idNumber', 'phone']) fields.push(['petitioners', index, field]);
  }
  return fields;
}

/**
 * The compact form that records one batch during the reception: persons and, optionally, who they are; the matter; what
 * became of it; and the petition it concerns, linked by number or registered here in a few fields. An assigned batch needs a
 * petition, the leader's instruction and the notice the petitioner receives.
 */
export function BatchForm({ reception }: { reception: ReceptionDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchFormValues>();
  const invalidate = useInvalidateReceptions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [keys] = useState(createIdempotencyKeys);

  const outcome = Form.useWatch('outcome', form) as BatchOutcome | undefined;
  const petition = Form.useWatch('petition', form) as PetitionChoice | undefined;
  const petitioners = Form.useWatch('petitioners', form);
  const assigned = outcome === 'assigned';
  const required = { required: true, whitespace: true, message: t('batchForm.required') };

  const initialValues: BatchFormValues = {
    persons: 1,
    petitioners: [],
    outcome: 'solved_on_the_spot',
    petition: 'none',
    newPetition: { urgent: false },
    notice: t('batchForm.defaultNotice'),
  };

  const submit = async (values: BatchFormValues) => {
    const body = toBatchRequest(values);
    if (body.newPetition && body.petitioners.length === 0) {
      setFailure(t('batchForm.newNeedsPetitioner'));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await recordBatch(reception.id, body, keys.keyFor(body));
      keys.done();
      void message.success(t('batchForm.recorded'));
      form.resetFields();
      await invalidate();
    } catch (error) {
      setFailure(receptionFailureMessage(form, error, formFields(body.petitioners.length), t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<BatchFormValues>
      form={form}
      layout="vertical"
      name="record-batch"
      size="small"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: Partial<BatchFormValues>) => {
        // An assignment accepts a petition: it cannot stay without one.
        if (changed.outcome === 'assigned' && form.getFieldValue('petition') === 'none') form.setFieldValue('petition', 'new');
      }}
    >
      {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="outcome" label={t('batchForm.outcome')} rules={[{ required: true, message: t('batchForm.required') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={batchOutcomes.map((value) => ({ value, label: outcomeLabel(t, value) }))}
        />
      </Form.Item>
      <Form.Item name="matter" label={t('batchForm.matter')} rules={[required, { max: 4000 }]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="persons"
        label={t('batchForm.persons')}
        dependencies={['petitioners']}
        rules={[
          {
            required: true,
            type: 'number',
            min: Math.max(1, petitioners?.length ?? 0),
            max: 100_000,
            message: t('batchForm.personsTooFew'),
          },
        ]}
      >
        <InputNumber min={1} max={100_000} precision={0} style={{ width: 120 }} />
      </Form.Item>

      <Form.List name="petitioners">
        {(items, { add, remove }) => (
          <fieldset style={{ border: 'none', padding: 0, margin: '0 0 12px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('batchForm.petitioners')}</legend>
            {items.map((item, index) => (
              <Row key={item.key} gutter={8} align="top" wrap={false}>
                <Col flex="1 1 30%">
                  <Form.Item
                    name={[item.name, 'name']}
                    label={t('batchForm.petitionerName', { n: index + 1 })}
                    rules={[required, { max: 50 }]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col flex="1 1 40%">
                  <Form.Item name={[item.name, 'idNumber']} label={t('batchForm.idNumber', { n: index + 1 })}>
                    <Input autoComplete="off" maxLength={18} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 30%">
                  <Form.Item name={[item.name, 'phone']} label={t('batchForm.phone', { n: index + 1 })}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col flex="none" style={{ paddingTop: 26 }}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('batchForm.removePetitioner', { n: index + 1 })}
                    onClick={() => remove(item.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                add({});
                const persons = form.getFieldValue('persons') as number | null;
                if ((persons ?? 0) < items.length + 1) form.setFieldValue('persons', items.length + 1);
              }}
            >
              {t('batchForm.addPetitioner')}
            </Button>
          </fieldset>
        )}
      </Form.List>

      <Form.Item name="petition" label={t('batchForm.petition')}>
        <Radio.Group
          options={[
            { value: 'none', label: t('batchForm.petition.none'), disabled: assigned },
            { value: 'link', label: t('batchForm.petition.link') },
            { value: 'new', label: t('batchForm.petition.new') },
          ]}
        />
      </Form.Item>
      {petition === 'link' ? (
        <Form.Item name="petitionId" label={t('batchForm.petitionNumber')} rules={[{ required: true, message: t('batchForm.required') }]}>
          <PetitionSelect />
        </Form.Item>
      ) : null}
      {petition === 'new' ? (
        <>
          <Row gutter={8}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['newPetition', 'category']}
                label={t('batchForm.category')}
                rules={[{ required: true, message: t('batchForm.required') }]}
              >
                <CategorySelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['newPetition', 'regionId']} label={t('batchForm.region')} extra={t('batchForm.regionHint', { region: reception.regionName })}>
                <RegionTreeSelect />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['newPetition', 'facts']} label={t('batchForm.facts')} rules={[{ max: 8000 }]}>
            <Input.TextArea rows={2} maxLength={8000} />
          </Form.Item>
          <Form.Item name={['newPetition', 'urgent']} label={t('batchForm.urgent')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      ) : null}
      {assigned ? (
        <>
          <Form.Item name="instruction" label={t('batchForm.instruction')} rules={[required, { max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="notice" label={t('batchForm.notice')} rules={[required, { max: 4000 }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      ) : null}
      <Button type="primary" htmlType="submit" loading={saving} size="middle">
        {t('batchForm.submit')}
      </Button>
    </Form>
  );
}
