import { Card, Col, Empty, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MediationRoomKind, MediationRoomListItem } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { CursorPager } from '../../shared/components/cursor-pager';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useCursorPages } from '../../shared/components/use-cursor-pages';
import { useI18n } from '../../shared/i18n/i18n-context';
import { RegionTreeSelect } from '../../shared/regions/region-tree-select';
import { disputeTypeName, roomKindColors, roomKindLabel, roomKinds } from './mediation-labels';
import { useDisputeTypes, useMediationRooms } from './mediation-queries';

/** The brand rooms and committees of the caller's jurisdiction as cards, filtered by kind and region. */
export function RoomsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<MediationRoomKind | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const pages = useCursorPages();
  const rooms = useMediationRooms({ kind, regionId, cursor: pages.cursor ?? undefined });
  const items = rooms.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('mediationRooms.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="mediation-room-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t('mediationRooms.kind')} htmlFor="mediation-room-kind">
            <Select<MediationRoomKind>
              id="mediation-room-kind"
              allowClear
              placeholder={t('common.all')}
              value={kind}
              onChange={(next) => {
                setKind(next);
                pages.reset();
              }}
              options={roomKinds.map((value) => ({ value, label: roomKindLabel(t, value) }))}
              style={{ minWidth: 180 }}
            />
          </Form.Item>
          <Form.Item label={t('mediationRooms.region')} htmlFor="mediation-room-region">
            <RegionTreeSelect
              id="mediation-room-region"
              placeholder={t('common.all')}
              value={regionId}
              onChange={(next) => {
                setRegionId(next);
                pages.reset();
              }}
            />
          </Form.Item>
        </Form>
      </Card>
      {rooms.isError ? (
        <LoadError error={rooms.error} onRetry={() => void rooms.refetch()} />
      ) : (
        <>
          <Card size="small" loading={rooms.isPending} aria-busy={rooms.isFetching}>
            {items.length === 0 ? (
              <Empty description={t('mediationRooms.empty')} />
            ) : (
              <Row gutter={[16, 16]}>
                {items.map((room) => (
                  <Col key={room.id} xs={24} md={12} xl={8}>
                    <RoomCard room={room} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <CursorPager
            pageIndex={pages.pageIndex}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(rooms.data?.nextCursor)}
            loading={rooms.isFetching}
            onPrevious={pages.previous}
            onNext={() => pages.next(rooms.data?.nextCursor)}
          />
        </>
      )}
    </>
  );
}

function RoomCard({ room }: { room: MediationRoomListItem }) {
  const { t, locale } = useI18n();
  const types = useDisputeTypes();
  const mayViewCalendar = useCapability('view_disputes');
  return (
    <Card
      size="small"
      title={<span data-testid="mediation-room-name">{room.name}</span>}
      extra={
        <Tag color={roomKindColors[room.kind]}>
          {roomKindLabel(t, room.kind)}
        </Tag>
      }
      actions={mayViewCalendar ? [<Link key="calendar" to={`/mediation/calendar?room=${room.id}`}>{t('sessionCalendar.open')}</Link>] : undefined}
      style={{ height: '100%' }}
    >
      <Flex vertical gap={6}>
        <Typography.Text>{t('mediationRooms.regionAndAddress', { region: room.regionName, address: room.address })}</Typography.Text>
        <Typography.Text type="secondary">{t('mediationRooms.openingHours', { hours: room.openingHours })}</Typography.Text>
        <Typography.Text>
          {t('mediationRooms.workload', { disputes: room.openDisputes, sessions: room.sessionsThisMonth })}
        </Typography.Text>
        <Flex wrap gap={4} aria-label={t('mediationRooms.specialties')} role="list">
          {room.specialties.map((code) => (
            <Tag key={code} role="listitem">
              {disputeTypeName(types.data, code, locale)}
            </Tag>
          ))}
        </Flex>
        <Typography.Text strong>{t('mediationRooms.mediators', { count: room.mediators.length })}</Typography.Text>
        {room.mediators.length === 0 ? (
          <Typography.Text type="secondary">{t('mediationRooms.noMediators')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {room.mediators.map((mediator) => (
              <li key={mediator.id}>
                {t('mediationRooms.mediator', { name: mediator.name, specialty: disputeTypeName(types.data, mediator.specialty, locale) })}
                {mediator.userId ? <Tag style={{ marginLeft: 6 }}>{t('mediationRooms.hasAccount')}</Tag> : null}
              </li>
            ))}
          </ul>
        )}
      </Flex>
    </Card>
  );
}
