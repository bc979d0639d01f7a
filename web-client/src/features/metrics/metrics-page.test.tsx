import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorDefinition, IndicatorRow, IndicatorTable } from '../../shared/api/api-types';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-cn';
import { createFakeApi, json, problem } from '../../test/fake-api';
import { renderWithApp } from '../../test/render-with-app';
import { MetricsPage } from './metrics-page';

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
    key: 'satisfaction_rate',
    kind: 'rate',
    name: { zhCn: '满意率', en: 'Satisfaction rate' },
    definition: { zhCn: '（满意 + 基本满意）÷ 参评件数。', en: '(Satisfied + basically satisfied) ÷ cases rated.' },
  },
];

const row = (key: string, label: string, registered: number, satisfied: number, rated: number, regionId: string | null = null): IndicatorRow => ({
  key,
  label,
  regionId,
  figures: [
    { key: 'registered', numerator: registered, denominator: null },
    { key: 'satisfaction_rate', numerator: satisfied, denominator: rated },
  ],
});

const table = (regionId: string, regionName: string, rows: IndicatorRow[]): IndicatorTable => ({
  regionId,
  regionName,
  regionLevel: 'district',
  from: '2026-01-01',
  to: '2026-03-31',
  groupBy: 'region',
  total: row('total', regionName, 12, 3, 4, regionId),
  rows,
});

let server: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  server = createFakeApi();
  vi.stubGlobal('fetch', server.fetch);
  server.on('GET', '/api/v1/me', () => json(leader));
  server.on('GET', '/api/v1/petition-categories', () => json({ items: [] }));
  server.on('GET', '/api/v1/metrics/definitions', () => json(definitions));
  server.on('GET', '/api/v1/units', () =>
    json({
      items: [{ id: 'n-town', name: '府山街道办事处', kind: 'town_government', regionId: 'r-fushan', regionName: '府山街道', version: 1 }],
      nextCursor: null,
    }),
  );
});

const unitRow = (key: string, label: string, registered: number, unitId: string | null = null): IndicatorRow => ({
  ...row(key, label, registered, 1, 2),
  unitId,
});

describe('metrics page', () => {
  it('shows each rate with its numerator and denominator, and drills down into a town', async () => {
    server.on('GET', '/api/v1/metrics/indicators', (request) =>
      request.path.includes('regionId=r-fushan')
        ? json(table('r-fushan', '府山街道', [row('r-village', '西小路社区', 2, 0, 0, 'r-village')]))
        : json(table('r-district', '越城区', [row('r-fushan', '府山街道', 9, 2, 2, 'r-fushan'), row('r-tashan', '塔山街道', 3, 1, 2, 'r-tashan')])),
    );
    renderWithApp(<MetricsPage />, { path: '/metrics' });
    const user = userEvent.setup();

    const tashan = (await screen.findByRole('button', { name: '塔山街道' })).closest<HTMLElement>('tr')!;
    expect(within(tashan).getByText('3')).toBeInTheDocument();
    const rate = within(tashan).getByTestId('figure-satisfaction_rate');
    expect(rate).toHaveTextContent('50.0%');
    await user.hover(rate);
    expect(await screen.findByText('1 / 2')).toBeInTheDocument();
    expect(screen.getByText('越城区合计')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '府山街道' }));
    expect(await screen.findByRole('button', { name: '西小路社区' })).toBeInTheDocument();
    const village = screen.getByRole('button', { name: '西小路社区' }).closest<HTMLElement>('tr')!;
    expect(within(village).getByTestId('figure-satisfaction_rate')).toHaveTextContent('—');
    expect(server.requestsTo('GET', '/api/v1/metrics/indicators').at(-1)?.path).toContain('regionId=r-fushan');

    await user.click(screen.getByRole('button', { name: zhCN['metrics.ownRegion'] }));
    expect(await screen.findByRole('button', { name: '塔山街道' })).toBeInTheDocument();
  });

  it('says when the period has no figures, and offers a retry when they cannot be read', async () => {
    server.on(
      'GET',
      '/api/v1/metrics/indicators',
      () => problem(500),
      () => json(table('r-district', '越城区', [])),
    );
    renderWithApp(<MetricsPage />, { path: '/metrics' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: zhCN['common.retry'] }));
    expect(await screen.findByText(zhCN['metrics.empty'])).toBeInTheDocument();
  });

  it('groups by responsible unit, names the rows without one, and opens a unit’s own figures from its row or the list', async () => {
    server.on('GET', '/api/v1/metrics/indicators', (request) => {
      if (request.path.includes('unitId=n-town')) {
        return json({
          ...table('r-district', '越城区', [row('r-fushan', '府山街道', 0, 2, 2, 'r-fushan')]),
          unitId: 'n-town',
          unitName: '府山街道办事处',
        });
      }
      if (request.path.includes('groupBy=unit')) {
        return json({
          ...table('r-district', '越城区', [unitRow('n-town', '府山街道办事处', 0, 'n-town'), unitRow('other_units', 'other_units', 0), unitRow('no_unit', 'no_unit', 12)]),
          groupBy: 'unit',
        });
      }
      return json(table('r-district', '越城区', [row('r-fushan', '府山街道', 9, 2, 2, 'r-fushan')]));
    });
    renderWithApp(<MetricsPage />, { path: '/metrics' });
    const user = userEvent.setup();

    await screen.findByRole('button', { name: '府山街道' });
    await user.click(screen.getByRole('combobox', { name: zhCN['metrics.groupBy'] }));
    await user.click(await screen.findByText(zhCN['metrics.groupBy.unit'], { selector: '.ant-select-item-option-content' }));
    const noUnit = (await screen.findByText(zhCN['metrics.noUnit'])).closest<HTMLElement>('tr')!;
    expect(within(noUnit).getByText('12')).toBeInTheDocument();
    expect(screen.getByText(zhCN['metrics.otherUnits'])).toBeInTheDocument();
    expect(server.requestsTo('GET', '/api/v1/metrics/indicators').at(-1)?.path).toContain('groupBy=unit');

    await user.click(screen.getByRole('button', { name: '府山街道办事处' }));
    expect(await screen.findByText('责任单位：府山街道办事处')).toBeInTheDocument();
    const opened = server.requestsTo('GET', '/api/v1/metrics/indicators').at(-1)?.path;
    expect(opened).toContain('unitId=n-town');
    expect(opened).toContain('groupBy=region');
    expect(screen.getAllByRole('button', { name: new RegExp(zhCN['metrics.export.button']) })).toHaveLength(2);

    const unitSelect = screen.getByRole('combobox', { name: zhCN['metrics.unit'] }).closest<HTMLElement>('.ant-select')!;
    await user.click(unitSelect.querySelector<HTMLElement>('.ant-select-clear')!);
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/metrics/indicators').at(-1)?.path).not.toContain('unitId'));
    expect((await screen.findAllByRole('button', { name: new RegExp(zhCN['metrics.export.button']) })).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('combobox', { name: zhCN['metrics.unit'] }));
    await user.click(await screen.findByText(/府山街道办事处/, { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(server.requestsTo('GET', '/api/v1/metrics/indicators').at(-1)?.path).toContain('unitId=n-town'));
  });

  it('exports the picked unit’s table and daily details, keeping to the unit', async () => {
    server.on('GET', '/api/v1/metrics/indicators', (request) =>
      json({
        ...table('r-district', '越城区', [row('r-fushan', '府山街道', 9, 2, 2, 'r-fushan')]),
        ...(request.path.includes('unitId=n-town') ? { unitId: 'n-town', unitName: '府山街道办事处' } : {}),
      }),
    );
    const queued = (kind: 'indicators' | 'daily_facts', parameters: Record<string, unknown>) => ({
      id: `j-${kind}`,
      kind,
      format: 'xlsx',
      parameters,
      state: 'queued',
      progress: 0,
      rowsDone: 0,
      rowsTotal: null,
      fileName: null,
      sizeBytes: null,
      error: null,
      createdAt: '2026-04-01T08:00:00+08:00',
      finishedAt: null,
      expiresAt: null,
    });
    server.on('POST', '/api/v1/metrics/export-jobs', (request) => {
      const body = request.body as { kind: 'indicators' | 'daily_facts'; parameters: Record<string, unknown> };
      return json(queued(body.kind, body.parameters), 202);
    });
    for (const kind of ['indicators', 'daily_facts'] as const) {
      server.on('GET', `/api/v1/metrics/export-jobs/j-${kind}`, () => json(queued(kind, {})));
    }
    renderWithApp(<MetricsPage />, { path: '/metrics' });
    const user = userEvent.setup();

    await screen.findByRole('button', { name: '府山街道' });
    await user.click(screen.getByRole('combobox', { name: zhCN['metrics.unit'] }));
    await user.click(await screen.findByText(/府山街道办事处/, { selector: '.ant-select-item-option-content' }));
    expect(await screen.findByText('责任单位：府山街道办事处')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: new RegExp(`${zhCN['metrics.export.button']}$`) }));
    await user.click(await screen.findByText(zhCN['metrics.export.as.xlsx']));
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')).toHaveLength(1));
    expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')[0]?.body).toMatchObject({
      kind: 'indicators',
      format: 'xlsx',
      parameters: { groupBy: 'region', unitId: 'n-town' },
    });

    await user.click(screen.getByRole('button', { name: new RegExp(zhCN['metrics.export.facts']) }));
    await user.click((await screen.findAllByText(zhCN['metrics.export.as.csv'])).at(-1)!);
    await waitFor(() => expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')).toHaveLength(2));
    expect(server.requestsTo('POST', '/api/v1/metrics/export-jobs')[1]?.body).toMatchObject({
      kind: 'daily_facts',
      format: 'csv',
      parameters: { unitId: 'n-town' },
    });
  });

  it('says when no unit has figures, and when the unit picked is out of reach', async () => {
    server.on('GET', '/api/v1/metrics/indicators', (request) =>
      request.path.includes('unitId=') ? problem(404) : json({ ...table('r-district', '越城区', []), groupBy: 'unit' }),
    );
    renderWithApp(<MetricsPage />, { path: '/metrics' });
    const user = userEvent.setup();

    expect(await screen.findByText(zhCN['metrics.empty'])).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: zhCN['metrics.unit'] }));
    await user.click(await screen.findByText(/府山街道办事处/, { selector: '.ant-select-item-option-content' }));
    expect(await screen.findByRole('button', { name: zhCN['common.retry'] })).toBeInTheDocument();
    expect(screen.queryByTestId('metrics-table')).not.toBeInTheDocument();
  });

  it('speaks English, with the definitions as help', async () => {
    server.on('GET', '/api/v1/metrics/indicators', () => json(table('r-district', '越城区', [row('r-fushan', '府山街道', 9, 2, 2, 'r-fushan')])));
    renderWithApp(<MetricsPage />, { path: '/metrics', locale: 'en' });
    const user = userEvent.setup();

    expect(await screen.findByText(en['metrics.title'])).toBeInTheDocument();
    const help = await screen.findAllByLabelText('Definition of Satisfaction rate', {}, { timeout: 5000 });
    await user.hover(help[0]!);
    expect(await screen.findByText('(Satisfied + basically satisfied) ÷ cases rated.')).toBeInTheDocument();
  });
});
