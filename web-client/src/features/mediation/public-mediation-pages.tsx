import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Radio, Result, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import type { ApplyForMediationRequest, MediationTrackingCredentials, PartyKind, PublicMediationView } from '../../shared/api/api-types';
import { formFailureMessage } from '../../shared/api/form-failure';
import { LoadError } from '../../shared/components/load-error';
import { PageLoading } from '../../shared/components/page-loading';
import { SecretOnce } from '../../shared/components/secret-once';
import { useI18n } from '../../shared/i18n/i18n-context';
import { PublicLayout } from '../../shared/layout/public-layout';
import { PublicRegionSelect } from '../../shared/regions/public-region-select';
import { disputeStatusColors, disputeStatusLabel, partyKindLabel, partyKinds } from './dispute-labels';
import { disputeTypeName } from './mediation-labels';
import {
  applyForMediation,
  type MediationCredentials,
  usePublicDisputeTypes,
  useTrackedMediation,
  withdrawMediation,
} from './public-mediation-queries';

/** As the server checks phones: a mainland mobile, or a landline with its area code. */
const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
/** A unified social credit code: 18 characters without I, O, S, V, Z. */
const creditCodePattern = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

interface ApplyValues {
  disputeType?: string;
  regionId?: string;
  applicantName?: string;
  applicantPhone?: string;
  otherSide: { kind: PartyKind; name?: string; phone?: string; organisationCode?: string };
  summary?: string;
  claims?: string;
  amountClaimed?: number | null;
}

// The form's fields are named as the request's, so that the server's field errors land on them.
const fields = [
  'disputeType',
  'regionId',
  'applicantName',
  'applicantPhone',
  ['otherSide', 'kind'],
  ['otherSide', 'name'],
  ['otherSide', 'phone'],
  ['otherSide', 'organisationCode'],
  'summary',
  'claims',
  'amountClaimed',
];

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** A party applies for people's mediation on a phone, without an account, and is given a tracking code and a secret once. */
export function PublicMediationApplyPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ApplyValues>();
  const types = usePublicDisputeTypes();
  const otherKind = Form.useWatch(['otherSide', 'kind'], form);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<MediationTrackingCredentials | null>(null);

  const submit = async (values: ApplyValues) => {
    setSaving(true);
    setFailure(null);
    try {
      const body: ApplyForMediationRequest = {
        disputeType: values.disputeType ?? '',
        regionId: values.regionId ?? '',
        applicantName: values.applicantName?.trim() ?? '',
        applicantPhone: values.applicantPhone?.trim() ?? '',
        otherSide: {
          kind: values.otherSide.kind,
          name: values.otherSide.name?.trim() ?? '',
          phone: trimmed(values.otherSide.phone),
          organisationCode: values.otherSide.kind === 'organisation' ? (trimmed(values.otherSide.organisationCode)?.toUpperCase() ?? null) : null,
        },
        summary: values.summary?.trim() ?? '',
        claims: values.claims?.trim() ?? '',
        amountClaimed: values.amountClaimed ?? null,
      };
      setCredentials(await applyForMediation(body));
      form.resetFields();
    } catch (error) {
      setFailure(formFailureMessage(form, error, fields, t));
    } finally {
      setSaving(false);
    }
  };

  if (credentials) {
    return (
      <PublicLayout title={t('publicMediation.applyTitle')}>
        <Card>
          <Result status="success" title={t('publicMediation.applied')} style={{ paddingBottom: 0 }} />
          <Typography.Paragraph style={{ fontSize: 18, textAlign: 'center' }}>
            {t('publicMediation.trackingCode')}：
            <Typography.Text strong copyable code data-testid="mediation-tracking-code">
              {credentials.trackingCode}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Text strong>{t('publicMediation.secret')}</Typography.Text>
          <SecretOnce secret={credentials.secret} warning={t('publicMediation.keepThem')} testId="mediation-tracking-secret" />
          <Link to="/public/mediation/track">
            <Button type="primary" block>
              {t('publicMediation.goTrack')}
            </Button>
          </Link>
        </Card>
      </PublicLayout>
    );
  }

  const required = { required: true, whitespace: true, message: t('publicMediation.required') };
  const phoneRule = { pattern: phonePattern, message: t('publicMediation.phoneInvalid') };
  return (
    <PublicLayout title={t('publicMediation.applyTitle')}>
      <Card>
        <Typography.Paragraph>{t('publicMediation.applyIntro')}</Typography.Paragraph>
        <Form<ApplyValues>
          form={form}
          layout="vertical"
          name="public-mediation"
          initialValues={{ otherSide: { kind: 'person' } }}
          onFinish={(values) => void submit(values)}
        >
          {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="disputeType" label={t('publicMediation.disputeType')} rules={[{ required: true, message: t('publicMediation.required') }]}>
            <Select
              loading={types.isPending}
              status={types.isError ? 'error' : undefined}
              placeholder={types.isError ? t('common.loadFailed') : undefined}
              options={(types.data ?? []).map((type) => ({ value: type.code, label: disputeTypeName(types.data, type.code, locale) }))}
            />
          </Form.Item>
          <Form.Item name="regionId" label={t('publicMediation.region')} rules={[{ required: true, message: t('publicMediation.required') }]}>
            <PublicRegionSelect />
          </Form.Item>
          <Form.Item name="applicantName" label={t('publicMediation.applicantName')} rules={[required, { max: 100 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('publicMediation.applicantPhone')} rules={[required, phoneRule]}>
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('publicMediation.otherSide')}
          </Typography.Title>
          <Form.Item name={['otherSide', 'kind']} label={t('publicMediation.otherKind')}>
            <Radio.Group options={partyKinds.map((value) => ({ value, label: partyKindLabel(t, value) }))} />
          </Form.Item>
          <Form.Item name={['otherSide', 'name']} label={t('publicMediation.otherName')} rules={[required, { max: 100 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name={['otherSide', 'phone']} label={t('publicMediation.otherPhone')} rules={[phoneRule]}>
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
          {otherKind === 'organisation' ? (
            <Form.Item
              name={['otherSide', 'organisationCode']}
              label={t('publicMediation.otherCode')}
              normalize={(value: string | undefined) => value?.toUpperCase()}
              rules={[{ pattern: creditCodePattern, message: t('publicMediation.codeInvalid') }]}
            >
              <Input autoComplete="off" maxLength={18} />
            </Form.Item>
          ) : null}
          <Form.Item name="summary" label={t('publicMediation.summary')} rules={[required, { max: 4000 }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="claims" label={t('publicMediation.claims')} rules={[required, { max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="amountClaimed" label={t('publicMediation.amountClaimed')}>
            <InputNumber min={0} max={1_000_000_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            {t('publicMediation.apply')}
          </Button>
        </Form>
      </Card>
    </PublicLayout>
  );
}

const formatDateTime = (value: string, locale: string) =>
  new Date(value).toLocaleString(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

/** Where the applicant's mediation stands: accepted, the session times, the outcome; and withdrawing it while it is open. */
export function PublicMediationTrackPage() {
  const { t } = useI18n();
  const [credentials, setCredentials] = useState<MediationCredentials | null>(null);
  const tracked = useTrackedMediation(credentials);

  let result = null;
  if (credentials) {
    if (tracked.isPending) result = <PageLoading />;
    else if (tracked.isError)
      result =
        isApiError(tracked.error) && tracked.error.status === 404 ? (
          <Alert type="error" showIcon title={t('publicMediation.notFound')} role="alert" style={{ marginTop: 16 }} />
        ) : (
          <LoadError compact error={tracked.error} onRetry={() => void tracked.refetch()} />
        );
    else
      result = (
        <>
          <TrackedMediation view={tracked.data} />
          {tracked.data.mayWithdraw ? <WithdrawForm credentials={credentials} onWithdrawn={() => void tracked.refetch()} /> : null}
        </>
      );
  }

  return (
    <PublicLayout title={t('publicMediation.trackTitle')}>
      <Card>
        <Form<MediationCredentials>
          layout="vertical"
          name="track-mediation"
          onFinish={(values) => setCredentials({ trackingCode: values.trackingCode.trim(), secret: values.secret.trim() })}
        >
          <Form.Item name="trackingCode" label={t('publicMediation.trackingCode')} rules={[{ required: true, whitespace: true, message: t('publicMediation.required') }]}>
            <Input autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item name="secret" label={t('publicMediation.secret')} rules={[{ required: true, whitespace: true, message: t('publicMediation.required') }]}>
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={credentials !== null && tracked.isFetching}>
            {t('publicMediation.track')}
          </Button>
        </Form>
      </Card>
      {result}
    </PublicLayout>
  );
}

export function TrackedMediation({ view }: { view: PublicMediationView }) {
  const { t, locale } = useI18n();
  const types = usePublicDisputeTypes();
  return (
    <Card style={{ marginTop: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('publicMediation.number')}>{view.number}</Descriptions.Item>
        <Descriptions.Item label={t('publicMediation.status')}>
          <Tag color={disputeStatusColors[view.status]} data-testid="mediation-status">
            {disputeStatusLabel(t, view.status)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('publicMediation.disputeType')}>{disputeTypeName(types.data, view.disputeType, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('publicMediation.appliedAt')}>{formatDateTime(view.registeredAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('publicMediation.acceptedAt')}>
          {view.acceptedAt ? formatDateTime(view.acceptedAt, locale) : t('publicMediation.notYetAccepted')}
        </Descriptions.Item>
        {view.roomName ? <Descriptions.Item label={t('publicMediation.room')}>{view.roomName}</Descriptions.Item> : null}
        {view.agreementEffectiveOn ? (
          <Descriptions.Item label={t('publicMediation.agreementEffectiveOn')}>{view.agreementEffectiveOn}</Descriptions.Item>
        ) : null}
        {view.performanceDeadline ? (
          <Descriptions.Item label={t('publicMediation.performanceDeadline')}>{view.performanceDeadline}</Descriptions.Item>
        ) : null}
        {view.closedAt ? <Descriptions.Item label={t('publicMediation.closedAt')}>{formatDateTime(view.closedAt, locale)}</Descriptions.Item> : null}
      </Descriptions>
      {view.guidance ? <Alert type="info" showIcon title={t('publicMediation.guidance')} description={view.guidance} style={{ marginTop: 12 }} /> : null}
      <List
        header={<h2 style={{ fontSize: 16, margin: 0 }}>{t('publicMediation.sessions')}</h2>}
        dataSource={view.sessions}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicMediation.noSessions')} /> }}
        renderItem={(session) => (
          <List.Item>
            <Typography.Text>
              {formatDateTime(session.startsAt, locale)} – {new Date(session.endsAt).toLocaleTimeString(locale, { timeZone: 'Asia/Shanghai', timeStyle: 'short' })}
              {' · '}
              {session.roomName}
            </Typography.Text>
            <Tag>{t(`sessions.status.${session.status}`)}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

function WithdrawForm({ credentials, onWithdrawn }: { credentials: MediationCredentials; onWithdrawn: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: { reason?: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await withdrawMediation(credentials, values.reason?.trim() ?? '');
      void message.success(t('publicMediation.withdrawn'));
      onWithdrawn();
    } catch (error) {
      setFailure(formFailureMessage(form, error, ['reason'], t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('publicMediation.withdrawTitle')} style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical" name="withdraw-mediation" onFinish={(values) => void submit(values)}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="reason" label={t('publicMediation.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('publicMediation.required') }, { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Button danger htmlType="submit" loading={saving} block>
          {t('publicMediation.withdraw')}
        </Button>
      </Form>
    </Card>
  );
}
