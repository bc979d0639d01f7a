import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReceptionListItem } from '../../shared/api/api-types';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { ReceptionCalendarPage } from './reception-calendar-page';

const leader = {
  id: 'u-leader',
  userName: 'district.leader',
  displayName: '王区长',
  roles: ['leader'],
  capabilities: ['view_receptions', 'schedule_receptions', 'schedule_leaders_receptions', 'plan_must_visits'],
  unit: { id: 'n-district', name: '越城区人民政府', kind: 'functional_department' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const item = (id: string, extra: Partial<ReceptionListItem>): ReceptionListItem => ({
  id,
  kind: 'leader_day',
  status: 'scheduled',
  level: 'district',
  hostName: '王区长',
  unitName: null,
  regionId: 'r-district',
  regionName: '越城区',
  day: '2026-03-03',
  startsAt: '08:30',
  endsAt: '11:30',
  place: '越城区信访接待中心',
  theme: null,
  isPublished: true,
  batches: 0,
  persons: 0,
  version: 1,
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(leader));
  server.on('GET', '/api/v1/regions', () => json({ items: [] }));
});

describe('reception calendar', () => {
  it('shows each reception of the month on its day, linked to its page, with every page of the month read', async () => {
    server.on('GET', '/api/v1/receptions', (request) =>
      request.path.includes('cursor=next')
        ? json({ items: [item('rc-3', { kind: 'department_duty', hostName: null, unitName: '区住建局', day: '2026-03-19', startsAt: '09:00' })], nextCursor: null })
        : json({
            items: [
              item('rc-1', { status: 'held', batches: 4 }),
              item('rc-2', { kind: 'leader_visit', level: 'town', hostName: '李镇长', regionName: '府山街道', day: '2026-03-17', startsAt: '14:00' }),
            ],
            nextCursor: 'next',
          }),
    );
    renderWithApp(<ReceptionCalendarPage />, { path: '/receptions?month=2026-03' });

    const day = await screen.findByRole('link', { name: '08:30 领导接访日 王区长' });
    expect(day).toHaveAttribute('href', '/receptions/rc-1');
    expect(day.closest('li')).toHaveTextContent('4 批');
    expect(screen.getByRole('link', { name: '14:00 领导下访 李镇长' })).toHaveAttribute('href', '/receptions/rc-2');
    expect(await screen.findByRole('link', { name: '09:00 部门轮值接访 区住建局' })).toHaveAttribute('href', '/receptions/rc-3');
    expect(screen.getByText('本月共 3 场')).toBeInTheDocument();
    const requests = server.requestsTo('GET', '/api/v1/receptions');
    expect(requests[0]?.path).toContain('month=2026-03');
    expect(requests[0]?.path).toContain('limit=100');
    expect(screen.getByRole('button', { name: zhCN['receptions.schedule'] })).toBeInTheDocument();
  });

  it('filters by level on the page and by kind through the API', async () => {
    server.on('GET', '/api/v1/receptions', (request) =>
      request.path.includes('kind=leader_visit')
        ? json({ items: [item('rc-2', { kind: 'leader_visit', level: 'town', hostName: '李镇长', day: '2026-03-17' })], nextCursor: null })
        : json({
            items: [item('rc-1', {}), item('rc-2', { kind: 'leader_visit', level: 'town', hostName: '李镇长', day: '2026-03-17' })],
            nextCursor: null,
          }),
    );
    renderWithApp(<ReceptionCalendarPage />, { path: '/receptions?month=2026-03' });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: /王区长/ });

    await user.click(screen.getByLabelText(zhCN['receptions.level']));
    await user.click(await screen.findByTitle(zhCN['receptionLevel.town']));
    await waitFor(() => expect(screen.queryByRole('link', { name: /王区长/ })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: /李镇长/ })).toBeInTheDocument();

    await user.click(screen.getByLabelText(zhCN['receptions.kind']));
    await user.click(await screen.findByTitle(zhCN['receptionKind.leader_visit']));
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/receptions').at(-1)?.path).toContain('kind=leader_visit'));
  });

  it('says when the month is empty, and offers a retry when it cannot be read', async () => {
    server.on(
      'GET',
      '/api/v1/receptions',
      () => problem(500),
      () => json({ items: [], nextCursor: null }),
    );
    renderWithApp(<ReceptionCalendarPage />, { path: '/receptions?month=2026-03' });
    const user = userEvent.setup();

    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: zhCN['common.retry'] }));
    expect(await screen.findByText(zhCN['receptions.empty'])).toBeInTheDocument();
  });
});
