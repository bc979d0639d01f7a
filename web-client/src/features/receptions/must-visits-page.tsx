import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api/api';
import { unwrap } from '../../shared/api/api-client';
import type {
  MustVisitIncident,
  MustVisitPolicy,
  MustVisitProposal,
  MustVisitReason,
  PlanMustVisitRequest,
  RegisterMustVisitIncidentRequest,
  RegisterMustVisitPolicyRequest,
  UpdateMustVisitIncidentRequest,
  UpdateMustVisitPolicyRequest,
} from '../../shared/api/api-types';
import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/describe-error';
import { formFailureMessage } from '../../shared/api/form-failure';
import { useCapability } from '../../shared/auth/capabilities';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import { useRegions } from '../../shared/regions/use-regions';
import { useInvalidateMustVisits, useMustVisitIncidents, useMustVisitPolicies, useMustVisitProposals } from './must-visits-queries';
import { batchEtag } from './reception-queries';

const reasonKeys: Record<MustVisitReason, MessageKey> = {
  many_petitions: 'mustVisits.reason.many_petitions',
  hard_work: 'mustVisits.reason.hard_work',
  major_policy: 'mustVisits.reason.major_policy',
  emergency: 'mustVisits.reason.emergency',
};

const reasonColours: Record<MustVisitReason, string> = { many_petitions: 'blue', hard_work: 'orange', major_policy: 'purple', emergency: 'red' };

const percent = (fraction: number | null | undefined) => (fraction == null ? '—' : `${(fraction * 100).toFixed(1)}%`);

const thisMonth = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
};

/** Why a town is proposed, in figures: each reason's numbers, the policies and incidents behind it. */
function Why({ proposal, t }: { proposal: MustVisitProposal; t: Translate }) {
  const f = proposal.figures;
  const lines: string[] = [];
  if (proposal.reasons.includes('many_petitions'))
    lines.push(t('mustVisits.why.petitions', { petitions: f.petitions, previous: f.previousPetitions, growth: f.growthPercent == null ? '—' : `${f.growthPercent}%` }));
  if (proposal.reasons.includes('hard_work'))
    lines.push(t('mustVisits.why.work', { backlog: f.backlog, overdue: f.overdue, concluded: f.concluded, rate: percent(f.resolutionRate) }));
  if (f.urgentPetitions > 0) lines.push(t('mustVisits.why.urgent', { urgent: f.urgentPetitions }));
  for (const policy of proposal.policies) lines.push(t('mustVisits.why.policy', { title: policy.title, from: policy.effectiveFrom }));
  for (const incident of proposal.incidents) lines.push(t('mustVisits.why.incident', { day: incident.day, description: incident.description }));
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((line) => (
        <Typography.Text key={line}>{line}</Typography.Text>
      ))}
    </Space>
  );
}

type EntryKind = 'plan' | 'policy' | 'incident';
type EntryValues = Partial<PlanMustVisitRequest & RegisterMustVisitPolicyRequest & RegisterMustVisitIncidentRequest>;

const fieldsOf: Record<EntryKind, readonly (keyof EntryValues)[]> = {
  plan: ['day', 'startsAt', 'endsAt', 'place', 'purpose'],
  policy: ['title', 'regionId', 'effectiveFrom', 'effectiveTo', 'note'],
  incident: ['regionId', 'day', 'description'],
};

const inputTypes: Partial<Record<keyof EntryValues, string>> = {
  day: 'date',
  effectiveFrom: 'date',
  effectiveTo: 'date',
  startsAt: 'time',
  endsAt: 'time',
};

const optional: ReadonlySet<keyof EntryValues> = new Set(['effectiveTo', 'note']);

/** One dialog for the writes of the page: plan a visit from a proposal, register or correct a policy or an incident. */
function EntryDialog(props: {
  kind: EntryKind;
  title: string;
  initial?: EntryValues;
  towns: { value: string; label: string }[];
  send: (values: EntryValues) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const fields = fieldsOf[props.kind];

  const submit = async (values: EntryValues) => {
    setSaving(true);
    setFailure(null);
    try {
      const cleaned = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === '' ? undefined : value])) as EntryValues;
      await props.send(cleaned);
      void message.success(t('mustVisits.saved'));
      props.onClose();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<EntryValues> form={form} layout="vertical" name={`must-visit-${props.kind}`} initialValues={props.initial} onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {fields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={t(`mustVisits.field.${field}` as MessageKey)}
            rules={optional.has(field) ? [] : [{ required: true, message: t('mustVisits.required') }]}
          >
            {field === 'regionId' ? (
              <Select options={props.towns} aria-label={t('mustVisits.field.regionId')} />
            ) : field === 'purpose' || field === 'description' || field === 'note' ? (
              <Input.TextArea rows={3} />
            ) : (
              <Input type={inputTypes[field] ?? 'text'} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function dialogTitle(dialog: { kind: EntryKind; town?: MustVisitProposal; entryId?: string }, t: Translate): string {
  if (dialog.kind === 'plan') return t('mustVisits.planTitle', { town: dialog.town?.townName ?? '' });
  if (dialog.kind === 'policy') return t(dialog.entryId ? 'mustVisits.editPolicy' : 'mustVisits.registerPolicy');
  return t(dialog.entryId ? 'mustVisits.editIncident' : 'mustVisits.registerIncident');
}

const policyValues = (policy: MustVisitPolicy): EntryValues => ({
  title: policy.title,
  regionId: policy.regionId,
  effectiveFrom: policy.effectiveFrom,
  effectiveTo: policy.effectiveTo ?? undefined,
  note: policy.note ?? undefined,
});

const incidentValues = (incident: MustVisitIncident): EntryValues => ({ regionId: incident.regionId, day: incident.day, description: incident.description });

/**
 * The four must-visits (四个必访) of a district and month: the towns the system proposes with the reasons and figures behind
 * them and the visits planned, a leader's "plan visit", and the bureau's registers of major policies and emergencies.
 */
export function MustVisitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const invalidate = useInvalidateMustVisits();
  const [month, setMonth] = useState(thisMonth);
  const [chosenDistrict, setDistrict] = useState<string | undefined>();
  // An entry being corrected is named by id: after a 412 the list reloads and the retry sends the version read then.
  const [dialog, setDialog] = useState<{ kind: EntryKind; town?: MustVisitProposal; entryId?: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const districts = useMemo(() => (regions.data ?? []).filter((region) => region.level === 'district'), [regions.data]);
  const districtId = chosenDistrict ?? districts[0]?.id;
  const districtPath = districts.find((district) => district.id === districtId)?.path;
  const towns = useMemo(
    () =>
      (regions.data ?? [])
        .filter((region) => (region.level === 'town' || region.level === 'village') && districtPath && region.path.startsWith(districtPath))
        .map((region) => ({ value: region.id, label: region.name })),
    [regions.data, districtPath],
  );
  const proposals = useMustVisitProposals(month, districtId);
  const policies = useMustVisitPolicies(districtId);
  const incidents = useMustVisitIncidents(districtId);
  const mayPlan = useCapability('plan_must_visits');
  const mayRegister = useCapability('manage_reception_registers');
  const editedPolicy = dialog?.kind === 'policy' && dialog.entryId ? policies.data?.items.find((policy) => policy.id === dialog.entryId) : undefined;
  const editedIncident = dialog?.kind === 'incident' && dialog.entryId ? incidents.data?.items.find((incident) => incident.id === dialog.entryId) : undefined;

  const register = async (values: EntryValues) => {
    if (dialog?.kind === 'plan' && dialog.town)
      await unwrap(api.POST('/api/v1/receptions/must-visits/visits', { body: { ...(values as PlanMustVisitRequest), month, townId: dialog.town.townId } }));
    else if (editedPolicy)
      await unwrap(
        api.PUT('/api/v1/receptions/policies/{id}', {
          params: { path: { id: editedPolicy.id }, header: { 'If-Match': batchEtag(editedPolicy.version) } },
          body: values as UpdateMustVisitPolicyRequest,
        }),
      );
    else if (editedIncident)
      await unwrap(
        api.PUT('/api/v1/receptions/incidents/{id}', {
          params: { path: { id: editedIncident.id }, header: { 'If-Match': batchEtag(editedIncident.version) } },
          body: values as UpdateMustVisitIncidentRequest,
        }),
      );
    else if (dialog?.kind === 'policy') await unwrap(api.POST('/api/v1/receptions/policies', { body: values as RegisterMustVisitPolicyRequest }));
    else await unwrap(api.POST('/api/v1/receptions/incidents', { body: values as RegisterMustVisitIncidentRequest }));
  };

  const send = async (values: EntryValues) => {
    try {
      await register(values);
    } catch (error) {
      // A stale or vanished entry: reload the registers so that the message's "reloaded" holds.
      if (isApiError(error) && (error.status === 412 || error.status === 404)) await invalidate();
      throw error;
    }
    await invalidate();
  };

  const remove = async (entry: { id: string; version: number }, list: 'policies' | 'incidents') => {
    setDeleting(entry.id);
    const params = { path: { id: entry.id }, header: { 'If-Match': batchEtag(entry.version) } };
    try {
      if (list === 'policies') await api.DELETE('/api/v1/receptions/policies/{id}', { params });
      else await api.DELETE('/api/v1/receptions/incidents/{id}', { params });
      void message.success(t('mustVisits.deleted'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setDeleting(null);
      await invalidate();
    }
  };

  const entryActions = (entry: { id: string; version: number }, kind: 'policy' | 'incident') => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => setDialog({ kind, entryId: entry.id })}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t(kind === 'policy' ? 'mustVisits.confirmDeletePolicy' : 'mustVisits.confirmDeleteIncident')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => remove(entry, kind === 'policy' ? 'policies' : 'incidents')}
      >
        <Button type="link" size="small" danger loading={deleting === entry.id}>
          {t('mustVisits.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <>
      <PageHeader title={t('mustVisits.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('mustVisits.district')}
          style={{ minWidth: 160 }}
          value={districtId}
          onChange={setDistrict}
          options={districts.map((district) => ({ value: district.id, label: district.name }))}
          placeholder={t('mustVisits.district')}
        />
        <Input type="month" aria-label={t('mustVisits.month')} value={month} onChange={(event) => event.target.value && setMonth(event.target.value)} />
      </Space>
      {proposals.isError ? (
        <LoadError error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : (
        <Card size="small" title={t('mustVisits.proposals')} style={{ marginBottom: 16 }} data-testid="must-visit-proposals">
          {proposals.data ? (
            <Typography.Paragraph type="secondary">
              {t('mustVisits.basis', { from: proposals.data.basisFrom, to: proposals.data.basisTo, ruleSet: proposals.data.ruleSet })}
            </Typography.Paragraph>
          ) : null}
          <Table<MustVisitProposal>
            rowKey="townId"
            size="small"
            pagination={false}
            loading={proposals.isFetching}
            dataSource={proposals.data?.towns ?? []}
            locale={{ emptyText: <Typography.Text type="secondary">{t('mustVisits.none')}</Typography.Text> }}
            columns={[
              { title: t('mustVisits.town'), dataIndex: 'townName' },
              {
                title: t('mustVisits.reasons'),
                key: 'reasons',
                render: (_, row) => row.reasons.map((reason) => <Tag key={reason} color={reasonColours[reason]}>{t(reasonKeys[reason])}</Tag>),
              },
              { title: t('mustVisits.why'), key: 'why', render: (_, row) => <Why proposal={row} t={t} /> },
              {
                title: t('mustVisits.planned'),
                key: 'planned',
                render: (_, row) =>
                  row.plannedVisits.map((visit) => (
                    <div key={visit.receptionId}>
                      <Link to={`/receptions/${visit.receptionId}`}>{`${visit.day} ${visit.hostName ?? ''}`.trim()}</Link>
                    </div>
                  )),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, row) =>
                  mayPlan ? (
                    <Button size="small" type="primary" onClick={() => setDialog({ kind: 'plan', town: row })}>
                      {t('mustVisits.plan')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={t('mustVisits.policies')}
        style={{ marginBottom: 16 }}
        extra={mayRegister ? <Button size="small" onClick={() => setDialog({ kind: 'policy' })}>{t('mustVisits.registerPolicy')}</Button> : null}
      >
        <Table<MustVisitPolicy>
          rowKey="id"
          data-testid="must-visit-policies"
          size="small"
          pagination={false}
          dataSource={policies.data?.items ?? []}
          columns={[
            { title: t('mustVisits.field.title'), dataIndex: 'title' },
            { title: t('mustVisits.field.regionId'), dataIndex: 'regionName' },
            { title: t('mustVisits.field.effectiveFrom'), dataIndex: 'effectiveFrom' },
            { title: t('mustVisits.field.effectiveTo'), dataIndex: 'effectiveTo', render: (value: string | null) => value ?? '—' },
            ...(mayRegister ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, row: MustVisitPolicy) => entryActions(row, 'policy') }] : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('mustVisits.incidents')}
        extra={mayRegister ? <Button size="small" onClick={() => setDialog({ kind: 'incident' })}>{t('mustVisits.registerIncident')}</Button> : null}
      >
        <Table<MustVisitIncident>
          rowKey="id"
          data-testid="must-visit-incidents"
          size="small"
          pagination={false}
          dataSource={incidents.data?.items ?? []}
          columns={[
            { title: t('mustVisits.field.day'), dataIndex: 'day' },
            { title: t('mustVisits.field.regionId'), dataIndex: 'regionName' },
            { title: t('mustVisits.field.description'), dataIndex: 'description' },
            ...(mayRegister ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, row: MustVisitIncident) => entryActions(row, 'incident') }] : []),
          ]}
        />
      </Card>
      {dialog ? (
        <EntryDialog
          kind={dialog.kind}
          title={dialogTitle(dialog, t)}
          initial={editedPolicy ? policyValues(editedPolicy) : editedIncident ? incidentValues(editedIncident) : undefined}
          towns={towns}
          send={send}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
