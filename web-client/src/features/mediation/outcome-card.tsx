import { Alert, Badge, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useCapability } from '../../shared/auth/capabilities';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AgreementView, DisputeDetail } from '../../shared/api/api-types';
import { useI18n } from '../../shared/i18n/i18n-context';
import { AgreementDialog } from './agreement-dialog';
import { ConfirmationDialog } from './confirmation-dialog';
import { FailureDialog } from './failure-dialog';

/**
 * The light of the judicial-confirmation deadline: green while there is time, yellow from `reminderDays` before it (the rule
 * set's reminder, served with the agreement), red once it passed.
 */
export function confirmationLight(dueOn: string, reminderDays: number, today = dayjs()): 'green' | 'yellow' | 'red' {
  const left = dayjs(dueOn).startOf('day').diff(today.startOf('day'), 'day');
  return left < 0 ? 'red' : left <= reminderDays ? 'yellow' : 'green';
}

const badgeStatus = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** The outcome of a dispute: the agreement with its judicial-confirmation deadline, or the failure; and the steps to record one. */
export function OutcomeCard({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'agreement' | 'failure' | 'apply' | 'ruling' | null>(null);
  const mayMediate = useCapability('mediate_disputes');
  const mayAgree = dispute.allowedActions.includes('record_agreement');
  const mayFail = dispute.allowedActions.includes('record_failure');
  if (!dispute.agreement && !dispute.failureReason && !mayAgree && !mayFail) return null;

  return (
    <Card
      size="small"
      title={t('outcome.title')}
      extra={
        <Space>
          {mayAgree ? (
            <Button type="primary" onClick={() => setOpen('agreement')}>
              {t('agreement.record')}
            </Button>
          ) : null}
          {mayFail ? (
            <Button danger onClick={() => setOpen('failure')}>
              {t('outcome.recordFailure')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {dispute.agreement ? <AgreementDetails disputeId={dispute.id} agreement={dispute.agreement} /> : null}
      {dispute.agreement && mayMediate ? (
        <Space>
          {!dispute.agreement.confirmationAppliedOn ? <Button onClick={() => setOpen('apply')}>{t('confirmation.apply')}</Button> : null}
          {dispute.agreement.confirmationAppliedOn && !dispute.agreement.confirmationRuling ? (
            <Button onClick={() => setOpen('ruling')}>{t('confirmation.recordRuling')}</Button>
          ) : null}
        </Space>
      ) : null}
      {dispute.failureReason ? <Alert type="warning" showIcon title={t('outcome.failed')} description={dispute.failureReason} /> : null}
      {!dispute.agreement && !dispute.failureReason ? <Typography.Text type="secondary">{t('outcome.none')}</Typography.Text> : null}
      {open === 'agreement' ? <AgreementDialog dispute={dispute} onClose={() => setOpen(null)} /> : null}
      {open === 'failure' ? <FailureDialog dispute={dispute} onClose={() => setOpen(null)} /> : null}
      {open === 'apply' || open === 'ruling' ? <ConfirmationDialog dispute={dispute} step={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

function AgreementDetails({ disputeId, agreement }: { disputeId: string; agreement: AgreementView }) {
  const { t } = useI18n();
  const light = confirmationLight(agreement.confirmationDueOn, agreement.confirmationReminderDays);
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('agreement.terms')} span="filled">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{agreement.terms}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.amount')}>
        {agreement.amountAgreed != null ? t('dispute.amountValue', { amount: agreement.amountAgreed.toFixed(2) }) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.form')}>{t(`agreementForm.${agreement.form}`)}</Descriptions.Item>
      <Descriptions.Item label={t('agreement.signatures')}>
        {t('agreement.signatureLine', {
          applicant: t(agreement.applicantSigned ? 'agreement.signed' : 'agreement.notSigned'),
          respondent: t(agreement.respondentSigned ? 'agreement.signed' : 'agreement.notSigned'),
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.effectiveOn')}>{agreement.effectiveOn}</Descriptions.Item>
      <Descriptions.Item label={t('agreement.performanceDeadline')}>{agreement.performanceDeadline}</Descriptions.Item>
      <Descriptions.Item label={t('agreement.confirmationDueOn')}>
        {agreement.confirmationAppliedOn ? (
          <span>
            {t('confirmation.appliedLine', { court: agreement.confirmationCourt ?? '', day: agreement.confirmationAppliedOn })}
            {agreement.confirmationRuling
              ? ` ${t('confirmation.rulingLine', { ruling: t(`judicialRuling.${agreement.confirmationRuling}`), day: agreement.confirmationDecidedOn ?? '' })}`
              : ''}
          </span>
        ) : (
          <Badge status={badgeStatus[light]} text={t(`agreement.confirmationLight.${light}`, { due: agreement.confirmationDueOn })} />
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.document')}>
        <Link to={`/mediation/disputes/${disputeId}/agreement`}>{t('agreement.print')}</Link>
      </Descriptions.Item>
    </Descriptions>
  );
}
