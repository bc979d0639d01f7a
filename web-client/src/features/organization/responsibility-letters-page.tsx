import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api/api';
import type { CoverageFigures, RegionLevel, ResponsibilityLetter } from '../../shared/api/api-types';
import { describeError } from '../../shared/api/describe-error';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { saveDownload } from '../../shared/files/file-transfer';
import { useI18n } from '../../shared/i18n/i18n-context';
import { regionLevelLabel } from '../../shared/i18n/labels';
import { useRegions } from '../../shared/regions/use-regions';
import { pageSize } from './organization-queries';
import { LetterFileUpload } from './letter-file-upload';
import { ResponsibilityLetterCorrectModal } from './responsibility-letter-correct-modal';
import { ResponsibilityLetterFormModal } from './responsibility-letter-form-modal';
import { ResponsibilityLetterWithdrawModal } from './responsibility-letter-withdraw-modal';
import { useOrganizationCoverage, useResponsibilityLetters } from './work-system-queries';

const receivingLevels: readonly RegionLevel[] = ['town', 'village'];

/** Responsibility letters 责任书 by year and level, with how far they and the joint-meeting systems reach. */
export function ResponsibilityLettersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCapability('manage_joint_meetings_and_letters');
  const currentYear = new Date().getFullYear();
  const [year, setYear] = useState(currentYear);
  const [level, setLevel] = useState<RegionLevel | undefined>();
  const [creating, setCreating] = useState(false);
  const [correcting, setCorrecting] = useState<ResponsibilityLetter | null>(null);
  const [withdrawing, setWithdrawing] = useState<ResponsibilityLetter | null>(null);
  const regions = useRegions();
  // Only the issuing side records anything on a letter; the receiving side reads it.
  const ownRegions = useMemo(() => new Set((regions.data ?? []).map((region) => region.id)), [regions.data]);
  const canChange = (letter: ResponsibilityLetter) => canWrite && !letter.withdrawal && ownRegions.has(letter.issuingRegionId);
  const pages = useCursorPages();
  const letters = useResponsibilityLetters({ year, receivingLevel: level, cursor: pages.cursor ?? undefined, limit: pageSize });

  const download = (letter: ResponsibilityLetter) =>
    saveDownload(
      api.GET('/api/v1/responsibility-letters/{id}/file', { params: { path: { id: letter.id } }, parseAs: 'blob' }),
      letter.file?.fileName ?? 'letter',
    ).catch((error: unknown) => void message.error(describeError(error, t)));

  const columns: TableColumnsType<ResponsibilityLetter> = [
    { title: t('letters.year'), dataIndex: 'year' },
    { title: t('letters.issuingRegion'), dataIndex: 'issuingRegionName' },
    { title: t('letters.receivingRegion'), dataIndex: 'receivingRegionName' },
    {
      title: t('letters.level'),
      dataIndex: 'receivingLevel',
      render: (value: string, letter) => (
        <Space size={4} wrap>
          <Tag>{regionLevelLabel(t, value)}</Tag>
          {letter.withdrawal ? (
            <Tooltip
              title={t('letters.withdrawnOn', { date: dayjs(letter.withdrawal.withdrawnAt).format('YYYY-MM-DD'), reason: letter.withdrawal.reason })}
            >
              <Tag color="default" tabIndex={0}>
                {t('letters.withdrawnTag')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('letters.signatories'),
      key: 'signatories',
      render: (_, letter) =>
        letter.signatories
          .map((signatory) => t('letters.signatoryLine', { name: signatory.name, post: signatory.post }))
          .join(t('jointMeetings.listSeparator')),
    },
    { title: t('letters.signedOn'), dataIndex: 'signedOn' },
    {
      title: t('letters.file'),
      key: 'file',
      render: (_, letter) =>
        letter.file ? (
          <Button type="link" onClick={() => void download(letter)}>
            {letter.file.fileName}
          </Button>
        ) : canChange(letter) ? (
          <LetterFileUpload letter={letter} />
        ) : (
          t('letters.noFile')
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('letters.actions'),
            key: 'actions',
            render: (_: unknown, letter: ResponsibilityLetter) =>
              canChange(letter) ? (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setCorrecting(letter)}>
                    {t('letters.correct')}
                  </Button>
                  <Button type="link" danger onClick={() => setWithdrawing(letter)}>
                    {t('letters.withdraw')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('letters.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('letters.create')}
            </Button>
          ) : undefined
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label={t('letters.year')}
          value={year}
          onChange={(next) => {
            setYear(next);
            pages.reset();
          }}
          options={[currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map((value) => ({ value, label: String(value) }))}
          style={{ minWidth: 120 }}
        />
        <Select<RegionLevel>
          aria-label={t('letters.filterLevel')}
          placeholder={t('letters.filterLevel')}
          allowClear
          value={level}
          onChange={(next) => {
            setLevel(next);
            pages.reset();
          }}
          options={receivingLevels.map((value) => ({ value, label: t('letters.toLevel', { level: regionLevelLabel(t, value) }) }))}
          style={{ minWidth: 200 }}
        />
      </Space>
      <CoverageCard year={year} />
      <Card title={t('letters.listTitle')}>
        {letters.isError ? (
          <LoadError compact error={letters.error} onRetry={() => void letters.refetch()} />
        ) : (
          <>
            <Table<ResponsibilityLetter>
              rowKey="id"
              loading={letters.isFetching}
              dataSource={letters.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t('letters.empty')} /> }}
              columns={columns}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(letters.data?.nextCursor)}
              loading={letters.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(letters.data?.nextCursor)}
            />
          </>
        )}
      </Card>
      <ResponsibilityLetterFormModal open={creating} year={year} onClose={() => setCreating(false)} />
      <ResponsibilityLetterCorrectModal letter={correcting} onClose={() => setCorrecting(null)} />
      <ResponsibilityLetterWithdrawModal letter={withdrawing} onClose={() => setWithdrawing(null)} />
    </>
  );
}

const ratio = (part: number, whole: number) => `${part} / ${whole}`;

/** Coverage is counted for the city or a district; a town's users have none to choose. */
function CoverageCard({ year }: { year: number }) {
  const { t } = useI18n();
  const regions = useRegions();
  const choices = useMemo(
    () => (regions.data ?? []).filter((region) => region.level === 'city' || region.level === 'district'),
    [regions.data],
  );
  const [chosen, setChosen] = useState<string | undefined>();
  const regionId = chosen ?? choices[0]?.id;
  const coverage = useOrganizationCoverage(regionId, year);

  const columns: TableColumnsType<CoverageFigures> = [
    { title: t('letters.district'), dataIndex: 'regionName' },
    { title: t('letters.townsWithJointMeeting'), key: 'jointMeetings', render: (_, row) => ratio(row.townsWithJointMeeting, row.towns) },
    { title: t('letters.townLetters'), key: 'townLetters', render: (_, row) => ratio(row.townLetters, row.towns) },
    { title: t('letters.villageLetters'), key: 'villageLetters', render: (_, row) => ratio(row.villageLetters, row.villages) },
  ];

  let content;
  if (regions.isError) content = <LoadError compact error={regions.error} onRetry={() => void regions.refetch()} />;
  else if (regions.isSuccess && choices.length === 0) content = <Alert type="info" showIcon title={t('letters.coverageNone')} />;
  else if (coverage.isError) content = <LoadError compact error={coverage.error} onRetry={() => void coverage.refetch()} />;
  else if (coverage.data) {
    const total = coverage.data.total;
    content = (
      <>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} md={8}>
            <Statistic title={t('letters.townsWithJointMeeting')} value={ratio(total.townsWithJointMeeting, total.towns)} />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={t('letters.townLetters')} value={ratio(total.townLetters, total.towns)} />
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={t('letters.villageLetters')} value={ratio(total.villageLetters, total.villages)} />
          </Col>
        </Row>
        <Table<CoverageFigures>
          rowKey="regionId"
          size="small"
          dataSource={coverage.data.districts}
          pagination={false}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          columns={columns}
        />
      </>
    );
  } else content = <Card loading variant="borderless" />;

  return (
    <Card
      title={t('letters.coverageTitle', { year })}
      style={{ marginBottom: 16 }}
      extra={
        choices.length > 1 ? (
          <Select<string>
            aria-label={t('letters.coverageRegion')}
            value={regionId}
            onChange={setChosen}
            options={choices.map((region) => ({ value: region.id, label: region.name }))}
            style={{ minWidth: 160 }}
          />
        ) : undefined
      }
    >
      {content}
    </Card>
  );
}
