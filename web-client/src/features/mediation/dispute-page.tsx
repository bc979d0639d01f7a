import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DisputeAction, DisputeDetail, DisputeSide } from '../../shared/api/api-types';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { recordConsent, withdrawDispute } from './dispute-actions';
import { consentLabel, disputeSideLabel, disputeSides, disputeSourceLabel, disputeStatusColors, disputeStatusLabel, partyKindLabel } from './dispute-labels';
import { useDispute } from './dispute-queries';
import { disputeTypeName } from './mediation-labels';
import { useDisputeTypes } from './mediation-queries';
import { AssignDialog } from './assign-dialog';
import { ClockCard } from './clock-card';
import { FollowUpCard } from './follow-up-card';
import { OutcomeCard } from './outcome-card';
import { RepresentativesCard } from './representatives-card';
import { SessionCard } from './session-card';
import { StepFailure, useDisputeStep } from './dispute-step';

const consentAction: Record<DisputeSide, { consents: DisputeAction; refuses: DisputeAction }> = {
  applicant: { consents: 'applicant_consents', refuses: 'applicant_refuses' },
  respondent: { consents: 'respondent_consents', refuses: 'respondent_refuses' },
};

/** One dispute: its facts, masked parties, mediators and each side's consent, with the steps the caller may take. */
export function DisputePage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const dispute = useDispute(id);
  const types = useDisputeTypes();
  const [assigning, setAssigning] = useState(false);

  if (dispute.isPending) return <PageLoading />;
  if (dispute.isError) return <LoadError error={dispute.error} onRetry={() => void dispute.refetch()} />;
  const d = dispute.data;

  return (
    <>
      <PageHeader
        title={t('dispute.title', { number: d.number })}
        extra={
          <Tag color={disputeStatusColors[d.status]} variant="solid">
            {disputeStatusLabel(t, d.status)}
          </Tag>
        }
      />
      <Flex vertical gap={16}>
        <Card
          size="small"
          extra={d.allowedActions.includes('assign') ? <Button onClick={() => setAssigning(true)}>{t(d.roomId && d.leadMediatorId ? 'assign.change' : 'assign.action')}</Button> : undefined}
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('disputes.type')}>{disputeTypeName(types.data, d.disputeType, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.source')}>{disputeSourceLabel(t, d.source)}</Descriptions.Item>
            {d.courtName ? (
              <Descriptions.Item label={t('dispute.court')}>{t('dispute.courtLine', { court: d.courtName, caseNumber: d.courtCaseNumber ?? '' })}</Descriptions.Item>
            ) : null}
            {d.petitionId ? (
              <Descriptions.Item label={t('dispute.petition')}>
                <Link to={`/petitions/${d.petitionId}`}>{d.petitionNumber}</Link>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('disputes.region')}>{d.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.room')}>{d.roomName ?? t('disputes.noRoom')}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.leadMediator')}>{d.leadMediatorName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('dispute.assistants')}>{d.assistingMediators.map((m) => m.mediatorName).join('、') || '—'}</Descriptions.Item>
            {d.amountClaimed != null ? (
              <Descriptions.Item label={t('dispute.amount')}>{t('dispute.amountValue', { amount: d.amountClaimed.toFixed(2) })}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('disputes.registeredAt')}>{dayjs(d.registeredAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('dispute.summary')} span="filled">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.summary}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('dispute.claims')} span="filled">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.claims}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('disputes.parties')}>
          <List
            dataSource={d.parties}
            locale={{ emptyText: <Typography.Text type="secondary">—</Typography.Text> }}
            renderItem={(party) => (
              <List.Item>
                <Space wrap>
                  <Tag>{disputeSideLabel(t, party.side)}</Tag>
                  <Typography.Text strong>{party.name}</Typography.Text>
                  <Typography.Text type="secondary">{partyKindLabel(t, party.kind)}</Typography.Text>
                  {party.idNumberMasked ? <span>{`${t('dispute.idNumber')} ${party.idNumberMasked}`}</span> : null}
                  {party.phoneMasked ? <span>{`${t('dispute.phone')} ${party.phoneMasked}`}</span> : null}
                  {party.organisationCode ? <span>{`${t('dispute.organisationCode')} ${party.organisationCode}`}</span> : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <RepresentativesCard dispute={d} />
        <ConsentCard dispute={d} />
        <ClockCard dispute={d} />
        <SessionCard dispute={d} />
        <OutcomeCard dispute={d} />
        <FollowUpCard dispute={d} />
      </Flex>
      {assigning ? <AssignDialog dispute={d} onClose={() => setAssigning(false)} /> : null}
    </>
  );
}

type Pending = { kind: 'refuse'; side: DisputeSide } | { kind: 'withdraw' } | null;

function ConsentCard({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const { busy, failure, run, clearFailure } = useDisputeStep();
  const [pending, setPending] = useState<Pending>(null);
  const [form] = Form.useForm<{ text: string }>();
  const allowed = (action: DisputeAction) => dispute.allowedActions.includes(action);

  const close = () => {
    setPending(null);
    form.resetFields();
  };

  const submitText = (text: string) =>
    void run(
      () =>
        pending?.kind === 'refuse'
          ? recordConsent(dispute.id, dispute.version, pending.side, false, text.trim())
          : withdrawDispute(dispute.id, dispute.version, text.trim()),
      close,
    );

  return (
    <Card size="small" title={t('dispute.consentTitle')}>
      <StepFailure failure={pending === null ? failure : null} />
      <Flex vertical gap={8}>
        <Typography.Text>{t('dispute.consentOf', { side: disputeSideLabel(t, 'applicant'), consent: consentLabel(t, dispute.applicantConsent) })}</Typography.Text>
        <Typography.Text>{t('dispute.consentOf', { side: disputeSideLabel(t, 'respondent'), consent: consentLabel(t, dispute.respondentConsent) })}</Typography.Text>
        {dispute.guidance ? <Alert type="info" showIcon title={t('dispute.guidance')} description={dispute.guidance} /> : null}
        {dispute.withdrawalReason ? <Alert type="info" showIcon title={t('dispute.withdrawReason')} description={dispute.withdrawalReason} /> : null}
        <Space wrap>
          {disputeSides.flatMap((side) => [
            allowed(consentAction[side].consents) ? (
              <Button key={`${side}-consents`} type="primary" loading={busy} onClick={() => void run(() => recordConsent(dispute.id, dispute.version, side, true, null), close)}>
                {t('dispute.consents', { side: disputeSideLabel(t, side) })}
              </Button>
            ) : null,
            allowed(consentAction[side].refuses) ? (
              <Button key={`${side}-refuses`} danger onClick={() => setPending({ kind: 'refuse', side })}>
                {t('dispute.refuses', { side: disputeSideLabel(t, side) })}
              </Button>
            ) : null,
          ])}
          {allowed('withdraw') ? <Button onClick={() => setPending({ kind: 'withdraw' })}>{t('dispute.withdraw')}</Button> : null}
        </Space>
      </Flex>
      <Modal
        open={pending !== null}
        title={pending?.kind === 'refuse' ? t('dispute.refuses', { side: disputeSideLabel(t, pending.side) }) : t('dispute.withdraw')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setPending(null);
          clearFailure();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="dispute-step" onFinish={(values) => submitText(values.text)}>
          <StepFailure failure={failure} />
          <Form.Item
            name="text"
            label={pending?.kind === 'refuse' ? t('dispute.guidance') : t('dispute.withdrawReason')}
            extra={pending?.kind === 'refuse' ? t('dispute.guidanceHelp') : undefined}
            rules={[
              {
                required: true,
                whitespace: true,
                message: pending?.kind === 'refuse' ? t('dispute.guidanceRequired') : t('dispute.withdrawReasonRequired'),
              },
              { max: pending?.kind === 'refuse' ? 2000 : 1000 },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
