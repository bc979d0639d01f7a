import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CalendarSession } from '../../shared/api/api-types';
import { useCapability } from '../../shared/auth/capabilities';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { type BookingSlot, CalendarBookingDialog } from './calendar-booking-dialog';
import { useCalendarRooms, useMediationRoom, useSessionCalendar } from './calendar-queries';
import {
  addDays,
  chinaDay,
  clockTime,
  dayEndMinutes,
  dayStartMinutes,
  isTaken,
  mondayOf,
  slotMinutes,
  slotStarts,
  spanOnDay,
  weekDays,
  weekdayIndex,
} from './calendar-week';

type CalendarView = 'room' | 'mediator';

const slotHeight = 24;
const blockColors: Record<CalendarSession['status'], { background: string; border: string }> = {
  scheduled: { background: '#e6f0ff', border: '#1f5fbf' },
  held: { background: '#e8f6ec', border: '#237a3b' },
  cancelled: { background: '#f5f5f5', border: '#8c8c8c' },
};

/**
 * The week calendar of sessions, per room or per mediator: sessions as blocks, free half hours as buttons that book a session
 * for one of the room's accepted disputes. Links carry `room`, `view`, `mediator`, `week` and `dispute` (the dispute to book for).
 */
export function SessionCalendarPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const mayBook = useCapability('mediate_disputes');
  const rooms = useCalendarRooms();
  const roomId = params.get('room') ?? undefined;
  const view: CalendarView = params.get('view') === 'mediator' ? 'mediator' : 'room';
  const room = useMediationRoom(roomId);
  const mediators = room.data?.mediators ?? [];
  const mediatorId = view === 'mediator' ? (params.get('mediator') ?? undefined) : undefined;
  // Read once: the week shown by default follows the time the page opened.
  const [now] = useState(() => Date.now());
  const thisWeek = mondayOf(chinaDay(now));
  const week = /^\d{4}-\d{2}-\d{2}$/.test(params.get('week') ?? '') ? mondayOf(params.get('week') ?? '') : thisWeek;
  const showing = view === 'room' || mediatorId !== undefined;
  const calendar = useSessionCalendar(showing ? roomId : undefined, mediatorId, week);
  const [slot, setSlot] = useState<BookingSlot | null>(null);

  const change = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next)) {
      if (value === undefined) merged.delete(name);
      else merged.set(name, value);
    }
    setParams(merged, { replace: true });
  };

  let body;
  if (rooms.isError) body = <LoadError error={rooms.error} onRetry={() => void rooms.refetch()} />;
  else if (rooms.data?.items.length === 0) body = <Empty description={t('sessionCalendar.noRooms')} />;
  else if (!roomId) body = <Empty description={t('sessionCalendar.chooseRoom')} />;
  else if (room.isError) body = <LoadError error={room.error} onRetry={() => void room.refetch()} />;
  else if (view === 'mediator' && !mediatorId) body = <Empty description={t('sessionCalendar.chooseMediator')} />;
  else if (calendar.isError) body = <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  else
    body = (
      <Card size="small" loading={calendar.isPending} aria-busy={calendar.isFetching}>
        {calendar.data?.sessions.length === 0 ? (
          <Alert type="info" showIcon title={t('sessionCalendar.emptyWeek')} style={{ marginBottom: 12 }} />
        ) : null}
        <WeekGrid
          days={weekDays(week)}
          sessions={calendar.data?.sessions ?? []}
          onPick={mayBook && roomId ? setSlot : undefined}
        />
      </Card>
    );

  return (
    <>
      <PageHeader title={t('sessionCalendar.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" name="calendar-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t('sessionCalendar.room')} htmlFor="calendar-room">
            <Select<string>
              id="calendar-room"
              showSearch={{ optionFilterProp: 'label' }}
              loading={rooms.isPending}
              value={roomId}
              placeholder={t('sessionCalendar.chooseRoom')}
              onChange={(next) => change({ room: next, mediator: undefined })}
              options={(rooms.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
              style={{ minWidth: 220 }}
            />
          </Form.Item>
          <Form.Item label={t('sessionCalendar.view')}>
            <Segmented<CalendarView>
              value={view}
              onChange={(next) => change({ view: next === 'room' ? undefined : next })}
              options={[
                { value: 'room', label: t('sessionCalendar.byRoom') },
                { value: 'mediator', label: t('sessionCalendar.byMediator') },
              ]}
            />
          </Form.Item>
          {view === 'mediator' ? (
            <Form.Item label={t('sessionCalendar.mediator')} htmlFor="calendar-mediator">
              <Select<string>
                id="calendar-mediator"
                value={mediatorId}
                loading={room.isPending && roomId !== undefined}
                disabled={!roomId}
                placeholder={t('sessionCalendar.chooseMediator')}
                onChange={(next) => change({ mediator: next })}
                options={mediators.filter((m) => !m.isRetired).map((m) => ({ value: m.id, label: m.name }))}
                style={{ minWidth: 160 }}
              />
            </Form.Item>
          ) : null}
          <Form.Item>
            <Space>
              <Button icon={<LeftOutlined aria-hidden />} aria-label={t('sessionCalendar.previousWeek')} onClick={() => change({ week: addDays(week, -7) })} />
              <Button onClick={() => change({ week: undefined })} disabled={week === thisWeek}>
                {t('sessionCalendar.thisWeek')}
              </Button>
              <Button icon={<RightOutlined aria-hidden />} aria-label={t('sessionCalendar.nextWeek')} onClick={() => change({ week: addDays(week, 7) })} />
              <Typography.Text strong data-testid="calendar-week">
                {t('sessionCalendar.weekOf', { from: week, to: addDays(week, 6) })}
              </Typography.Text>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {body}
      {slot && roomId ? (
        <CalendarBookingDialog
          roomId={roomId}
          slot={slot}
          mediators={mediators}
          defaultDisputeId={params.get('dispute') ?? undefined}
          defaultMediatorId={mediatorId}
          onClose={() => setSlot(null)}
          onBooked={() => calendar.refetch()}
        />
      ) : null}
    </>
  );
}

/**
 * Seven day columns of half-hour rows; sessions drawn over the slots they hold, free slots bookable when `onPick` is given —
 * past ones too, since a session held without booking (a walk-in mediated on the spot) is recorded by booking the slot it took.
 */
export function WeekGrid({ days, sessions, onPick }: { days: string[]; sessions: readonly CalendarSession[]; onPick?: (slot: BookingSlot) => void }) {
  const { t } = useI18n();
  const height = ((dayEndMinutes - dayStartMinutes) / slotMinutes) * slotHeight;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Flex style={{ minWidth: 760 }}>
        <div style={{ width: 48, flex: 'none', paddingTop: 28 }} aria-hidden>
          {slotStarts.map((minutes) => (
            <div key={minutes} style={{ height: slotHeight, fontSize: 11, color: '#595959' }}>
              {minutes % 60 === 0 ? clockTime(minutes) : ''}
            </div>
          ))}
        </div>
        {days.map((day) => (
          <section key={day} aria-label={t(`sessionCalendar.weekday.${weekdayIndex(day)}`) + ' ' + day} style={{ flex: 1, minWidth: 100, borderLeft: '1px solid #f0f0f0' }}>
            <h3 style={{ height: 28, margin: 0, fontSize: 13, textAlign: 'center', lineHeight: '28px' }}>
              {t(`sessionCalendar.weekday.${weekdayIndex(day)}`)} {day.slice(5)}
            </h3>
            <div style={{ position: 'relative', height }}>
              {slotStarts.map((minutes) => {
                const free = !isTaken(sessions, day, minutes);
                const top = ((minutes - dayStartMinutes) / slotMinutes) * slotHeight;
                const style = { position: 'absolute' as const, top, left: 0, right: 0, height: slotHeight, borderTop: '1px dashed #f0f0f0' };
                return onPick && free ? (
                  <button
                    key={minutes}
                    type="button"
                    className="calendar-slot"
                    aria-label={t('sessionCalendar.bookSlot', { day, time: clockTime(minutes) })}
                    onClick={() => onPick({ day, minutes })}
                    style={{ ...style, background: 'transparent', border: 'none', borderTop: style.borderTop, cursor: 'pointer', padding: 0 }}
                  />
                ) : (
                  <div key={minutes} style={style} />
                );
              })}
              {sessions.map((session) => {
                const part = spanOnDay(session, day);
                if (!part) return null;
                const colors = blockColors[session.status];
                return (
                  <Link
                    key={session.id}
                    to={`/mediation/disputes/${session.disputeId}`}
                    data-testid="calendar-session"
                    style={{
                      position: 'absolute',
                      top: ((part.start - dayStartMinutes) / slotMinutes) * slotHeight + 1,
                      height: ((part.end - part.start) / slotMinutes) * slotHeight - 2,
                      left: 2,
                      right: 2,
                      overflow: 'hidden',
                      background: colors.background,
                      borderLeft: `3px solid ${colors.border}`,
                      borderRadius: 4,
                      padding: '0 4px',
                      fontSize: 12,
                      lineHeight: '16px',
                      color: '#1f1f1f',
                      zIndex: 1,
                    }}
                  >
                    <strong>{t('sessions.when', { start: clockTime(part.start), end: clockTime(part.end) })}</strong> {session.disputeNumber}
                    <br />
                    {t(`sessions.status.${session.status}`)} · {session.roomName} · {session.mediators.map((m) => m.name).join('、')}
                  </Link>
                );
              })}
            </div>
          </section>
        ))}
      </Flex>
    </div>
  );
}
