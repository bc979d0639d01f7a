import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { PublicReceptionDaysPage } from './public-reception-days-page';

const thisMonth = dayjs().format('YYYY-MM');
const nextMonth = dayjs().add(1, 'month').format('YYYY-MM');

const day = (id: string, extra: Record<string, unknown>) => ({
  id,
  kind: 'leader_day',
  level: 'district',
  unitName: null,
  regionId: 'r-district',
  regionName: '越城区',
  day: `${thisMonth}-03`,
  startsAt: '08:30',
  endsAt: '11:30',
  place: '越城区信访接待中心',
  theme: '劳动保障',
  ...extra,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/public/regions', () => json({ items: [] }));
});

describe('public reception days', () => {
  it("lists the month's published days by date, without signing in", async () => {
    server.on('GET', '/api/v1/public/reception-days', () =>
      json({
        items: [
          day('d-1', {}),
          day('d-2', { kind: 'department_duty', unitName: '越城区住房和城乡建设局', startsAt: '09:00', endsAt: '11:30', theme: null, day: `${thisMonth}-05` }),
        ],
      }),
    );
    renderWithApp(<PublicReceptionDaysPage />, { path: '/public/reception-days' });

    expect(await screen.findByText('08:30–11:30')).toBeInTheDocument();
    expect(screen.getAllByText('越城区 · 越城区信访接待中心')).toHaveLength(2);
    expect(screen.getByText('主题：劳动保障')).toBeInTheDocument();
    expect(screen.getByText('值班部门：越城区住房和城乡建设局')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(2);
    const request = server.requestsTo('GET', '/api/v1/public/reception-days')[0];
    expect(request?.path).toContain(`month=${thisMonth}`);
    expect(request?.headers.get('Authorization')).toBeNull();
    expect(screen.getByRole('link', { name: zhCN['public.goTrack'] })).toHaveAttribute('href', '/public/track');
  });

  it('says when a month has nothing published and moves between months', async () => {
    server.on('GET', '/api/v1/public/reception-days', () => json({ items: [] }));
    renderWithApp(<PublicReceptionDaysPage />, { path: '/public/reception-days' });
    const user = userEvent.setup();

    expect(await screen.findByText(zhCN['publicReceptions.empty'])).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: zhCN['receptions.nextMonth'] }));
    await waitFor(() =>
      expect(server.requestsTo('GET', '/api/v1/public/reception-days').at(-1)?.path).toContain(`month=${nextMonth}`),
    );
  });
});
