import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnualReport, IndicatorDefinition } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { AnnualReportPage } from './annual-report-page';

const leader = {
  id: 'u-leader',
  userName: 'district.leader',
  displayName: '李书记',
  roles: ['leader'],
  capabilities: ['view_metrics'],
  unit: { id: 'n-district', name: '越城区委', kind: 'petition_bureau' },
  jurisdiction: { regionId: 'r-district', name: '越城区', level: 'district', path: '/r-district/' },
};

const definitions: IndicatorDefinition[] = [
  {
    key: 'registered',
    kind: 'count',
    name: { zhCn: '登记信访件数', en: 'Petitions registered' },
    definition: { zhCn: '期间内收到并登记的信访件数。', en: 'Petitions received in the period.' },
  },
  {
    key: 'cases_assigned',
    kind: 'count',
    name: { zhCn: '交办件数', en: 'Cases assigned' },
    definition: { zhCn: '首次交办的办理件数。', en: 'Handling cases first assigned.' },
  },
  {
    key: 'resolution_rate',
    kind: 'rate',
    name: { zhCn: '化解率', en: 'Resolution rate' },
    definition: { zhCn: '已化解件数 ÷ 已结案件数。', en: 'Cases resolved ÷ cases closed.' },
  },
];

const year = new Date().getFullYear();

const report = (reportYear: number): AnnualReport => ({
  year: reportYear,
  regionId: 'r-district',
  regionName: '越城区',
  regionLevel: 'district',
  from: `${reportYear}-01-01`,
  to: `${reportYear}-12-31`,
  figures: [
    { key: 'registered', numerator: 40, denominator: null },
    { key: 'cases_assigned', numerator: 12, denominator: null },
    { key: 'resolution_rate', numerator: 184, denominator: 189 },
    { key: 'repeat_rate', numerator: 1, denominator: 40 },
  ],
  byChannel: [
    { key: 'visit', registered: 30 },
    { key: 'online', registered: 10 },
  ],
  byCategory: [{ key: 'health', registered: 40 }],
  mostComplainedUnits: [{ unitId: 'n-gov', unitName: '府山街道办事处', forwarded: 1, assigned: 9, supervisionOrders: 2 }],
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(leader));
  server.on('GET', '/api/v1/petition-categories', () => json({ items: [{ code: 'health', nameZh: '卫生健康', nameEn: 'Health' }] }));
  server.on('GET', '/api/v1/metrics/definitions', () => json(definitions));
});

describe('annual report page', () => {
  it('lays out the year of the region: the headline figures with their ratios, the volumes and the units most petitioned about', async () => {
    server.on('GET', '/api/v1/metrics/annual-report', (request) => json(report(Number(/year=(\d+)/.exec(request.path)?.[1]))));
    renderWithApp(<AnnualReportPage />, { path: '/metrics/annual-report' });

    expect(await screen.findByRole('heading', { name: `越城区${year}年度信访工作统计报告` })).toBeInTheDocument();
    const figures = screen.getByTestId('annual-report-figures');
    const resolution = within(figures).getByText('化解率').closest<HTMLElement>('tr')!;
    expect(resolution).toHaveTextContent('97.35% (184 / 189)');
    expect(within(figures).getByText('交办件数').closest<HTMLElement>('tr')!).toHaveTextContent('12');
    expect(within(figures).queryByText('repeat_rate')).not.toBeInTheDocument();
    const channels = screen.getByTestId('annual-report-channels');
    expect(within(channels).getByText(zhCN['channel.visit']).closest<HTMLElement>('tr')!).toHaveTextContent('75.00%');
    expect(within(screen.getByTestId('annual-report-categories')).getByText('卫生健康')).toBeInTheDocument();
    expect(within(screen.getByTestId('annual-report-units')).getByText('府山街道办事处').closest<HTMLElement>('tr')!).toHaveTextContent('府山街道办事处192');
    expect(server.requestsTo('GET', '/api/v1/metrics/annual-report')[0]?.path).toContain(`year=${year}`);
  });

  it('prints, and downloads the year as an XLSX workbook', async () => {
    server.on('GET', '/api/v1/metrics/annual-report', () => json(report(year)));
    server.on('GET', '/api/v1/metrics/annual-report/export', () =>
      new Response('xlsx-bytes', {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="annual-report-${year}.xlsx"` },
      }),
    );
    const saved = vi.fn<(blob: Blob) => string>(() => 'blob:saved');
    // jsdom has no object URLs; the saved blob is what the browser would have offered as the file.
    vi.stubGlobal('URL', class extends URL { static override createObjectURL = saved; static override revokeObjectURL = vi.fn(); });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderWithApp(<AnnualReportPage />, { path: '/metrics/annual-report' });
    const user = userEvent.setup();

    await screen.findByTestId('annual-report-figures');
    await user.click(screen.getByRole('button', { name: zhCN['annualReport.print'] }));
    expect(print).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: zhCN['annualReport.download'] }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(server.requestsTo('GET', '/api/v1/metrics/annual-report/export')[0]?.path).toContain(`year=${year}`);
    expect(await saved.mock.calls[0]?.[0].text()).toBe('xlsx-bytes');
  });

  it('offers a retry when the report cannot be read, and speaks English', async () => {
    server.on(
      'GET',
      '/api/v1/metrics/annual-report',
      () => problem(500),
      () => json(report(year)),
    );
    renderWithApp(<AnnualReportPage />, { path: '/metrics/annual-report', locale: 'en' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: en['common.retry'] }));
    expect(await screen.findByRole('heading', { name: `Annual statistical report on petition work: 越城区, ${year}` })).toBeInTheDocument();
    expect(screen.getByText('Resolution rate')).toBeInTheDocument();
  });
});
