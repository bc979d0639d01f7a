import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FiveColourChart, FiveColourEntry, IndicatorTable, MetricsDashboard } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { DashboardPage } from './dashboard-page';

// The charts draw with ECharts; here each shows its label, so that the page's data flow is what is tested.
vi.mock('./echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const leader = {
  id: 'u-leader',
  userName: 'district.leader',
  displayName: '李书记',
  roles: ['leader'],
  capabilities: ['view_metrics'],
  unit: { id: 'n-district', name: '越城区委', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const check = (score: number | null, colour: string | null, pulledDownBy: string[] = []) => ({ score, colour, indicators: [], pulledDownBy });

const entry = (regionId: string, name: string, score: number | null, colour: string | null, rank: number | null, rankChange: number | null, pulledDownBy: string[] = []): FiveColourEntry => ({
  regionId,
  name,
  level: 'town',
  check: check(score, colour, pulledDownBy),
  rank,
  previousRank: null,
  rankChange,
  scoreChange: null,
});

const chart = (regionId: string, regionName: string, entries: FiveColourEntry[]): FiveColourChart => ({
  regionId,
  regionName,
  regionLevel: 'district',
  month: '2026-11',
  bands: [],
  check: check(90, 'green'),
  entries,
});

const indicators = (rows: IndicatorTable['rows']): IndicatorTable => ({
  regionId: 'r-district',
  regionName: '越城区',
  regionLevel: 'district',
  from: '2026-11-01',
  to: '2026-11-30',
  groupBy: 'channel',
  total: {
    key: 'total',
    label: '越城区',
    regionId: 'r-district',
    figures: [
      { key: 'registered', numerator: 12, denominator: null },
      { key: 'resolution_rate', numerator: 9, denominator: 10 },
      { key: 'satisfaction_rate', numerator: 0, denominator: 0 },
    ],
  },
  rows,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(leader));
  server.on('GET', '/api/v1/metrics/definitions', () =>
    json([{ key: 'resolution_rate', kind: 'rate', name: { zhCn: '化解率', en: 'Resolution rate' }, definition: { zhCn: '…', en: '…' } }]),
  );
});

/** The dashboard's answer around a chart: the same table of one channel stands for the trend and both mixes. */
const dashboard = (fiveColour: FiveColourChart): MetricsDashboard => {
  const table = indicators([{ key: 'visit', label: 'visit', regionId: null, figures: [{ key: 'registered', numerator: 12, denominator: null }] }]);
  return { fiveColour, trend: table, channels: table, categories: table };
};

describe('dashboard page', () => {
  it('colours the towns, ranks them with ties and changes, and drills down into a town', async () => {
    server.on('GET', '/api/v1/metrics/dashboard', (request) =>
      request.path.includes('regionId=r-tashan')
        ? json(dashboard(chart('r-tashan', '塔山街道', [entry('r-village', '西小路社区', 80, 'blue', 1, null)])))
        : json(
            dashboard(
              chart('r-district', '越城区', [
              entry('r-fushan', '府山街道', 100, 'green', 1, 1),
              entry('r-didang', '迪荡街道', 100, 'green', 1, null),
              entry('r-tashan', '塔山街道', 70, 'yellow', 3, -2, ['resolution_rate']),
                entry('r-beihai', '北海街道', null, null, null, null),
              ]),
            ),
          ),
    );
    renderWithApp(<DashboardPage />, { path: '/metrics/dashboard' });
    const user = userEvent.setup();

    const grid = await screen.findByTestId('five-colour-grid');
    expect(within(grid).getByRole('button', { name: '塔山街道70黄色' })).toBeInTheDocument();
    expect(within(grid).getByRole('button', { name: '北海街道—未评分' })).toBeInTheDocument();
    const ranking = screen.getByTestId('five-colour-ranking');
    const rows = within(ranking).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['1', '1', '3']);
    expect(within(rows[2]!).getByLabelText('下降 2 位')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(zhCN['metrics.dashboard.new'])).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '化解率 90%' })).toBeInTheDocument();

    await user.hover(within(grid).getByRole('button', { name: '塔山街道70黄色' }));
    expect(await screen.findByText('拉低得分的指标：化解率')).toBeInTheDocument();

    await user.click(within(grid).getByRole('button', { name: '塔山街道70黄色' }));
    expect(await screen.findByRole('button', { name: '西小路社区80蓝色' })).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/metrics/dashboard').at(-1)?.path).toContain('regionId=r-tashan');
    expect(server.requestsTo('GET', '/api/v1/metrics/dashboard')[0]?.path).toContain(
      'indicators=registered&indicators=resolution_rate&indicators=satisfaction_rate',
    );
    await user.click(screen.getByRole('button', { name: zhCN['metrics.ownRegion'] }));
    expect(await screen.findByRole('button', { name: '府山街道100绿色' })).toBeInTheDocument();
  });

  it('offers a retry when the dashboard cannot be read, and says when no region was scored', async () => {
    server.on(
      'GET',
      '/api/v1/metrics/dashboard',
      () => problem(500),
      () => json(dashboard(chart('r-district', '越城区', []))),
    );
    renderWithApp(<DashboardPage />, { path: '/metrics/dashboard' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }));
    expect(await screen.findByText(zhCN['metrics.dashboard.noRegions'])).toBeInTheDocument();
    expect(screen.getByText(zhCN['metrics.dashboard.noScores'])).toBeInTheDocument();
  });

  it('speaks English', async () => {
    server.on('GET', '/api/v1/metrics/dashboard', () => json(dashboard(chart('r-district', '越城区', [entry('r-fushan', '府山街道', 95, 'green', 1, 0)]))));
    renderWithApp(<DashboardPage />, { path: '/metrics/dashboard', locale: 'en' });

    expect(await screen.findByText(en['metrics.dashboard.title'])).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '府山街道95Green' })).toBeInTheDocument();
  });
});
