import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarSession, MediationRoomDetail } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { SessionCalendarPage } from './session-calendar-page';

const mediatorUser = {
  id: 'u-mediator',
  userName: 'district.mediator',
  displayName: '王调解',
  roles: ['mediator'],
  capabilities: ['view_mediation', 'view_disputes', 'mediate_disputes'],
  unit: { id: 'n-committee', name: '越城区人民调解委员会', kind: 'mediation_committee' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const mediator = (id: string, name: string) => ({
  id,
  name,
  specialty: 'neighbourhood',
  regionId: 'r-town',
  regionName: '府山街道',
  userId: null,
  userDisplayName: null,
  isRetired: false,
  retiredAt: null,
  version: 1,
});

const room: MediationRoomDetail = {
  id: 'room-1',
  name: '翠姐姐调解室',
  kind: 'brand_room',
  regionId: 'r-town',
  regionName: '府山街道',
  address: '府山街道 18 号',
  openingHours: '周一至周五',
  intro: null,
  specialties: ['neighbourhood'],
  mediators: [mediator('m-1', '翠姐姐'), mediator('m-2', '李大伯')],
  version: 1,
};

const session = (id: string, startsAt: string, endsAt: string, extra: Partial<CalendarSession> = {}): CalendarSession => ({
  id,
  disputeId: 'd-1',
  disputeNumber: '越城调-2030-000012',
  roomId: 'room-1',
  roomName: '翠姐姐调解室',
  startsAt,
  endsAt,
  status: 'scheduled',
  mediators: [{ id: 'm-1', name: '翠姐姐' }],
  version: 1,
  ...extra,
});

const week = (sessions: CalendarSession[]) => json({ from: '2030-03-04', to: '2030-03-11', sessions });

const accepted = {
  items: [
    {
      id: 'd-2',
      number: '越城调-2030-000020',
      status: 'accepted',
      disputeType: 'neighbourhood',
      source: 'walk_in',
      summary: '相邻通行纠纷。',
      regionId: 'r-town',
      regionName: '府山街道',
      roomId: 'room-1',
      roomName: '翠姐姐调解室',
      leadMediatorName: '翠姐姐',
      applicantNames: '张*',
      respondentNames: '李*',
      petitionNumber: null,
      performance: null,
      clockDueOn: null,
      clockPausedAt: null,
      clockOverdue: false,
      registeredAt: '2030-03-01T01:00:00Z',
      version: 3,
    },
  ],
  nextCursor: null,
};

const path = '/mediation/calendar?room=room-1&week=2030-03-04';

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(mediatorUser));
  server.on('GET', '/api/v1/mediation/rooms', () => json({ items: [{ ...room, openDisputes: 1, sessionsThisMonth: 2 }], nextCursor: null }));
  server.on('GET', '/api/v1/mediation/rooms/room-1', () => json(room));
  server.on('GET', '/api/v1/mediation/disputes', () => json(accepted));
});

describe('session calendar', () => {
  it("shows the room's week with sessions as blocks over the slots they hold, which cannot be booked", async () => {
    server.on('GET', '/api/v1/mediation/rooms/room-1/sessions', () =>
      week([
        session('s-1', '2030-03-05T01:00:00Z', '2030-03-05T02:00:00Z'),
        session('s-2', '2030-03-07T06:00:00Z', '2030-03-07T06:30:00Z', { status: 'held', disputeNumber: '越城调-2030-000013' }),
      ]),
    );
    renderWithApp(<SessionCalendarPage />, { path });

    const blocks = await screen.findAllByTestId('calendar-session');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toHaveTextContent('09:00–10:00');
    expect(blocks[0]).toHaveTextContent('越城调-2030-000012');
    expect(blocks[0]).toHaveTextContent('翠姐姐');
    expect(blocks[0]).toHaveAttribute('href', '/mediation/disputes/d-1');
    expect(blocks[1]).toHaveTextContent(zhCN['sessions.status.held']);
    const tuesday = screen.getByRole('region', { name: '周二 2030-03-05' });
    expect(within(tuesday).getByText('越城调-2030-000012', { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '预约 2030-03-05 09:00' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '预约 2030-03-05 09:30' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '预约 2030-03-05 10:00' })).toBeInTheDocument();
    expect(screen.getByTestId('calendar-week')).toHaveTextContent('2030-03-04 至 2030-03-10');
    expect(server.requestsTo('GET', '/api/v1/mediation/rooms/room-1/sessions')[0]?.path).toContain('from=2030-03-04&days=7');
  });

  it("switches to a mediator's week and moves between weeks", async () => {
    server.on('GET', '/api/v1/mediation/rooms/room-1/sessions', () => week([]));
    server.on('GET', '/api/v1/mediation/rooms/room-1/mediators/m-2/sessions', () =>
      week([session('s-9', '2030-03-06T01:00:00Z', '2030-03-06T02:00:00Z', { roomName: '另一调解室', mediators: [{ id: 'm-2', name: '李大伯' }] })]),
    );
    renderWithApp(<SessionCalendarPage />, { path });
    const user = userEvent.setup();
    expect(await screen.findByText(zhCN['sessionCalendar.emptyWeek'])).toBeInTheDocument();

    await user.click(screen.getByText(zhCN['sessionCalendar.byMediator']));
    expect(await screen.findByText(zhCN['sessionCalendar.chooseMediator'], { selector: '.ant-empty-description' })).toBeInTheDocument();
    await user.click(screen.getByLabelText(zhCN['sessionCalendar.mediator']));
    await user.click(await screen.findByTitle('李大伯'));
    const block = await screen.findByTestId('calendar-session');
    expect(block).toHaveTextContent('另一调解室');

    await user.click(screen.getByRole('button', { name: zhCN['sessionCalendar.nextWeek'] }));
    await waitFor(() =>
      expect(server.requestsTo('GET', '/api/v1/mediation/rooms/room-1/mediators/m-2/sessions').at(-1)?.path).toContain('from=2030-03-11'),
    );
  });

  it('books a free slot for an accepted dispute of the room, and shows a clash the server refuses, naming the session', async () => {
    server.on('GET', '/api/v1/mediation/rooms/room-1/sessions', () => week([session('s-1', '2030-03-05T02:00:00Z', '2030-03-05T03:00:00Z')]));
    server.on(
      'POST',
      '/api/v1/mediation/disputes/d-2/sessions',
      () =>
        problem(409, {
          code: 'room_booked',
          detail: '翠姐姐调解室 is booked 2030-03-05 10:00–11:00 by session s-1 of dispute 越城调-2030-000012.',
        }),
      () => json({ id: 's-new', version: 1 }, 201),
    );
    renderWithApp(<SessionCalendarPage />, { path });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: '预约 2030-03-05 09:30' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('2030-03-05 09:30')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: zhCN['sessionCalendar.bookConfirm'] }));
    expect(await within(dialog).findByText(zhCN['sessionCalendar.disputeRequired'])).toBeInTheDocument();
    expect(server.requestsTo('POST', '/api/v1/mediation/disputes/d-2/sessions')).toHaveLength(0);

    await user.click(within(dialog).getByLabelText(zhCN['sessionCalendar.dispute']));
    await user.click(await screen.findByTitle('越城调-2030-000020 张* / 李*'));
    await user.click(within(dialog).getByRole('button', { name: zhCN['sessionCalendar.bookConfirm'] }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('该时段已被占用');
    expect(alert).toHaveTextContent('session s-1 of dispute 越城调-2030-000012');
    const first = server.requestsTo('POST', '/api/v1/mediation/disputes/d-2/sessions')[0];
    expect(first?.body).toEqual({ startsAt: '2030-03-05T09:30:00+08:00', endsAt: '2030-03-05T10:30:00+08:00', mediatorIds: null, invitedPartyIds: null });

    await user.click(within(dialog).getByLabelText(zhCN['sessionCalendar.duration']));
    await user.click(await screen.findByTitle('30 分钟'));
    await user.click(within(dialog).getByText('李大伯'));
    await user.click(within(dialog).getByRole('button', { name: zhCN['sessionCalendar.bookConfirm'] }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const second = server.requestsTo('POST', '/api/v1/mediation/disputes/d-2/sessions')[1];
    expect(second?.body).toEqual({ startsAt: '2030-03-05T09:30:00+08:00', endsAt: '2030-03-05T10:00:00+08:00', mediatorIds: ['m-2'], invitedPartyIds: null });
    expect(second?.headers.get('Idempotency-Key')).not.toBe(first?.headers.get('Idempotency-Key'));
  });

  it('offers no booking without the right to mediate', async () => {
    server.on('GET', '/api/v1/me', () => json({ ...mediatorUser, roles: ['petition_officer'], capabilities: ['view_mediation', 'view_disputes'] }));
    server.on('GET', '/api/v1/mediation/rooms/room-1/sessions', () => week([session('s-1', '2030-03-05T01:00:00Z', '2030-03-05T02:00:00Z')]));
    renderWithApp(<SessionCalendarPage />, { path });
    expect(await screen.findByTestId('calendar-session')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^预约 / })).not.toBeInTheDocument();
  });

  it('asks for a room, says when there are none, and offers a retry when the week cannot be read', async () => {
    server.on('GET', '/api/v1/mediation/rooms/room-1/sessions', () => problem(500), () => week([]));
    const view = renderWithApp(<SessionCalendarPage />, { path });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }, { timeout: 5000 }));
    expect(await screen.findByText(zhCN['sessionCalendar.emptyWeek'])).toBeInTheDocument();
    view.unmount();

    renderWithApp(<SessionCalendarPage />, { path: '/mediation/calendar' });
    expect(await screen.findByText(zhCN['sessionCalendar.chooseRoom'], { selector: '.ant-empty-description' })).toBeInTheDocument();
  });

  it('says so when the jurisdiction has no rooms, in English too', async () => {
    server.on('GET', '/api/v1/mediation/rooms', () => json({ items: [], nextCursor: null }));
    renderWithApp(<SessionCalendarPage />, { path: '/mediation/calendar', locale: 'en' });
    expect(await screen.findByText(en['sessionCalendar.noRooms'])).toBeInTheDocument();
    expect(screen.getByText(en['sessionCalendar.title'])).toBeInTheDocument();
  });
});
