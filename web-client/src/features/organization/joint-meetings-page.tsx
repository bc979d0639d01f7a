import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, List, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { JointMeeting, JointMeetingSystem } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { JointMeetingFormModal } from './joint-meeting-form-modal';
import { JointMeetingSystemFormModal } from './joint-meeting-system-form-modal';
import { JointMeetingSystemRetireModal } from './joint-meeting-system-retire-modal';
import { pageSize } from './organization-queries';
import { useJointMeetings, useJointMeetingSystems } from './work-system-queries';

/** Joint-meeting systems 联席会议 of the caller's districts and towns, with each system's meetings. */
export function JointMeetingsPage() {
  const { t } = useI18n();
  const canWrite = useCapability('manage_joint_meetings_and_letters');
  const [regionId, setRegionId] = useState<string | undefined>();
  const [includeRetired, setIncludeRetired] = useState(false);
  const pages = useCursorPages();
  const systems = useJointMeetingSystems({
    regionId,
    includeRetired: includeRetired || undefined,
    cursor: pages.cursor ?? undefined,
    limit: pageSize,
  });
  const [form, setForm] = useState<{ systemId: string | null } | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const [recordingFor, setRecordingFor] = useState<JointMeetingSystem | null>(null);
  const [viewing, setViewing] = useState<JointMeetingSystem | null>(null);

  const columns: TableColumnsType<JointMeetingSystem> = [
    { title: t('jointMeetings.systemName'), dataIndex: 'name' },
    { title: t('jointMeetings.region'), dataIndex: 'regionName' },
    {
      title: t('jointMeetings.convener'),
      key: 'convener',
      render: (_, system) => `${system.convenerName} · ${system.convenerPost}`,
    },
    {
      title: t('jointMeetings.members'),
      key: 'members',
      render: (_, system) => system.members.map((member) => member.unitName).join(t('jointMeetings.listSeparator')),
    },
    { title: t('jointMeetings.establishedOn'), dataIndex: 'establishedOn' },
    { title: t('jointMeetings.meetingCount'), dataIndex: 'meetingCount' },
    { title: t('jointMeetings.lastMeetingOn'), dataIndex: 'lastMeetingOn' },
    {
      title: t('jointMeetings.status'),
      dataIndex: 'retiredOn',
      render: (retiredOn: string | null | undefined) =>
        retiredOn ? <Tag>{t('jointMeetings.retiredOn', { date: retiredOn })}</Tag> : <Tag color="green">{t('jointMeetings.active')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, system) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setViewing(system)}>
            {t('jointMeetings.viewMeetings')}
          </Button>
          {canWrite && !system.retiredOn ? (
            <>
              <Button type="link" onClick={() => setRecordingFor(system)}>
                {t('jointMeetings.addMeeting')}
              </Button>
              <Button type="link" onClick={() => setForm({ systemId: system.id })}>
                {t('common.edit')}
              </Button>
              <Button type="link" danger onClick={() => setRetiring(system.id)}>
                {t('jointMeetings.retire')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('jointMeetings.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({ systemId: null })}>
              {t('jointMeetings.createSystem')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            ariaLabel={t('jointMeetings.filterRegion')}
            placeholder={t('jointMeetings.filterRegion')}
            value={regionId}
            onChange={(next) => {
              setRegionId(next);
              pages.reset();
            }}
          />
          <Space>
            <Switch
              aria-label={t('jointMeetings.showRetired')}
              checked={includeRetired}
              onChange={(next) => {
                setIncludeRetired(next);
                pages.reset();
              }}
            />
            {t('jointMeetings.showRetired')}
          </Space>
        </Space>
        {systems.isError ? (
          <LoadError compact error={systems.error} onRetry={() => void systems.refetch()} />
        ) : (
          <>
            <Table<JointMeetingSystem>
              rowKey="id"
              loading={systems.isFetching}
              dataSource={systems.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t('jointMeetings.empty')} /> }}
              columns={columns}
            />
            <CursorPager
              pageIndex={pages.pageIndex}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(systems.data?.nextCursor)}
              loading={systems.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(systems.data?.nextCursor)}
            />
          </>
        )}
      </Card>
      <JointMeetingSystemFormModal open={form !== null} systemId={form?.systemId ?? null} onClose={() => setForm(null)} />
      <JointMeetingSystemRetireModal systemId={retiring} onClose={() => setRetiring(null)} />
      <JointMeetingFormModal system={recordingFor} onClose={() => setRecordingFor(null)} />
      <Drawer open={viewing !== null} title={viewing?.name} size="large" onClose={() => setViewing(null)} destroyOnHidden>
        {viewing ? <MeetingList systemId={viewing.id} /> : null}
      </Drawer>
    </>
  );
}

/** A system's meetings, newest first; each shows only the petitions and cases the reader may open. */
function MeetingList({ systemId }: { systemId: string }) {
  const { t } = useI18n();
  const pages = useCursorPages(systemId);
  const meetings = useJointMeetings(systemId, pages.cursor);
  if (meetings.isError) return <LoadError compact error={meetings.error} onRetry={() => void meetings.refetch()} />;
  return (
    <>
      <List<JointMeeting>
        loading={meetings.isFetching}
        dataSource={meetings.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('jointMeetings.noMeetings')} /> }}
        renderItem={(meeting) => (
          <List.Item key={meeting.id}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>{meeting.heldOn}</Typography.Text>
              <Typography.Text>{t('jointMeetings.mattersLine', { text: meeting.matters })}</Typography.Text>
              <Typography.Text>{t('jointMeetings.decisionsLine', { text: meeting.decisions })}</Typography.Text>
              {meeting.petitions.length + meeting.cases.length > 0 ? (
                <Space wrap size={4}>
                  {meeting.petitions.map((petition) => (
                    <Tag key={petition.id}>
                      <Link to={`/petitions/${petition.id}`}>{petition.number}</Link>
                    </Tag>
                  ))}
                  {meeting.cases.map((linked) => (
                    <Tag key={linked.id} color="blue">
                      <Link to={`/cases/${linked.id}`}>{linked.number}</Link>
                    </Tag>
                  ))}
                </Space>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      <CursorPager
        pageIndex={pages.pageIndex}
        hasPrevious={pages.hasPrevious}
        hasNext={Boolean(meetings.data?.nextCursor)}
        loading={meetings.isFetching}
        onPrevious={pages.previous}
        onNext={() => pages.next(meetings.data?.nextCursor)}
      />
    </>
  );
}
