import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import type { ReceptionBatch, ReceptionBatchPetitioner, ReceptionDetail, RevealedBatchPetitioner } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { PageLoading } from '../../shared/components/page-loading';
import { useI18n } from '../../shared/i18n/i18n-context';
import { BatchForm } from './batch-form';
import { CorrectBatchDialog, TakeChargeDialog } from './batch-dialogs';
import { EditReceptionDialog } from './edit-reception-dialog';
import { receptionAbilities, type ReceptionAbilities } from './reception-abilities';
import { cancelReception, holdReception, revealPetitioner } from './reception-actions';
import {
  formatRate,
  hostOf,
  kindColors,
  kindLabel,
  levelLabel,
  outcomeColors,
  outcomeLabel,
  receptionStatusLabel,
  statusColors,
} from './reception-labels';
import { receptionFailureMessage } from './reception-problem';
import { useInvalidateReceptions, useReception } from './reception-queries';

/** A reception as it happens: who receives where and when, holding it, the batches so far and a form for the next one. */
export function ReceptionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useReception(id);

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const { reception, etag } = query.data;
  const abilities = receptionAbilities(reception);
  return (
    <>
      <PageHeader
        title={t('reception.title', { kind: kindLabel(t, reception.kind), day: reception.day })}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => void navigate(`/receptions?month=${reception.day.slice(0, 7)}`)}>
            {t('reception.backToCalendar')}
          </Button>
        }
      />
      <ReceptionHeader reception={reception} etag={etag} abilities={abilities} />
      <Totals reception={reception} />
      <Row gutter={16}>
        {abilities.record ? (
          <Col xs={24} xl={9}>
            <Card title={t('batchForm.title')} size="small" style={{ marginBottom: 16 }} data-testid="batch-form">
              <BatchForm reception={reception} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} xl={abilities.record ? 15 : 24}>
          <BatchesCard reception={reception} abilities={abilities} />
        </Col>
      </Row>
    </>
  );
}

function ReceptionHeader({ reception, etag, abilities }: { reception: ReceptionDetail; etag: string; abilities: ReceptionAbilities }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const invalidate = useInvalidateReceptions();
  const [holding, setHolding] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);

  const hold = async () => {
    setHolding(true);
    try {
      await holdReception(reception.id, etag);
      void message.success(t('reception.heldDone'));
    } catch (error) {
      void message.error(receptionFailureMessage(null, error, [], t));
    } finally {
      setHolding(false);
      await invalidate();
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag variant="solid" color={kindColors[reception.kind]}>{kindLabel(t, reception.kind)}</Tag>
        <Tag variant="solid" color={statusColors[reception.status]} data-testid="reception-status">
          {receptionStatusLabel(t, reception.status)}
        </Tag>
        {reception.isPublished ? <Tag color="geekblue">{t('reception.published')}</Tag> : null}
        {abilities.hold ? (
          <Button type="primary" loading={holding} onClick={() => void hold()}>
            {t('reception.hold')}
          </Button>
        ) : null}
        {abilities.change ? <Button onClick={() => setEditing(true)}>{t('reception.edit')}</Button> : null}
        {abilities.change ? <Button onClick={() => setCancelling(true)}>{t('reception.cancel')}</Button> : null}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('reception.host')}>{hostOf(reception) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reception.level')}>{levelLabel(t, reception.level)}</Descriptions.Item>
        <Descriptions.Item label={t('reception.region')}>{reception.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('reception.time')}>
          {t('reception.timeValue', { day: reception.day, start: reception.startsAt, end: reception.endsAt })}
        </Descriptions.Item>
        <Descriptions.Item label={t('reception.place')}>{reception.place}</Descriptions.Item>
        {reception.theme ? <Descriptions.Item label={t('reception.theme')}>{reception.theme}</Descriptions.Item> : null}
        {reception.purpose ? <Descriptions.Item label={t('reception.purpose')}>{reception.purpose}</Descriptions.Item> : null}
        {reception.petitionId ? (
          <Descriptions.Item label={t('reception.petition')}>
            <Link to={`/petitions/${reception.petitionId}`}>{reception.petitionNumber ?? reception.petitionId}</Link>
          </Descriptions.Item>
        ) : null}
        {reception.cancelReason ? <Descriptions.Item label={t('reception.cancelReason')}>{reception.cancelReason}</Descriptions.Item> : null}
      </Descriptions>
      {reception.status === 'scheduled' && !abilities.hold ? (
        <Typography.Text type="secondary">{t('reception.notHeldYet')}</Typography.Text>
      ) : null}
      <CancelDialog reception={reception} etag={etag} open={cancelling} onClose={() => setCancelling(false)} />
      <EditReceptionDialog reception={reception} etag={etag} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

function CancelDialog({ reception, etag, open, onClose }: { reception: ReceptionDetail; etag: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const invalidate = useInvalidateReceptions();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (reason: string) => {
    setSaving(true);
    setFailure(null);
    try {
      await cancelReception(reception.id, etag, reason);
      onClose();
      await invalidate();
    } catch (error) {
      setFailure(receptionFailureMessage(form, error, ['reason'], t));
      if (isApiError(error) && error.status === 412) await invalidate();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('reception.cancel')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ reason?: string }> form={form} layout="vertical" name="cancel-reception" onFinish={(values) => void submit(values.reason?.trim() ?? '')}>
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="reason" label={t('reception.cancelReason')} rules={[{ required: true, whitespace: true, message: t('batchForm.required') }, { max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Totals({ reception }: { reception: ReceptionDetail }) {
  const { t, locale } = useI18n();
  const totals = reception.totals;
  const figures = [
    { key: 'batches', title: t('figures.batches'), value: String(totals.batches) },
    { key: 'persons', title: t('figures.persons'), value: String(totals.persons) },
    { key: 'solved', title: t('batchOutcome.solved_on_the_spot'), value: String(totals.solvedOnTheSpot) },
    { key: 'explained', title: t('batchOutcome.explained'), value: String(totals.explained) },
    { key: 'assigned', title: t('batchOutcome.assigned'), value: String(totals.assigned) },
    { key: 'rate', title: t('figures.resolutionRate'), value: formatRate(totals.resolutionRate, locale) },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="reception-totals">
      <Row gutter={16}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={8} md={4}>
            <Statistic title={figure.title} value={figure.value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function BatchesCard({ reception, abilities }: { reception: ReceptionDetail; abilities: ReceptionAbilities }) {
  const { t } = useI18n();
  const [correcting, setCorrecting] = useState<ReceptionBatch | null>(null);
  const [charging, setCharging] = useState<ReceptionBatch | null>(null);

  return (
    <Card title={t('reception.batches')} size="small" style={{ marginBottom: 16 }}>
      <Table<ReceptionBatch>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={reception.batches}
        data-testid="batch-table"
        locale={{ emptyText: <Empty description={t('reception.noBatches')} /> }}
        columns={[
          { title: t('reception.ordinal'), dataIndex: 'ordinal', width: 48 },
          { title: t('batchForm.persons'), dataIndex: 'persons', width: 64 },
          {
            title: t('batchForm.petitioners'),
            key: 'petitioners',
            render: (_, batch) => <Petitioners receptionId={reception.id} batch={batch} canReveal={abilities.reveal} />,
          },
          { title: t('batchForm.matter'), dataIndex: 'matter' },
          {
            title: t('batchForm.outcome'),
            dataIndex: 'outcome',
            render: (_, batch) => <Tag variant="solid" color={outcomeColors[batch.outcome]}>{outcomeLabel(t, batch.outcome)}</Tag>,
          },
          {
            title: t('reception.petition'),
            key: 'petition',
            render: (_, batch) =>
              batch.petitionId ? (
                <Space orientation="vertical" size={0}>
                  <Link to={`/petitions/${batch.petitionId}`}>{batch.petitionNumber ?? batch.petitionId}</Link>
                  {batch.petitionRegistered ? <Typography.Text type="secondary">{t('reception.registeredHere')}</Typography.Text> : null}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('reception.inCharge'),
            key: 'charge',
            render: (_, batch) =>
              batch.inChargeName ? (
                <Space orientation="vertical" size={0}>
                  <span>{batch.inChargeName}</span>
                  {batch.caseId ? <Link to={`/cases/${batch.caseId}`}>{batch.caseNumber ?? batch.caseId}</Link> : null}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, batch) => (
              <Space wrap size={4}>
                {abilities.correct ? (
                  <Button size="small" onClick={() => setCorrecting(batch)} aria-label={t('batchCorrection.title', { ordinal: batch.ordinal })}>
                    {t('batchCorrection.action')}
                  </Button>
                ) : null}
                {abilities.takeCharge && batch.outcome === 'assigned' && !batch.inChargeName ? (
                  <Button size="small" onClick={() => setCharging(batch)} aria-label={t('batchCharge.title', { ordinal: batch.ordinal })}>
                    {t('batchCharge.action')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
        expandable={{
          rowExpandable: (batch) => Boolean(batch.instruction),
          expandedRowRender: (batch) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('batchForm.instruction')}：{batch.instruction}
            </Typography.Paragraph>
          ),
        }}
      />
      <CorrectBatchDialog receptionId={reception.id} batch={correcting} onClose={() => setCorrecting(null)} />
      <TakeChargeDialog receptionId={reception.id} batch={charging} onClose={() => setCharging(null)} />
    </Card>
  );
}

function Petitioners({ receptionId, batch, canReveal }: { receptionId: string; batch: ReceptionBatch; canReveal: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Record<string, RevealedBatchPetitioner>>({});
  const [revealing, setRevealing] = useState<string | null>(null);

  const reveal = async (petitioner: ReceptionBatchPetitioner) => {
    setRevealing(petitioner.id);
    try {
      const values = await revealPetitioner(receptionId, batch.id, petitioner.id);
      setRevealed((current) => ({ ...current, [petitioner.id]: values }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setRevealing(null);
    }
  };

  if (batch.petitioners.length === 0) return <Typography.Text type="secondary">{t('reception.unnamed')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {batch.petitioners.map((petitioner) => {
        const shown = revealed[petitioner.id];
        const idNumber = shown ? shown.idNumber : petitioner.idNumberMasked;
        const phone = shown ? shown.phone : petitioner.phoneMasked;
        const masked = Boolean(petitioner.idNumberMasked ?? petitioner.phoneMasked);
        return (
          <Space key={petitioner.id} size={6} wrap>
            <span>{petitioner.name}</span>
            {idNumber ? <Typography.Text code>{idNumber}</Typography.Text> : null}
            {phone ? <Typography.Text code>{phone}</Typography.Text> : null}
            {canReveal && masked && !shown ? (
              <Button
                size="small"
                type="link"
                loading={revealing === petitioner.id}
                onClick={() => void reveal(petitioner)}
                aria-label={t('reception.revealOf', { name: petitioner.name })}
              >
                {t('reception.reveal')}
              </Button>
            ) : null}
          </Space>
        );
      })}
    </Space>
  );
}
