import { Button, Empty, Flex, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { LoadError } from '../../shared/components/load-error';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { disputeSideLabel } from './dispute-labels';
import { useDispute } from './dispute-queries';

/** The mediation agreement 调解协议书 laid out for printing and signing: parties, the dispute, the terms, signature lines. */
export function AgreementPrintPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const dispute = useDispute(id);

  if (dispute.isPending) return <PageLoading />;
  if (dispute.isError) return <LoadError error={dispute.error} onRetry={() => void dispute.refetch()} />;
  const d = dispute.data;
  if (!d.agreement) return <Empty description={t('agreement.none')} />;
  const a = d.agreement;

  return (
    <article style={{ maxWidth: 720, margin: '0 auto', padding: 24, background: '#fff' }}>
      <Flex justify="flex-end" className="no-print">
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('agreement.printNow')}
        </Button>
      </Flex>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {t('agreement.documentTitle')}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'right' }}>{t('agreement.documentNumber', { number: d.number })}</Typography.Paragraph>
      {d.parties.map((party) => (
        <Typography.Paragraph key={party.id}>{`${disputeSideLabel(t, party.side)}：${party.name}`}</Typography.Paragraph>
      ))}
      <Typography.Title level={4}>{t('dispute.summary')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</Typography.Paragraph>
      <Typography.Title level={4}>{t('agreement.terms')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.terms}</Typography.Paragraph>
      {a.amountAgreed != null ? <Typography.Paragraph>{t('agreement.amountLine', { amount: a.amountAgreed.toFixed(2) })}</Typography.Paragraph> : null}
      <Typography.Paragraph>{t('agreement.performanceLine', { deadline: a.performanceDeadline })}</Typography.Paragraph>
      <Typography.Paragraph>{t('agreement.confirmationLine', { due: a.confirmationDueOn })}</Typography.Paragraph>
      <Flex justify="space-between" style={{ marginTop: 48 }} wrap>
        <span>{t('agreement.applicantSignature')}</span>
        <span>{t('agreement.respondentSignature')}</span>
        <span>{t('agreement.mediatorSignature', { room: d.roomName ?? '' })}</span>
      </Flex>
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 24 }}>{a.effectiveOn}</Typography.Paragraph>
    </article>
  );
}
