import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DisputeSide, DisputeSource, PartyKind, RegisterDisputeRequest, RepresentativeRole } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { registerDispute } from './dispute-actions';
import { disputeSideLabel, disputeSides, disputeSourceLabel, partyKindLabel, partyKinds, registrableSources } from './dispute-labels';
import { useInvalidateDisputes } from './dispute-queries';
import { disputeTypeName } from './mediation-labels';
import { useDisputeTypes, useMediationRooms } from './mediation-queries';
import { RepresentativeInputs } from './representatives-card';

interface PartyValues {
  side: DisputeSide;
  kind: PartyKind;
  name: string;
  idNumber?: string;
  phone?: string;
  organisationCode?: string;
}

interface RepresentativeValues {
  side: DisputeSide;
  name: string;
  role: RepresentativeRole;
  relation?: string;
  phone: string;
  idNumber?: string;
}

interface DisputeValues {
  disputeType: string;
  summary: string;
  claims: string;
  amountClaimed?: number | null;
  regionId: string;
  source: DisputeSource;
  courtName?: string;
  courtCaseNumber?: string;
  roomId: string;
  leadMediatorId: string;
  assistingMediatorIds?: string[];
  parties: PartyValues[];
  representatives?: RepresentativeValues[];
}

const idNumberPattern = /^\d{17}[\dXx]$/;
const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const creditCodePattern = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

const formFields = [
  'disputeType',
  'summary',
  'claims',
  'amountClaimed',
  'regionId',
  'source',
  'courtName',
  'courtCaseNumber',
  'roomId',
  'leadMediatorId',
  'assistingMediatorIds',
  'parties',
  'representatives',
] as const;

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Registers a dispute brought to a room, checking each field as it is filled; the API's answer lands on the fields it names. */
export function RegisterDisputePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateDisputes();
  const [form] = Form.useForm<DisputeValues>();
  const types = useDisputeTypes();
  const rooms = useMediationRooms({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idempotencyKey = useRef<{ body: string; key: string } | null>(null);
  const source = Form.useWatch('source', form);
  const roomId = Form.useWatch('roomId', form);
  const leadId = Form.useWatch('leadMediatorId', form);
  const mediators = useMemo(() => rooms.data?.items.find((room) => room.id === roomId)?.mediators ?? [], [rooms.data, roomId]);

  const submit = async (values: DisputeValues) => {
    const body: RegisterDisputeRequest = {
      disputeType: values.disputeType,
      summary: values.summary.trim(),
      claims: values.claims.trim(),
      amountClaimed: values.amountClaimed ?? null,
      regionId: values.regionId,
      source: values.source,
      courtName: values.source === 'court_pre_litigation' ? blank(values.courtName) : null,
      courtCaseNumber: values.source === 'court_pre_litigation' ? blank(values.courtCaseNumber) : null,
      roomId: values.roomId,
      leadMediatorId: values.leadMediatorId,
      assistingMediatorIds: values.assistingMediatorIds ?? [],
      parties: values.parties.map((party) => ({
        side: party.side,
        kind: party.kind,
        name: party.name.trim(),
        idNumber: party.kind === 'person' ? blank(party.idNumber) : null,
        phone: blank(party.phone),
        organisationCode: party.kind === 'organisation' ? blank(party.organisationCode) : null,
      })),
      representatives: (values.representatives ?? []).map((representative) => ({
        side: representative.side,
        name: representative.name.trim(),
        role: representative.role,
        relation: blank(representative.relation),
        phone: representative.phone.trim(),
        idNumber: blank(representative.idNumber),
      })),
    };
    const serialized = JSON.stringify(body);
    if (idempotencyKey.current?.body !== serialized) idempotencyKey.current = { body: serialized, key: crypto.randomUUID() };
    setSaving(true);
    setFailure(null);
    try {
      const created = await registerDispute(body, idempotencyKey.current.key);
      await invalidate();
      void message.success(t('disputeForm.done'));
      void navigate(`/mediation/disputes/${created.id}`);
    } catch (error) {
      setFailure(formFailureMessage(form, error, formFields, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('disputeForm.title')} />
      <Card>
        <Form<DisputeValues>
          form={form}
          layout="vertical"
          name="register-dispute"
          validateTrigger={['onChange', 'onBlur']}
          initialValues={{
            source: 'walk_in',
            parties: [
              { side: 'applicant', kind: 'person' },
              { side: 'respondent', kind: 'person' },
            ],
          }}
          onFinish={(values) => void submit(values)}
          style={{ maxWidth: 880 }}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="disputeType" label={t('disputeForm.type')} rules={[{ required: true, message: t('disputeForm.typeRequired') }]}>
            <Select options={(types.data ?? []).map((type) => ({ value: type.code, label: disputeTypeName(types.data, type.code, locale) }))} />
          </Form.Item>
          <Form.Item name="summary" label={t('disputeForm.summary')} rules={[{ required: true, whitespace: true, message: t('disputeForm.summaryRequired') }, { max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="claims" label={t('disputeForm.claims')} rules={[{ required: true, whitespace: true, message: t('disputeForm.claimsRequired') }, { max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="amountClaimed" label={t('disputeForm.amount')}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="regionId" label={t('disputeForm.region')} rules={[{ required: true, message: t('disputeForm.regionRequired') }]}>
            <RegionTreeSelect ariaLabel={t('disputeForm.region')} />
          </Form.Item>
          <Form.Item name="source" label={t('disputeForm.source')} rules={[{ required: true }]}>
            <Select options={registrableSources.map((value) => ({ value, label: disputeSourceLabel(t, value) }))} />
          </Form.Item>
          {source === 'court_pre_litigation' ? (
            <Space wrap align="start">
              <Form.Item name="courtName" label={t('disputeForm.court')} rules={[{ required: true, whitespace: true, message: t('disputeForm.courtRequired') }, { max: 200 }]}>
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Form.Item
                name="courtCaseNumber"
                label={t('disputeForm.courtCaseNumber')}
                rules={[{ required: true, whitespace: true, message: t('disputeForm.courtCaseNumberRequired') }, { max: 100 }]}
              >
                <Input style={{ width: 260 }} />
              </Form.Item>
            </Space>
          ) : null}
          <Form.Item name="roomId" label={t('disputeForm.room')} rules={[{ required: true, message: t('disputeForm.roomRequired') }]}>
            <Select
              loading={rooms.isPending}
              onChange={() => form.setFieldsValue({ leadMediatorId: undefined, assistingMediatorIds: [] })}
              options={(rooms.data?.items ?? []).map((room) => ({ value: room.id, label: `${room.name} · ${room.regionName}` }))}
            />
          </Form.Item>
          <Form.Item name="leadMediatorId" label={t('disputeForm.lead')} rules={[{ required: true, message: t('disputeForm.leadRequired') }]}>
            <Select options={mediators.map((mediator) => ({ value: mediator.id, label: mediator.name }))} />
          </Form.Item>
          <Form.Item name="assistingMediatorIds" label={t('disputeForm.assistants')}>
            <Select mode="multiple" maxCount={5} options={mediators.filter((m) => m.id !== leadId).map((mediator) => ({ value: mediator.id, label: mediator.name }))} />
          </Form.Item>
          <Form.List
            name="parties"
            rules={[
              {
                validator: (_, parties: PartyValues[] | undefined) => {
                  const sides = new Set((parties ?? []).map((party) => party.side));
                  return sides.has('applicant') && sides.has('respondent') ? Promise.resolve() : Promise.reject(new Error(t('disputeForm.bothSides')));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Card size="small" title={t('disputeForm.parties')} style={{ marginBottom: 16 }}>
                {fields.map((field) => (
                  <PartyFields key={field.key} name={field.name} onRemove={fields.length > 2 ? () => remove(field.name) : undefined} />
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ side: 'respondent', kind: 'person' })}>
                  {t('disputeForm.addParty')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Card>
            )}
          </Form.List>
          <Form.List name="representatives">
            {(fields, { add, remove }, { errors }) => (
              <Card size="small" title={t('disputeForm.representatives')} style={{ marginBottom: 16 }}>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="start" style={{ width: '100%' }} data-testid="dispute-representative">
                    <Form.Item name={[field.name, 'side']} label={t('representative.side')} rules={[{ required: true }]}>
                      <Select<DisputeSide> style={{ width: 120 }} options={disputeSides.map((value) => ({ value, label: disputeSideLabel(t, value) }))} />
                    </Form.Item>
                    <RepresentativeInputs prefix={field.name} />
                    <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('disputeForm.removeRepresentative')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ side: 'applicant', role: 'close_relative' })}>
                  {t('disputeForm.addRepresentative')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Card>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('disputeForm.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

function PartyFields({ name, onRemove }: { name: number; onRemove?: () => void }) {
  const { t } = useI18n();
  const kind = Form.useWatch(['parties', name, 'kind']) as PartyKind | undefined;
  return (
    <Space wrap align="start" style={{ width: '100%' }} data-testid="dispute-party">
      <Form.Item name={[name, 'side']} rules={[{ required: true }]}>
        <Select<DisputeSide> aria-label={t('disputes.parties')} style={{ width: 120 }} options={disputeSides.map((value) => ({ value, label: disputeSideLabel(t, value) }))} />
      </Form.Item>
      <Form.Item name={[name, 'kind']} rules={[{ required: true }]}>
        <Select<PartyKind> aria-label={t('disputeForm.partyKind')} style={{ width: 100 }} options={partyKinds.map((value) => ({ value, label: partyKindLabel(t, value) }))} />
      </Form.Item>
      <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: t('disputeForm.partyNameRequired') }, { max: 100 }]}>
        <Input placeholder={t('disputeForm.partyName')} aria-label={t('disputeForm.partyName')} style={{ width: 200 }} />
      </Form.Item>
      {kind === 'organisation' ? (
        <Form.Item name={[name, 'organisationCode']} rules={[{ pattern: creditCodePattern, message: t('disputeForm.organisationCodeInvalid') }]}>
          <Input placeholder={t('dispute.organisationCode')} aria-label={t('dispute.organisationCode')} style={{ width: 220 }} />
        </Form.Item>
      ) : (
        <Form.Item name={[name, 'idNumber']} rules={[{ pattern: idNumberPattern, message: t('disputeForm.idNumberInvalid') }]}>
          <Input placeholder={t('dispute.idNumber')} aria-label={t('dispute.idNumber')} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name={[name, 'phone']} rules={[{ pattern: phonePattern, message: t('disputeForm.phoneInvalid') }]}>
        <Input placeholder={t('dispute.phone')} aria-label={t('dispute.phone')} style={{ width: 160 }} />
      </Form.Item>
      {onRemove ? <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('disputeForm.removeParty')} onClick={onRemove} /> : null}
    </Space>
  );
}
